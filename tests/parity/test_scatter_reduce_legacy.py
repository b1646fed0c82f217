"""scatter / scatter_ with reduce='add' or 'multiply' against real torch: values, the deprecation warning for a
tensor source, the node with no derivative and its error, and the error for another reduction."""

import warnings

import pytest

import minitorch

pytestmark = pytest.mark.parity


def _run(lib, program):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result = repr(program(lib)).replace("minitorch", "torch")
        except Exception as error:  # noqa: BLE001 (the error itself is compared)
            result = f"{type(error).__name__}: {error}"
    return result, [str(w.message) for w in caught]


def _backward(lib):
    x = lib.zeros(2, 4, requires_grad=True).clone()
    y = lib.scatter(x, 1, lib.tensor([[2], [3]]), 1.5, reduce="add")
    names = (y.grad_fn.name(), y.grad_fn.next_functions[0][0].name())
    y.sum().backward()
    return names


@pytest.mark.parametrize("program", [
    lambda lib: lib.full((2, 4), 2.0).scatter_(1, lib.tensor([[2], [3]]), 1.23, reduce="multiply"),
    lambda lib: lib.full((2, 4), 2.0).scatter_(1, lib.tensor([[2], [3]]), 1.23, reduce="add"),
    lambda lib: lib.zeros(2, 4).scatter_(1, lib.tensor([[2, 2], [3, 0]]), lib.arange(1.0, 5.0).view(2, 2),
                                         reduce="add"),
    lambda lib: lib.ones(3, dtype=lib.int64).scatter(0, lib.tensor([0, 0, 2]), lib.tensor([2, 3, 4]),
                                                     reduce="multiply"),
    lambda lib: lib.zeros(2, 4).scatter_(1, lib.tensor([[2], [3]]), 1.0, reduce="max"),
    _backward,
])
def test_against_torch(torch, program):
    assert _run(minitorch, program) == _run(torch, program)
