"""``minitorch.autograd.Function``: gradcheck on custom ops, and the node a call records (values derived by hand)."""

import pytest

import minitorch
from minitorch.autograd import Function, GradcheckError, gradcheck


class Cube(Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x * x * x

    @staticmethod
    def backward(ctx, grad):
        (x,) = ctx.saved_tensors
        return 3 * x * x * grad


class WrongCube(Cube):
    @staticmethod
    def backward(ctx, grad):
        (x,) = ctx.saved_tensors
        return 2 * x * x * grad


class ScaleBoth(Function):
    @staticmethod
    def forward(ctx, x, y, k):
        ctx.k = k
        return x * k, y * k

    @staticmethod
    def backward(ctx, grad_x, grad_y):
        return grad_x * ctx.k, grad_y * ctx.k, None


def _double(*values):
    return minitorch.tensor(list(values), dtype=minitorch.float64, requires_grad=True)


def test_gradcheck_accepts_a_correct_backward():
    assert gradcheck(Cube.apply, (_double(0.5, -1.5, 2.0),))


def test_gradcheck_rejects_a_wrong_backward():
    with pytest.raises(GradcheckError):
        gradcheck(WrongCube.apply, (_double(0.5, -1.5),))


def test_gradcheck_with_two_outputs_and_a_number_input():
    assert gradcheck(lambda x, y: ScaleBoth.apply(x, y, 3.0), (_double(1.0, 2.0), _double(-1.0)))


def test_the_node_is_named_after_the_function_and_holds_ctx_state():
    x = _double(2.0)
    a, b = ScaleBoth.apply(x, minitorch.tensor([1.0]), 3.0)
    node = a.grad_fn
    assert node is b.grad_fn and node.name() == "ScaleBothBackward" and node.k == 3.0
    assert (a.output_nr, b.output_nr) == (0, 1)
    assert node.needs_input_grad == (True, False, False)
    assert node.next_functions[1] == (None, 0)
    a.backward()
    assert x.grad.tolist() == [3.0]  # d(x * k)/dx = k = 3
