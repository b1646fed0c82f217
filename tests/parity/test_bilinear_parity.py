"""nn.Bilinear against real torch: printing, the weights drawn after the same seed, the output values, and the
gradients of both inputs, the weight and the bias (values rounded to 4 decimals, far from any tie)."""

import pytest

import minitorch

pytestmark = pytest.mark.parity


def _printed(lib, program):
    lib.manual_seed(0)
    return repr(program(lib)).replace("minitorch", "torch")


def _forward(lib):
    m = lib.nn.Bilinear(3, 4, 2)
    out = m(lib.randn(5, 3), lib.randn(5, 4))
    return m, m.weight[0].round(decimals=4), m.bias.round(decimals=4), out.shape, out.round(decimals=4)


def _backward(lib):
    m = lib.nn.Bilinear(2, 3, 4, bias=False)
    x1, x2 = lib.randn(3, 2, requires_grad=True), lib.randn(3, 3, requires_grad=True)
    (m(x1, x2) ** 2).sum().backward()
    return m, m.bias, x1.grad.round(decimals=4), x2.grad.round(decimals=4), m.weight.grad[1].round(decimals=4)


def _batched(lib):
    m = lib.nn.Bilinear(2, 2, 3)
    return m(lib.ones(4, 5, 2), lib.ones(4, 5, 2)).shape


@pytest.mark.parametrize("program", [_forward, _backward, _batched])
def test_against_torch(torch, program):
    assert _printed(minitorch, program) == _printed(torch, program)
