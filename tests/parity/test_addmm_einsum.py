"""addmm (values, beta/alpha, broadcast input, gradients, grad_fn, out=) and einsum's values against real torch;
gradcheck of AddmmBackward0."""

import numpy as np
import pytest

import minitorch
from minitorch.autograd import gradcheck


def _leaf(*shape, seed=0):
    values = np.random.default_rng(seed).uniform(-2, 2, size=shape)
    return minitorch.tensor(values, dtype=minitorch.float64, requires_grad=True)


def test_gradcheck_addmm():
    assert gradcheck(lambda m, a, b: minitorch.addmm(m, a, b, beta=0.5, alpha=-2.0),
                     (_leaf(2, 4), _leaf(2, 3, seed=1), _leaf(3, 4, seed=2)))
    assert gradcheck(lambda m, a, b: minitorch.addmm(m, a, b), (_leaf(4), _leaf(2, 3, seed=1), _leaf(3, 4, seed=2)))


def _printed(lib, program):
    try:
        return repr(program(lib)).replace("minitorch", "torch")
    except Exception as error:  # noqa: BLE001 (the error itself is compared)
        return f"{type(error).__name__}: {error}"


def _addmm_grads(lib):
    m = lib.tensor([1.0, -2.0], requires_grad=True)
    a = lib.arange(6.0).view(2, 3).requires_grad_()
    b = lib.tensor([[0.5, 1.0], [-1.0, 2.0], [0.25, 0.0]], requires_grad=True)
    y = lib.addmm(m, a, b, beta=3, alpha=0.5)
    (y * lib.tensor([[1.0, 2.0], [3.0, 4.0]])).sum().backward()
    return y, y.grad_fn.name(), m.grad, a.grad, b.grad, lib.ones(2, 2).addmm(b.t(), b, alpha=2)


@pytest.mark.parity
@pytest.mark.parametrize("program", [
    _addmm_grads,
    lambda lib: lib.arange(6.0).view(2, 3).addmm(lib.ones(2, 3), lib.ones(3, 2)),
    lambda lib: lib.addmm(lib.full((2, 2), float("nan")), lib.ones(2, 3), lib.ones(3, 2), beta=0),
    lambda lib: lib.addmm(lib.zeros(2, 2), lib.ones(2, 3), lib.ones(3, 2), out=lib.empty(2, 2)),
    lambda lib: lib.addmm(lib.zeros(2, 2), lib.ones(2, 3), lib.ones(2, 2)),
    lambda lib: lib.einsum("ii", lib.arange(9.0).view(3, 3)),
    lambda lib: lib.einsum("ii->i", lib.arange(9.0).view(3, 3)),
    lambda lib: lib.einsum("i,j->ij", lib.arange(3.0), lib.arange(2.0)),
    lambda lib: lib.einsum("bij,bjk->bik", lib.arange(12.0).view(2, 2, 3), lib.ones(2, 3, 1)),
    lambda lib: lib.einsum("...ij->...ji", lib.arange(12).view(2, 2, 3)).shape,
    lambda lib: lib.einsum("i j , j -> i", [lib.arange(6.0).view(2, 3), lib.ones(3)]),
])
def test_against_torch(torch, program):
    assert _printed(minitorch, program) == _printed(torch, program)
