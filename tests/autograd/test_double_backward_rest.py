"""Double backward (``create_graph=True``) without torch through the last nodes that had only a numpy
formula: in-place ops on views (``CopySlices``, ``AsStridedBackward0``), the in-place activations, prelu,
the losses, and the two-operand and reduction ops listed in docs/implemented.md. Second derivatives checked by
finite differences (``gradgradcheck``) and by hand."""

import numpy as np
import pytest

import minitorch
import minitorch.nn.functional as F
from minitorch.autograd import gradgradcheck


def _inputs(*shapes, seed=0):
    """float64 inputs away from zero, with both signs (the activations' kinks stay out of the finite differences)."""
    random = np.random.default_rng(seed)
    return [minitorch.tensor(random.uniform(0.3, 1.5, s) * random.choice([-1.0, 1.0], s), dtype=minitorch.float64,
                             requires_grad=True) for s in shapes]


WEIGHTS = minitorch.tensor([0.5, 1.0, 2.0], dtype=minitorch.float64)


def _scaled_column(x):
    y = x * 1
    y[:, 0] *= 2
    return y


def _row_set(x, v):
    y = x * 1
    y[1] = v * v
    return y


def _view_sigmoid_(x):
    y = x * 1
    y.t()[1:].sigmoid_()
    return y


OPS = {
    "setitem_scaled_column": (lambda x: _scaled_column(x) ** 3, [(2, 3)]),
    "setitem_row": (lambda x, v: _row_set(x, v) ** 3, [(2, 3), (3,)]),
    "view_mul_": (lambda x: (x * 1)[1].mul_(x[0]) ** 3, [(2, 3)]),
    "view_sigmoid_": (lambda x: _view_sigmoid_(x) ** 3, [(2, 3)]),
    "relu_": (lambda x: F.relu(x * 1, inplace=True) ** 3, [(2, 3)]),
    "leaky_relu_": (lambda x: F.leaky_relu(x * 1, 0.1, inplace=True) ** 3, [(2, 3)]),
    "elu_": (lambda x: F.elu(x * 1, 0.7, inplace=True) ** 3, [(2, 3)]),
    "selu_": (lambda x: F.selu(x * 1, inplace=True) ** 3, [(2, 3)]),
    "celu_": (lambda x: F.celu(x * 1, 0.5, inplace=True) ** 3, [(2, 3)]),
    "prelu": (lambda x, w: F.prelu(x, w) ** 3, [(2, 3, 2), (3,)]),
    "prelu_shared": (lambda x, w: F.prelu(x, w) ** 3, [(2, 3), (1,)]),
    "bce": (lambda x, t: F.binary_cross_entropy(x.sigmoid(), t.sigmoid()), [(2, 3), (2, 3)]),
    "bce_weight_sum": (lambda x, t: F.binary_cross_entropy(x.sigmoid(), t.sigmoid(), WEIGHTS, reduction="sum"),
                       [(2, 3), (2, 3)]),
    "bce_none": (lambda x, t: F.binary_cross_entropy(x.sigmoid(), t.sigmoid(), reduction="none"), [(2, 3), (2, 3)]),
    "bce_logits_target": (lambda x, t: F.binary_cross_entropy_with_logits(x, t.sigmoid()), [(2, 3), (2, 3)]),
    "bce_logits_pos_weight": (lambda x, t: F.binary_cross_entropy_with_logits(
        x, t.sigmoid(), WEIGHTS, pos_weight=WEIGHTS.flip(0), reduction="sum"), [(2, 3), (2, 3)]),
    "kl_div": (lambda x, t: F.kl_div(x.log_softmax(1), t.softmax(1), reduction="batchmean"), [(2, 3), (2, 3)]),
    "kl_div_log_target": (lambda x, t: F.kl_div(x.log_softmax(1), t.log_softmax(1), reduction="sum",
                                                log_target=True), [(2, 3), (2, 3)]),
    "logit": (lambda x: x.sigmoid().logit() ** 2, [(2, 3)]),
    "logit_eps": (lambda x: (x * 0.4 + 0.5).logit(0.2) ** 2, [(2, 3)]),
    "atan2": (lambda x, y: minitorch.atan2(x, y) * x, [(2, 3), (3,)]),
    "hypot": (lambda x, y: minitorch.hypot(x, y) * x, [(2, 3), (3,)]),
    "fmod": (lambda x, y: minitorch.fmod(x * 2.1, y) * x, [(2, 3), (3,)]),
    "remainder": (lambda x, y: minitorch.remainder(x * 2.1, y) * x, [(2, 3), (3,)]),
    "fmax_fmin": (lambda x, y: minitorch.fmax(x, y) * minitorch.fmin(x, y), [(2, 3), (3,)]),
    "xlogy": (lambda x, y: minitorch.xlogy(x, y * y) * x, [(2, 3), (3,)]),
    "xlogy_numbers": (lambda x: minitorch.xlogy(x, 3.0) * minitorch.xlogy(2.5, x * x), [(2, 3)]),
    "copysign": (lambda x, y: minitorch.copysign(x * x, y) * x * y, [(2, 3), (3,)]),
    "logaddexp": (lambda x, y: minitorch.logaddexp(x, y) * minitorch.logaddexp2(x, y), [(2, 3), (3,)]),
    "ldexp": (lambda x, y: minitorch.ldexp(x, y) * x, [(2, 3), (3,)]),
    "norm_inf": (lambda x: x.norm(float("inf"), dim=1) ** 2 * x.norm(float("inf")), [(2, 3)]),
    "norm_minus_inf": (lambda x: minitorch.linalg.vector_norm(x, float("-inf"), dim=0, keepdim=True) * x, [(2, 3)]),
    "trace": (lambda x: x.trace() * x, [(3, 3)]),
    "diag": (lambda x: x.diag(1) * x[:2, 0] + x[0].diag(-1).sum(0)[:2] ** 2, [(3, 3)]),
    "diag_embed": (lambda x: minitorch.diag_embed(x, 1, 0, 2) ** 2, [(2, 3)]),
    "cross": (lambda a, b: minitorch.cross(a, b, dim=1) * a, [(2, 3), (2, 3)]),
    "linalg_cross": (lambda a, b: minitorch.linalg.cross(a, b) ** 2, [(2, 3), (1, 3)]),
    "aminmax": (lambda x: x.aminmax(dim=1)[0] * x.aminmax(dim=1, keepdim=True)[1], [(2, 3)]),
    "aminmax_all": (lambda x: x.aminmax()[0] * x.aminmax()[1] * x, [(2, 3)]),
    "var_mean": (lambda x: minitorch.var_mean(x, 1)[0] * minitorch.var_mean(x, (0, 1), keepdim=True)[1], [(2, 3)]),
    "cumprod_with_zeros": (lambda x: (x * (x.abs() > 0.7)).cumprod(1) * x, [(2, 4)]),
    "digamma": (lambda x: x.abs().digamma() * x, [(2, 3)]),
    "polygamma": (lambda x: minitorch.polygamma(2, x.abs()) * x.abs().polygamma(1), [(2, 3)]),
    "rsub": (lambda x, y: minitorch.rsub(x, y * y, alpha=2) * x, [(2, 3), (3,)]),
    "clamp_tensor_bounds": (lambda x, y: minitorch.clamp(x, min=y * 0.5, max=y * 2) * x, [(2, 3), (3,)]),
    "nansum": (lambda x: minitorch.nansum(x * x) * x + minitorch.nansum(x, 1, keepdim=True) ** 2, [(2, 3)]),
    "vdot": (lambda a, b: minitorch.vdot(a, b * a) * a, [(3,), (3,)]),
    "addmv": (lambda v0, m, v: minitorch.addmv(v0, m, v * v, beta=2, alpha=3) ** 2, [(2,), (2, 3), (3,)]),
    "addr": (lambda m, u, v: minitorch.addr(m, u * u, v, beta=0.5, alpha=2) ** 2, [(2, 3), (2,), (3,)]),
    "baddbmm": (lambda m, a, b: minitorch.baddbmm(m, a, b * b, alpha=2) ** 2, [(2, 2), (3, 2, 4), (3, 4, 2)]),
    "addbmm": (lambda m, a, b: minitorch.addbmm(m, a * a, b, beta=3) ** 2, [(2, 2), (3, 2, 4), (3, 4, 2)]),
    "interpolate_nearest": (lambda x: F.interpolate(x, scale_factor=2) ** 3, [(1, 1, 2, 3)]),
    "interpolate_bilinear": (lambda x: F.interpolate(x * x, size=(3, 4), mode="bilinear") ** 2, [(1, 1, 2, 3)]),
    "interpolate_linear": (lambda x: F.interpolate(x, size=5, mode="linear", align_corners=True) ** 3, [(1, 2, 3)]),
    "softshrink": (lambda x: F.softshrink(x * x, 0.2) ** 3, [(2, 3)]),
    "hardshrink": (lambda x: F.hardshrink(x, 0.1) ** 3, [(2, 3)]),
    "std_mean": (lambda x: minitorch.std_mean(x, 0, correction=0)[0] * minitorch.std_mean(x)[1] * x, [(2, 3)]),
}


@pytest.mark.parametrize("name", sorted(OPS))
def test_second_derivatives_match_finite_differences(name):
    fn, shapes = OPS[name]
    assert gradgradcheck(fn, _inputs(*shapes))


def test_setitem_gradient_of_the_gradient_by_hand():
    # y = x * 1 with y[0] = x[1] ** 2: sum(y) = x[1] + x[1] ** 2 + x[2], so d/dx = [0, 1 + 2 x1, 1], d2/dx1 = 2
    x = minitorch.tensor([5.0, 3.0, 4.0], dtype=minitorch.float64, requires_grad=True)
    y = x * 1
    y[0] = x[1] ** 2
    (grad,) = minitorch.autograd.grad(y.sum(), x, create_graph=True)
    assert grad.tolist() == [0.0, 7.0, 1.0] and grad.grad_fn.name() == "AddBackward0"
    (second,) = minitorch.autograd.grad(grad.sum(), x)
    assert second.tolist() == [0.0, 2.0, 0.0]


def test_xlogy_of_a_number_and_a_tensor():
    # xlogy(2, p) = 2 log p: d/dp = 2 / p, d2/dp2 = -2 / p**2 (torch.xlogy(2.0, p) takes a number first)
    p = minitorch.tensor([0.5, 2.0], dtype=minitorch.float64, requires_grad=True)
    y = minitorch.xlogy(2.0, p)
    assert y.grad_fn.name() == "XlogyBackward1" and y.grad_fn._saved_self == 2.0
    (grad,) = minitorch.autograd.grad(y.sum(), p, create_graph=True)
    assert grad.tolist() == [4.0, 1.0]
    (second,) = minitorch.autograd.grad(grad.sum(), p)
    assert second.tolist() == [-8.0, -0.5]


def test_digamma_differentiates_to_polygamma():
    # the derivatives of digamma at 1: pi**2 / 6, -2 zeta(3), pi**4 / 15
    x = minitorch.tensor([1.0], dtype=minitorch.float64, requires_grad=True)
    (first,) = minitorch.autograd.grad(x.digamma().sum(), x, create_graph=True)
    (second,) = minitorch.autograd.grad(first.sum(), x, create_graph=True)
    (third,) = minitorch.autograd.grad(second.sum(), x)
    assert first.grad_fn.name() == "MulBackward0" and second.grad_fn.name() == "MulBackward0"
    np.testing.assert_allclose([first.item(), second.item(), third.item()],
                               [np.pi ** 2 / 6, -2 * 1.2020569031595942, np.pi ** 4 / 15], rtol=1e-8)


def test_cumprod_with_a_zero_differentiates_twice():
    # cumprod([a, b, c]) = [a, ab, abc]; at b = 0 the sum's gradient is [1 + b + bc, a + ac, ab] = [1, a + ac, 0]
    # and the gradient of its middle entry a + ac is [1 + c, 0, a]
    x = minitorch.tensor([2.0, 0.0, 3.0], dtype=minitorch.float64, requires_grad=True)
    (grad,) = minitorch.autograd.grad(x.cumprod(0).sum(), x, create_graph=True)
    assert grad.tolist() == [1.0, 8.0, 0.0]
    (second,) = minitorch.autograd.grad(grad[1], x)
    assert second.tolist() == [4.0, 0.0, 2.0]


def test_in_place_elu_second_derivative_by_hand():
    # elu_(x) = exp(x) - 1 for x < 0: its second derivative is exp(x), read from the result as result + 1
    x = minitorch.tensor([-1.0, 2.0], dtype=minitorch.float64, requires_grad=True)
    (grad,) = minitorch.autograd.grad(F.elu(x * 1, inplace=True).sum(), x, create_graph=True)
    (second,) = minitorch.autograd.grad(grad.sum(), x)
    np.testing.assert_allclose(second.numpy(), [np.exp(-1.0), 0.0], rtol=1e-12)


THIRD_ORDER = {
    "elu": lambda x, t: F.elu(x, 1.5), "celu_": lambda x, t: F.celu(x * 1, 0.7, inplace=True),
    "selu": lambda x, t: F.selu(x), "gelu": lambda x, t: F.gelu(x),
    "gelu_tanh": lambda x, t: F.gelu(x, approximate="tanh"), "softplus": lambda x, t: F.softplus(x, beta=2.0),
    "logsigmoid": lambda x, t: F.logsigmoid(x), "hardswish": lambda x, t: F.hardswish(x),
    "smooth_l1": lambda x, t: F.smooth_l1_loss(x * x, t, beta=0.3, reduction="none"),
    "huber": lambda x, t: F.huber_loss(x * x, t * x, delta=5.0),
}


@pytest.mark.parametrize("name", sorted(THIRD_ORDER))
def test_third_derivatives_match_finite_differences(name):
    # gradgradcheck of the gradient itself (recorded with create_graph=True) checks the third derivative
    def gradient(x, t):
        return minitorch.autograd.grad((THIRD_ORDER[name](x, t) ** 3).sum(), x, create_graph=True)[0]
    assert gradgradcheck(gradient, _inputs((2, 3), (2, 3), seed=3))
