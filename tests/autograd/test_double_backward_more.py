"""Double backward (``create_graph=True``) without torch, for the element-wise math table and the other ops
added to it: second derivatives checked by finite differences (``gradgradcheck``) and hand-derived values.
"""

import math

import numpy as np
import pytest

import minitorch
import minitorch.nn.functional as F
from minitorch.autograd import gradgradcheck


def _inputs(*shapes, low=0.2, high=0.8, seed=0):
    """float64 leaves with values in [low, high]: inside every table function's domain (acosh shifts by 1)."""
    random = np.random.default_rng(seed)
    return [minitorch.tensor(random.uniform(low, high, shape), dtype=minitorch.float64, requires_grad=True)
            for shape in shapes]


TABLE = ["tan", "asin", "acos", "atan", "sinh", "cosh", "asinh", "atanh", "exp2", "expm1", "log2", "log10",
         "log1p", "rsqrt", "erf", "erfc", "erfinv", "lgamma", "deg2rad", "rad2deg", "sinc", "frac"]


@pytest.mark.parametrize("name", TABLE)
def test_table_second_derivatives_match_finite_differences(name):
    (x,) = _inputs((2, 3))
    assert gradgradcheck(lambda a: getattr(minitorch, name)(a) * a, [x])


def test_acosh_second_derivative_matches_finite_differences():
    (x,) = _inputs((3,), low=1.2, high=2.0)
    assert gradgradcheck(lambda a: a.acosh() * a, [x])


def test_sinc_at_zero_follows_torch_formula():
    # torch's sinc_backward puts 0 where x == 0 with a where(); differentiating it again still goes through the
    # division 0 / 0 of the branch not taken, so the second derivative there is nan, as torch's
    x = minitorch.tensor([0.0, 0.5], dtype=minitorch.float64, requires_grad=True)
    (g,) = minitorch.autograd.grad(x.sinc().sum(), x, create_graph=True)
    (h,) = minitorch.autograd.grad(g.sum(), x)
    assert g[0].item() == 0.0 and math.isnan(h[0].item())


def test_second_derivative_of_log1p_by_hand():
    # d/dx log(1 + x) = 1 / (1 + x); d2/dx2 = -1 / (1 + x)**2
    x = minitorch.tensor([1.0, 3.0], dtype=minitorch.float64, requires_grad=True)
    (g,) = minitorch.autograd.grad(x.log1p().sum(), x, create_graph=True)
    (h,) = minitorch.autograd.grad(g.sum(), x)
    assert g.tolist() == [0.5, 0.25] and h.tolist() == [-0.25, -0.0625]


def test_third_derivative_of_exp2_by_hand():
    # d^n/dx^n 2**x = 2**x * log(2)**n
    x = minitorch.tensor(1.0, dtype=minitorch.float64, requires_grad=True)
    (d1,) = minitorch.autograd.grad(x.exp2(), x, create_graph=True)
    (d2,) = minitorch.autograd.grad(d1, x, create_graph=True)
    (d3,) = minitorch.autograd.grad(d2, x)
    assert d3.item() == pytest.approx(2 * math.log(2) ** 3, rel=1e-12)


ACTIVATIONS = {
    "leaky_relu": lambda a: F.leaky_relu(a, 0.2), "elu": lambda a: F.elu(a, 1.5), "selu": F.selu,
    "celu": lambda a: F.celu(a, 0.7), "gelu": F.gelu, "gelu_tanh": lambda a: F.gelu(a, approximate="tanh"),
    "silu": F.silu, "mish": F.mish, "softplus": lambda a: F.softplus(a, beta=2.0, threshold=1.0),
    "hardtanh": lambda a: F.hardtanh(a, -0.5, 0.5), "relu6": F.relu6, "logsigmoid": F.logsigmoid,
    "hardswish": F.hardswish, "threshold": lambda a: F.threshold(a, 0.1, -2.0),
}
AWAY_FROM_KINKS = [-3.5, -1.2, -0.3, 0.4, 0.8, 2.5, 3.7]


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_activation_second_derivatives_match_finite_differences(name):
    x = minitorch.tensor(AWAY_FROM_KINKS, dtype=minitorch.float64, requires_grad=True)
    assert gradgradcheck(lambda a: ACTIVATIONS[name](a) * a, [x])


def test_gelu_second_derivative_by_hand():
    # gelu(x) = x * Phi(x); gelu'' = phi(x) * (2 - x**2); at 0: 2 / sqrt(2 pi)
    x = minitorch.tensor(0.0, dtype=minitorch.float64, requires_grad=True)
    (g,) = minitorch.autograd.grad(F.gelu(x), x, create_graph=True)
    (h,) = minitorch.autograd.grad(g, x)
    assert g.item() == 0.5 and h.item() == pytest.approx(2 / math.sqrt(2 * math.pi), rel=1e-15)


def test_hardsigmoid_gradient_is_recorded_but_not_differentiable_as_in_torch():
    x = minitorch.tensor([0.5, 1.0], requires_grad=True)
    (g,) = minitorch.autograd.grad(F.hardsigmoid(x).sum(), x, create_graph=True)
    assert g.grad_fn.name() == "torch::autograd::NotImplemented"
    with pytest.raises(RuntimeError, match="derivative for aten::hardsigmoid_backward is not implemented"):
        g.sum().backward()


SHAPES = {
    "select": lambda a: a[1] ** 3, "select_last_dim": lambda a: a[:, -1] ** 3, "slice": lambda a: a[:, 1:3] ** 3,
    "slice_step": lambda a: a[::2, 1:] ** 3, "narrow": lambda a: a.narrow(1, 1, 2) ** 3,
    "index": lambda a: a[[0, 1, 0]] ** 3, "index_mask": lambda a: a[a > 0.5] ** 3,
    "index_pairs": lambda a: a[[0, 1], [2, 0]] ** 3, "cat": lambda a: minitorch.cat([a, a * 2], 1) ** 3,
    "stack": lambda a: minitorch.stack([a, a * 3]) ** 3, "split": lambda a: a.split(2, 1)[1] ** 3,
    "split_sizes": lambda a: a.split([1, 3], 1)[1] ** 3, "chunk": lambda a: a.chunk(2, 1)[0] ** 3,
    "unbind": lambda a: a.unbind(0)[1] ** 3 * a.unbind(0)[0],
    "squeeze_dims": lambda a: a.unsqueeze(0).unsqueeze(2).squeeze((0, 1, 2)) ** 3,
    "flip": lambda a: a.flip(0) ** 3 * a, "roll": lambda a: a.roll(1, 1) ** 3 * a,
    "roll_flat": lambda a: a.roll(3) ** 3 * a, "masked_fill": lambda a: a.masked_fill(a > 0.5, 0.0) ** 3,
    "cumsum": lambda a: a.cumsum(1) ** 3,
}


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_indexing_and_joining_second_derivatives_match_finite_differences(name):
    (x,) = _inputs((2, 4))
    assert gradgradcheck(SHAPES[name], [x])


def test_third_derivative_of_a_selected_cube_is_six():
    x = minitorch.tensor([1.0, 2.0], dtype=minitorch.float64, requires_grad=True)
    (d1,) = minitorch.autograd.grad(x[1] ** 3, x, create_graph=True)
    (d2,) = minitorch.autograd.grad(d1[1], x, create_graph=True)
    (d3,) = minitorch.autograd.grad(d2[1], x)
    assert d1.tolist() == [0.0, 12.0] and d2.tolist() == [0.0, 12.0] and d3.tolist() == [0.0, 6.0]


TARGET = [1, 0, 2]
REDUCTIONS = {
    "norm": lambda a: a.norm() ** 3, "norm_dim": lambda a: a.norm(dim=1) ** 3,
    "norm_keepdim": lambda a: a.norm(dim=0, keepdim=True) ** 3, "norm_1": lambda a: a.norm(p=1, dim=0) ** 2,
    "vector_norm_3": lambda a: minitorch.linalg.vector_norm(a, 3) ** 2,
    "vector_norm_1_5": lambda a: minitorch.linalg.vector_norm(a, 1.5, dim=1) ** 2,
    "vector_norm_half": lambda a: minitorch.linalg.vector_norm(a, 0.5, dim=1) ** 2,
    "cross_entropy": lambda a: F.cross_entropy(a, minitorch.tensor(TARGET)) ** 2,
    "cross_entropy_none": lambda a: F.cross_entropy(a, minitorch.tensor(TARGET), reduction="none") ** 2,
    "cross_entropy_weight_ignore": lambda a: F.cross_entropy(
        a, minitorch.tensor(TARGET), weight=minitorch.tensor([0.5, 2.0, 1.0, 1.5], dtype=minitorch.float64),
        ignore_index=0) ** 2,
    "max": lambda a: a.max() ** 3, "max_dim": lambda a: a.max(1)[0] ** 3,
    "min_dim_keepdim": lambda a: a.min(0, keepdim=True).values ** 3, "amax": lambda a: a.amax(1) ** 3,
    "amin_dims": lambda a: a.amin((0, 1)) ** 3, "amax_keepdim": lambda a: a.amax(0, keepdim=True) ** 3,
    "logsumexp": lambda a: a.logsumexp(1) ** 2, "logsumexp_keepdim": lambda a: a.logsumexp(0, keepdim=True) ** 2,
    "var": lambda a: a.var() * a.sum(), "var_dim": lambda a: a.var(1) ** 2,
    "var_keepdim": lambda a: a.var(0, keepdim=True, correction=0) ** 2, "std": lambda a: a.std() ** 3,
    "std_dim": lambda a: a.std(0, unbiased=False) ** 2,
    "bce_with_logits": lambda a: F.binary_cross_entropy_with_logits(a, minitorch.full_like(a, 0.3)) ** 2,
    "bce_with_logits_weights": lambda a: F.binary_cross_entropy_with_logits(
        a, minitorch.full_like(a, 0.3), weight=minitorch.full_like(a, 2.0),
        pos_weight=minitorch.tensor([1.5, 0.5, 1.0, 2.0], dtype=minitorch.float64), reduction="sum") ** 2,
}


@pytest.mark.parametrize("name", sorted(REDUCTIONS))
def test_reduction_and_loss_second_derivatives_match_finite_differences(name):
    (x,) = _inputs((3, 4))
    assert gradgradcheck(REDUCTIONS[name], [x])


def test_gradient_penalty_of_a_norm_by_hand():
    # WGAN-GP's penalty (||g|| - 1)**2 with g = d/dx (w . x) = w: d/dw = 2 (||w|| - 1) w / ||w||
    w = minitorch.tensor([3.0, 4.0], dtype=minitorch.float64, requires_grad=True)
    x = minitorch.tensor([1.0, 1.0], dtype=minitorch.float64, requires_grad=True)
    (g,) = minitorch.autograd.grad((w * x).sum(), x, create_graph=True)
    ((g.norm(2) - 1) ** 2).backward()
    assert w.grad.tolist() == [2 * 4 * 3 / 5, 2 * 4 * 4 / 5]


def test_norm_inf_differentiates_twice():
    x = minitorch.tensor([1.0, -3.0, 2.0], requires_grad=True)
    (g,) = minitorch.autograd.grad(x.norm(float("inf")), x)  # a plain backward: sgn(x) at the maximum
    assert g.tolist() == [0.0, -1.0, 0.0]
    # ||x||_inf ** 2 = x1 ** 2 near x: d/dx = [0, 2 * x1, 0] = [0, -6, 0], d2/dx1 = 2
    (g,) = minitorch.autograd.grad(x.norm(float("inf")) ** 2, x, create_graph=True)
    assert g.tolist() == [0.0, -6.0, 0.0]
    (second,) = minitorch.autograd.grad(g.sum(), x)
    assert second.tolist() == [0.0, 2.0, 0.0]


@pytest.mark.parametrize("name, options", [("smooth_l1_loss", {}), ("smooth_l1_loss", {"beta": 0.3}),
                                           ("huber_loss", {"delta": 0.3})])
@pytest.mark.parametrize("reduction", ["mean", "none", "sum"])
def test_smooth_l1_and_huber_second_derivatives_match_finite_differences(name, options, reduction):
    # values away from the band edges |x - t| = beta, where the second derivative jumps
    x = minitorch.tensor([0.1, 0.9, 0.45, 2.0, 0.7], dtype=minitorch.float64, requires_grad=True)
    t = minitorch.tensor([0.5, 0.5, 0.5, 0.5, 0.6], dtype=minitorch.float64, requires_grad=True)
    loss = getattr(F, name)
    assert gradgradcheck(lambda a, b: loss(a, b, reduction=reduction, **options) ** 2, [x, t])


@pytest.mark.parametrize("padding_idx", [None, 0])
def test_embedding_second_derivatives_match_finite_differences(padding_idx):
    (w,) = _inputs((4, 3))
    indices = minitorch.tensor([[1, 0], [3, 1]])
    assert gradgradcheck(lambda weight: F.embedding(indices, weight, padding_idx=padding_idx) ** 3, [w])


def test_embedding_with_scale_grad_by_freq_refuses_create_graph_clearly():
    (w,) = _inputs((4, 3))
    y = F.embedding(minitorch.tensor([1, 1, 2]), w, scale_grad_by_freq=True)
    with pytest.raises(NotImplementedError, match="EmbeddingBackward0 with scale_grad_by_freq=True"):
        minitorch.autograd.grad((y ** 2).sum(), w, create_graph=True)
