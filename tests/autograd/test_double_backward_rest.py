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


def test_in_place_elu_second_derivative_by_hand():
    # elu_(x) = exp(x) - 1 for x < 0: its second derivative is exp(x), read from the result as result + 1
    x = minitorch.tensor([-1.0, 2.0], dtype=minitorch.float64, requires_grad=True)
    (grad,) = minitorch.autograd.grad(F.elu(x * 1, inplace=True).sum(), x, create_graph=True)
    (second,) = minitorch.autograd.grad(grad.sum(), x)
    np.testing.assert_allclose(second.numpy(), [np.exp(-1.0), 0.0], rtol=1e-12)
