"""Double backward against real torch through in-place ops on views (``CopySlices``), the in-place
activations, prelu, the losses, and the two-operand and reduction ops that differentiate twice last: the
graph of each gradient (torch's nodes, one by one), the gradients and the second derivatives."""

import numpy as np
import pytest

import minitorch

torch = pytest.importorskip("torch")
pytestmark = pytest.mark.parity


def _scaled_column(x):
    y = x * 1
    y[:, 0] *= 2
    return y


def _row_set(x, s):
    y = x * 1
    y[1] = s[:, 0].repeat(2)[:4] * x[0]
    return y


def _view_sigmoid_(x):
    y = x * 1
    y.t()[1:].sigmoid_()
    return y


def _cases(lib):
    F = lib.nn.functional
    weights = lib.tensor([0.5, 1.0, 2.0, 1.5], dtype=lib.float64)
    return {
        **_loss_cases(lib, F, weights),
        **_two_operand_cases(lib),
        **_reduction_cases(lib),
        "setitem_scaled_column": lambda x, s, v: _scaled_column(x) ** 3,
        "setitem_row": lambda x, s, v: _row_set(x, s) ** 3,
        "view_add_": lambda x, s, v: (x * 1)[1].add_(v * x[0]).mul_(2) ** 3,
        "view_sigmoid_": lambda x, s, v: _view_sigmoid_(x) * x,
        "relu_": lambda x, s, v: F.relu(x * 1, inplace=True) ** 3,
        "relu_module": lambda x, s, v: lib.nn.ReLU(inplace=True)(x * 1) ** 3,
        "leaky_relu_": lambda x, s, v: F.leaky_relu(x * 1, 0.1, inplace=True) ** 3,
        "elu_": lambda x, s, v: F.elu(x * 1, 0.7, inplace=True) ** 3,
        "selu_": lambda x, s, v: F.selu(x * 1, inplace=True) ** 3,
        "celu_": lambda x, s, v: F.celu(x * 1, 0.5, inplace=True) ** 3,
        "sigmoid_tanh_": lambda x, s, v: (x * 1).sigmoid_() * (x * 1).tanh_() * x,
        "prelu": lambda x, s, v: F.prelu(x.view(1, 3, 4), s[:, 0]) ** 3,
        "prelu_shared": lambda x, s, v: F.prelu(x, v.view(1)) ** 3,
    }


def _loss_cases(lib, F, weights):
    def target(s):
        return s.repeat(1, 2).sigmoid()
    return {
        "bce": lambda x, s, v: F.binary_cross_entropy(x.sigmoid(), target(s)),
        "bce_weight_sum": lambda x, s, v: F.binary_cross_entropy(x.sigmoid(), target(s), weights, reduction="sum"),
        "bce_none": lambda x, s, v: F.binary_cross_entropy((x * v).sigmoid(), x.flip(0).sigmoid(), reduction="none"),
        "bce_logits_target": lambda x, s, v: F.binary_cross_entropy_with_logits(x, target(s)),
        "bce_logits_pos_weight": lambda x, s, v: F.binary_cross_entropy_with_logits(
            x * v, target(s), weights, pos_weight=weights.flip(0), reduction="sum"),
        "kl_div": lambda x, s, v: F.kl_div(x.log_softmax(1), target(s).softmax(1), reduction="batchmean"),
        "kl_div_log_target": lambda x, s, v: F.kl_div(x.log_softmax(1), target(s).log(), reduction="sum",
                                                       log_target=True),
        "logit": lambda x, s, v: x.sigmoid().logit() * x,
        "logit_eps": lambda x, s, v: (x * 0.4 + 0.5).logit(0.2) * x,
    }


def _two_operand_cases(lib):
    return {
        "atan2": lambda x, s, v: lib.atan2(x, s.repeat(1, 2) * x.flip(0)),
        "hypot": lambda x, s, v: lib.hypot(x * v, s.repeat(1, 2)) * x,
        "fmod": lambda x, s, v: lib.fmod(x * 3, s.repeat(1, 2) + v) * x,
        "fmod_number": lambda x, s, v: lib.fmod(x * 3, 0.7) * x,
        "remainder": lambda x, s, v: lib.remainder(x * 3, s.repeat(1, 2) * v) * x,
        "remainder_number": lambda x, s, v: lib.remainder(x * 3, -0.7) * x,
        "fmax_fmin": lambda x, s, v: lib.fmax(x, x.flip(1) * v) * lib.fmin(x, s.repeat(1, 2)),
        "xlogy": lambda x, s, v: lib.xlogy(x * x.flip(0), s.repeat(1, 2) ** 2) * x,
        "xlogy_numbers": lambda x, s, v: lib.xlogy(x, 3.0) * lib.xlogy(x, -1.0) * lib.xlogy(2.5, x * x),
        "copysign": lambda x, s, v: lib.copysign(x * v, s.repeat(1, 2)) * lib.copysign(x * x, -1.0),
        "logaddexp": lambda x, s, v: lib.logaddexp(x, s.repeat(1, 2) * v) * lib.logaddexp2(x, x.flip(0)),
        "ldexp": lambda x, s, v: lib.ldexp(x, s.repeat(1, 2) * v) * x,
    }


def _reduction_cases(lib):
    return {
        "norm_inf": lambda x, s, v: x.norm(float("inf"), dim=1) ** 2 * x.norm(float("inf")),
        "norm_minus_inf": lambda x, s, v: lib.linalg.vector_norm(x, float("-inf"), dim=0, keepdim=True) * x,
        "trace": lambda x, s, v: x[:, :3].trace() * x,
        "diag": lambda x, s, v: x.diag(1) * x[:, 0] + x[0].diag(-1).sum(0)[:3] ** 2,
        "diag_embed": lambda x, s, v: lib.diag_embed(x, 1, 0, 2) ** 2 + lib.diag_embed(x * v)[0, 0, :1],
        "cross": lambda x, s, v: lib.cross(x[:, :3], x[:, 1:], dim=1) * x[:, :3],
        "linalg_cross": lambda x, s, v: lib.linalg.cross(x[:, 1:], s[:1].repeat(1, 2)[:, :3]) ** 2,
        "aminmax": lambda x, s, v: x.aminmax(dim=1)[0] * x.aminmax(dim=1, keepdim=True)[1],
        "aminmax_all": lambda x, s, v: x.aminmax()[0] * lib.aminmax(x)[1] * x,
        "var_mean": lambda x, s, v: lib.var_mean(x, 1)[0] * lib.var_mean(x, (0, 1), keepdim=True)[1],
        "std_mean": lambda x, s, v: lib.std_mean(x, 0, correction=0)[0] * lib.std_mean(x)[1] * x[0],
        "cumprod_with_zeros": lambda x, s, v: (x * (x.abs() > 0.6)).cumprod(1) * x,
        "digamma": lambda x, s, v: x.abs().digamma() * x,
        "polygamma": lambda x, s, v: lib.polygamma(2, x.abs()) * x.abs().polygamma(1),
        "rsub": lambda x, s, v: lib.rsub(x, x.flip(0) * v, alpha=2) * x,
        "clamp_tensor_bounds": lambda x, s, v: lib.clamp(x, min=s[:, :1] * 0.5, max=x[0] * v) * x,
        "clamp_tensor_min": lambda x, s, v: x.clamp(min=x[1]) * x.clamp(max=v),
        "nansum": lambda x, s, v: lib.nansum(x * x) * x + lib.nansum(x * v, 1, keepdim=True) ** 2,
        "vdot": lambda x, s, v: lib.vdot(x[0], x[1] * v) * x,
        "addmv": lambda x, s, v: lib.addmv(s[:, 0], x, x[0] * v, beta=2, alpha=3) ** 2,
        "addr": lambda x, s, v: lib.addr(x, s[:, 0], x[1] * x[1], beta=0.5, alpha=2) ** 2,
        "baddbmm": lambda x, s, v: lib.baddbmm(s[:1, :1], x.view(3, 1, 4), x.view(3, 4, 1) * v, alpha=2) ** 2,
        "addbmm": lambda x, s, v: lib.addbmm(s[:1, :1], x.view(3, 1, 4), x.view(3, 4, 1) * v, beta=3) ** 2,
        "interpolate_nearest": lambda x, s, v: lib.nn.functional.interpolate(
            x.view(1, 1, 3, 4) * v, scale_factor=2) ** 3,
        "interpolate_bilinear": lambda x, s, v: lib.nn.functional.interpolate(
            x.view(1, 1, 3, 4) ** 2, size=(4, 7), mode="bilinear") ** 2,
        "interpolate_linear": lambda x, s, v: lib.nn.functional.interpolate(
            x.view(1, 3, 4), scale_factor=1.5, mode="linear", align_corners=True) ** 3,
        "softshrink": lambda x, s, v: lib.nn.functional.softshrink(x * x, 0.7) ** 3,
        "hardshrink": lambda x, s, v: lib.nn.functional.hardshrink(x * v, 0.4) ** 3,
        "std_mean_one_output": lambda x, s, v: lib.std_mean(x, 1, keepdim=True)[0] ** 2 + lib.var_mean(x)[1] * x,
    }


def _tree(node):
    return None if node is None else (node.name(), tuple(_tree(child) for child, _ in node.next_functions))


def _run(library, name):
    random = np.random.default_rng(7)
    values = [random.uniform(0.3, 1.5, s) * random.choice([-1.0, 1.0], s) for s in ((3, 4), (3, 2), ())]
    xs = [library.tensor(v, requires_grad=True) for v in values]
    y = _cases(library)[name](*xs)
    grads = library.autograd.grad((y ** 2).sum(), xs, create_graph=True, allow_unused=True)
    used = [g for g in grads if g is not None and g.requires_grad]
    second = library.autograd.grad(sum((g ** 2).sum() for g in used), xs, allow_unused=True)
    graphs = [None if g is None else _tree(g.grad_fn) for g in grads]
    arrays = [g.detach().numpy() for g in grads if g is not None] + [None if g is None else g.numpy() for g in second]
    return graphs, arrays


@pytest.mark.parametrize("name", sorted(_cases(minitorch)))
def test_gradient_graphs_and_second_derivatives_match_torch(name):
    (graphs, arrays), (torch_graphs, torch_arrays) = _run(minitorch, name), _run(torch, name)
    assert graphs == torch_graphs
    assert [a is None for a in arrays] == [a is None for a in torch_arrays]
    for mine, theirs in zip(arrays, torch_arrays):
        if theirs is not None:
            np.testing.assert_allclose(mine, theirs, rtol=1e-9, atol=1e-12)


def test_polygamma_values_match_torch():
    x = np.array([0.5, 1.0, 2.5, -0.5, -1.5, 10.0, 0.0, -2.0, 0.3, 7.7, -3.3, 1e-3, 25.0, 100.5])
    for n in range(7):
        mine = minitorch.polygamma(n, minitorch.tensor(x)).numpy()
        np.testing.assert_array_equal(mine, torch.polygamma(n, torch.tensor(x)).numpy())
        regular = x[(x > 0) | (x != np.floor(x))]  # float32 at a pole: rounding noise in both
        single = minitorch.tensor(regular, dtype=minitorch.float32).polygamma(n).numpy()
        np.testing.assert_allclose(single, torch.tensor(regular, dtype=torch.float32).polygamma(n).numpy(), rtol=3e-6)


def _third_order_cases(lib):
    F = lib.nn.functional
    return {
        "leaky_relu": lambda x, t: F.leaky_relu(x, 0.2), "elu": lambda x, t: F.elu(x, 1.5),
        "selu": lambda x, t: F.selu(x), "celu": lambda x, t: F.celu(x, 0.7), "gelu": lambda x, t: F.gelu(x),
        "gelu_tanh": lambda x, t: F.gelu(x, approximate="tanh"),
        "softplus": lambda x, t: F.softplus(x, beta=2.0, threshold=1.0), "hardtanh": lambda x, t: F.hardtanh(x, -0.5),
        "logsigmoid": lambda x, t: F.logsigmoid(x), "hardswish": lambda x, t: F.hardswish(x),
        "elu_": lambda x, t: F.elu(x * 1, 0.7, inplace=True),
        "leaky_relu_": lambda x, t: F.leaky_relu(x * 1, 0.1, inplace=True),
        "smooth_l1": lambda x, t: F.smooth_l1_loss(x * x, t * x, reduction="none"),
        "smooth_l1_mean": lambda x, t: F.smooth_l1_loss(x * x, t * x, beta=0.3),
        "huber_sum": lambda x, t: F.huber_loss(x * x, t * x, reduction="sum", delta=0.5),
        "huber_mean": lambda x, t: F.huber_loss(x * x, t * x, delta=0.3),
    }


def _third_order(library, name):
    x = library.tensor([[0.3, -1.2, 0.8], [-0.4, 2.5, 1.1]], dtype=library.float64, requires_grad=True)
    t = library.tensor([[0.7, 0.2, -0.6], [0.9, 0.45, 1.0]], dtype=library.float64, requires_grad=True)
    fn = _third_order_cases(library)[name]
    y = fn(x, t)
    first = [g for g in library.autograd.grad((y * y * y).sum(), (x, t), create_graph=True, allow_unused=True)
             if g is not None]
    second = library.autograd.grad(sum((g * g).sum() for g in first), x, create_graph=True)[0]
    (third,) = library.autograd.grad((second * second).sum(), x)
    return _tree(second.grad_fn), second.detach().numpy(), third.numpy()


@pytest.mark.parametrize("name", sorted(_third_order_cases(minitorch)))
def test_third_derivatives_match_torch(name):
    (graph, second, third), (torch_graph, torch_second, torch_third) = _third_order(minitorch, name), \
        _third_order(torch, name)
    if not name.startswith(("smooth", "huber")):  # these sum their second-order terms in another order
        assert graph == torch_graph
    np.testing.assert_allclose(second, torch_second, rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(third, torch_third, rtol=1e-9, atol=1e-12)
