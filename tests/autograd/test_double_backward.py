"""Double backward (``create_graph=True``) without torch: second derivatives checked by finite differences
(``gradgradcheck``) for every op whose formula runs on Tensors, and hand-derived values.
"""

import warnings

import numpy as np
import pytest

import minitorch
import minitorch.nn.functional as F
from minitorch.autograd import gradgradcheck
from minitorch.autograd.node import Node, record


def _inputs(*shapes, positive=False, seed=0):
    random = np.random.default_rng(seed)
    values = [random.standard_normal(shape) for shape in shapes]
    if positive:
        values = [np.abs(v) + 0.5 for v in values]
    return [minitorch.tensor(v, dtype=minitorch.float64, requires_grad=True) for v in values]


SECOND_ORDER = {
    "add": (lambda a, b: (a + b) * a, [(2, 3), (3,)]),
    "add_alpha": (lambda a, b: minitorch.add(a, b, alpha=2) * b, [(3,), (3,)]),
    "sub": (lambda a, b: (a - b) * a, [(2, 3), (3,)]),
    "sub_alpha": (lambda a, b: minitorch.sub(a, b, alpha=3) * b, [(3,), (3,)]),
    "rsub": (lambda a: (1 - a) * a, [(3,)]),
    "mul": (lambda a, b: a * b * a, [(2, 3), (1, 3)]),
    "div": (lambda a, b: a / b, [(3,), (3,)]),
    "rdiv": (lambda a: 2 / a, [(3,)]),
    "neg": (lambda a: -a * a, [(3,)]),
    "reciprocal": (lambda a: a.reciprocal(), [(3,)]),
    "pow_number": (lambda a: a ** 3, [(3,)]),
    "pow_half": (lambda a: a ** 0.5, [(3,)]),
    "pow_tensor": (lambda a, b: a ** b, [(3,), (3,)]),
    "rpow": (lambda a: 2 ** a, [(3,)]),
    "exp": (lambda a: a.exp(), [(3,)]),
    "log": (lambda a: a.log(), [(3,)]),
    "sqrt": (lambda a: a.sqrt(), [(3,)]),
    "sin": (lambda a: a.sin(), [(3,)]),
    "cos": (lambda a: a.cos(), [(3,)]),
    "tanh": (lambda a: a.tanh(), [(3,)]),
    "sigmoid": (lambda a: a.sigmoid(), [(3,)]),
    "relu": (lambda a: a.relu() * a, [(4,)]),
    "abs": (lambda a: a.abs() * a, [(3,)]),
    "clamp": (lambda a: a.clamp(0.6, 1.2) * a, [(4,)]),
    "where": (lambda a, b: minitorch.where(a > 1, a * a, b * b), [(4,), (4,)]),
    "sum": (lambda a: a.sum() * a, [(2, 3)]),
    "sum_dim": (lambda a: a.sum(1) ** 2, [(2, 3)]),
    "sum_dims_keepdim": (lambda a: a.sum((0, 2), keepdim=True) ** 2, [(2, 3, 2)]),
    "mean": (lambda a: a.mean() * a, [(2, 3)]),
    "mean_dim": (lambda a: a.mean(0) ** 2, [(2, 3)]),
    "expand": (lambda a: a.expand(2, 3) ** 2, [(3,)]),
    "view": (lambda a: a.view(3, 2) ** 2, [(2, 3)]),
    "reshape": (lambda a: a.t().reshape(6) ** 2, [(2, 3)]),
    "t": (lambda a: a.t() ** 2, [(2, 3)]),
    "transpose": (lambda a: a.transpose(0, 2) ** 2, [(2, 3, 2)]),
    "permute": (lambda a: a.permute(2, 0, 1) ** 2, [(2, 3, 2)]),
    "unsqueeze": (lambda a: a.unsqueeze(1) ** 2, [(2, 3)]),
    "squeeze": (lambda a: a.squeeze() ** 2, [(2, 1, 3, 1)]),
    "squeeze_dim": (lambda a: a.squeeze(1) ** 2, [(2, 1)]),
    "mm": (lambda a, b: (a @ b) ** 2, [(2, 3), (3, 2)]),
    "mm_column_major": (lambda a, b: (a.t() @ b.t()) ** 2, [(3, 2), (2, 3)]),
    "matmul_vector": (lambda a, b: (a @ b) ** 2, [(2, 3), (3,)]),
    "matmul_batch": (lambda a, b: (a @ b) ** 2, [(2, 2, 3), (3, 2)]),
    "dot": (lambda a, b: (a @ b) ** 2, [(3,), (3,)]),
    "linear": (lambda x, w, b: F.linear(x, w, b).tanh(), [(2, 3), (4, 3), (4,)]),
    "linear_3d": (lambda x, w, b: F.linear(x, w, b) ** 2, [(2, 2, 3), (4, 3), (4,)]),
    "linear_no_bias": (lambda x, w: F.linear(x, w) ** 2, [(2, 3), (4, 3)]),
    "mse_mean": (lambda a, b: F.mse_loss(a, b), [(3,), (3,)]),
    "mse_sum": (lambda a, b: F.mse_loss(a, b, reduction="sum"), [(2, 3), (2, 3)]),
    "mse_none": (lambda a, b: F.mse_loss(a, b, reduction="none"), [(3,), (3,)]),
    "softmax": (lambda a: a.softmax(1) * a, [(2, 3)]),
    "log_softmax": (lambda a: F.log_softmax(a, dim=0) * a, [(2, 3)]),
    "cross_entropy_soft": (lambda a, b: -(b.softmax(1) * a.log_softmax(1)).sum(), [(2, 3), (2, 3)]),
}
POSITIVE = {"log", "sqrt", "pow_half", "pow_tensor", "div", "rdiv", "reciprocal"}


@pytest.mark.parametrize("name", sorted(SECOND_ORDER))
def test_second_derivatives_match_finite_differences(name):
    fn, shapes = SECOND_ORDER[name]
    inputs = _inputs(*shapes, positive=name in POSITIVE)
    assert gradgradcheck(fn, inputs)


def test_gradgradcheck_fails_on_a_wrong_second_derivative():
    # a * a.detach(): autograd's gradient v * a has no graph back to a (second derivative 0), while finite
    # differences of that gradient function see v.
    x = _inputs((3,))[0]
    assert not gradgradcheck(lambda a: a * a.detach(), [x], raise_exception=False)


def test_a_custom_function_backward_is_recorded_with_create_graph():
    class Cube(minitorch.autograd.Function):
        @staticmethod
        def forward(ctx, x):
            ctx.save_for_backward(x)
            return x ** 3

        @staticmethod
        def backward(ctx, grad):
            (x,) = ctx.saved_tensors
            return grad * 3 * x ** 2

    x = minitorch.tensor([1.0, 2.0], requires_grad=True)
    (g,) = minitorch.autograd.grad(Cube.apply(x).sum(), x, create_graph=True)
    (h,) = minitorch.autograd.grad(g.sum(), x)
    assert g.grad_fn.name() == "MulBackward0" and g.tolist() == [3.0, 12.0] and h.tolist() == [6.0, 12.0]


def test_third_derivative_of_x_cubed_is_six():
    x = minitorch.tensor(2.0, requires_grad=True)
    (first,) = minitorch.autograd.grad(x ** 3, x, create_graph=True)
    (second,) = minitorch.autograd.grad(first, x, create_graph=True)
    (third,) = minitorch.autograd.grad(second, x)
    assert (first.item(), second.item(), third.item()) == (12.0, 12.0, 6.0)  # 3x^2, 6x, 6


def test_backward_with_create_graph_keeps_the_graph_in_grad():
    x = minitorch.tensor([1.0, 2.0], requires_grad=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        (x ** 3).sum().backward(create_graph=True)
    assert x.grad.requires_grad and x.grad.grad_fn.name() == "torch::autograd::CopyBackwards"
    assert x.grad._version == 1  # written into new memory with copy_
    assert x.grad.tolist() == [3.0, 12.0]  # 3x^2
    x.grad.sum().backward()  # d/dx sum(3x^2) = 6x, added to the 3x^2 already there
    assert x.grad.tolist() == [3.0 + 6.0, 12.0 + 12.0]


def test_backward_with_create_graph_warns_about_the_reference_cycle():
    x = minitorch.tensor([1.0], requires_grad=True)
    with pytest.warns(UserWarning, match="create a reference cycle between the parameter and its gradient"):
        (x * x).sum().backward(create_graph=True)


def test_a_constant_gradient_has_no_graph():
    x = minitorch.tensor([1.0, 2.0], requires_grad=True)
    (g,) = minitorch.autograd.grad((x * 2).sum(), x, create_graph=True)
    assert g.grad_fn is None and not g.requires_grad and g.tolist() == [2.0, 2.0]


def test_create_graph_keeps_the_saved_tensors_for_a_second_backward():
    x = minitorch.tensor([1.0, 2.0], requires_grad=True)
    y = (x * x).sum()
    minitorch.autograd.grad(y, x, create_graph=True)
    (again,) = minitorch.autograd.grad(y, x)  # retain_graph defaults to create_graph
    assert again.tolist() == [2.0, 4.0]


class SquareBackward0(Node):
    """d x**2 / dx = 2 x, on numpy arrays only (no ``double_backward``)."""

    def apply(self, grad):
        return (2 * self.unpack("self") * grad,)


def test_a_node_without_a_tensor_formula_refuses_create_graph_clearly():
    x = minitorch.tensor([[0.25, 0.5]], requires_grad=True)
    y = record(SquareBackward0, x._data ** 2, (x,), saved={"self": x}).sum()
    with pytest.raises(NotImplementedError, match="minitorch does not implement double backward through "
                                                  "SquareBackward0; see docs/implemented.md"):
        minitorch.autograd.grad(y, x, create_graph=True)


def test_gradient_penalty_by_hand():
    # f(x) = sum(w * x^2); df/dx = 2 w x; penalty = sum((2 w x)^2) = 4 sum(w^2 x^2); d/dw = 8 w x^2.
    w = minitorch.tensor([1.0, -2.0], requires_grad=True)
    x = minitorch.tensor([3.0, 0.5], requires_grad=True)
    (g,) = minitorch.autograd.grad((w * x * x).sum(), x, create_graph=True)
    (g * g).sum().backward()
    assert w.grad.tolist() == [8 * 1.0 * 9.0, 8 * -2.0 * 0.25]
    assert x.grad.tolist() == [8 * 1.0 * 3.0, 8 * 4.0 * 0.5]  # d/dx 4 w^2 x^2 = 8 w^2 x


def test_hooks_see_recorded_gradients_with_create_graph():
    x = minitorch.tensor([1.0, 2.0], requires_grad=True)
    seen = []
    x.register_hook(lambda g: seen.append((g.requires_grad, minitorch.is_grad_enabled())))
    minitorch.autograd.grad((x ** 3).sum(), x, create_graph=True)
    assert seen == [(True, True)]


def test_calling_a_node_in_grad_mode_records_its_formula():
    x = minitorch.tensor([1.0, 2.0], requires_grad=True)
    y = x * x
    g = y.grad_fn(minitorch.ones(2))
    assert [t.grad_fn.name() for t in g] == ["MulBackward0", "MulBackward0"]
    assert g[0].tolist() == [1.0, 2.0]


def test_the_graph_of_a_gradient_can_be_drawn():
    pytest.importorskip("graphviz")
    from minitorch.viz import draw_graph

    x = minitorch.tensor([1.0, 2.0], requires_grad=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        (x ** 3).sum().backward(create_graph=True)
    source = draw_graph(x.grad).source
    for name in ("CopyBackwards", "MulBackward0", "MulBackward1", "PowBackward0", "AccumulateGrad"):
        assert name in source


def test_a_plain_backward_inside_a_recording_one_runs_on_numpy():
    x = minitorch.tensor([1.0, 2.0], requires_grad=True)
    z = minitorch.tensor([3.0], requires_grad=True)
    inner = []

    def hook(grad):
        inner.append(minitorch.autograd.grad((z * z).sum(), z)[0].tolist())  # 2z, computed plainly

    x.register_hook(hook)
    (g,) = minitorch.autograd.grad((x ** 2).sum(), x, create_graph=True)
    assert inner == [[6.0]] and g.requires_grad and g.tolist() == [2.0, 4.0]
