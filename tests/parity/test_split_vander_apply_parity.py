"""hsplit/vsplit/dsplit, vander, Tensor.apply_/map_ and remainder's signed zero, against real torch: values,
dtypes, grad_fn names, versions, gradients and errors."""

import pytest

import minitorch

pytestmark = pytest.mark.parity


def _printed(lib, program):
    try:
        return repr(program(lib)).replace("minitorch", "torch")
    except Exception as error:  # noqa: BLE001 (the error itself is compared)
        return f"{type(error).__name__}: {error}"


def _vander_backward(lib):
    x = lib.tensor([1.0, 2.0, 3.0], requires_grad=True)
    out = lib.vander(x, N=3)
    out.sum().backward()
    return out, x.grad


def _apply_version(lib):
    x = lib.tensor([1.0, 2.0])
    x.apply_(lambda v: -v)
    return x, x._version


PROGRAMS = [
    lambda lib: lib.hsplit(lib.arange(16.0).reshape(4, 4), [3, 6]),
    lambda lib: lib.vsplit(lib.arange(16.0).reshape(4, 4), 2),
    lambda lib: lib.dsplit(lib.arange(16.0).reshape(2, 2, 4), 2),
    lambda lib: (lib.arange(6).hsplit(3), lib.arange(8.0).reshape(4, 2).vsplit([1])),
    lambda lib: lib.hsplit(lib.tensor(1.0), 3),
    lambda lib: lib.vsplit(lib.ones(3), 3),
    lambda lib: lib.dsplit(lib.ones(2, 2), 2),
    lambda lib: lib.hsplit(lib.ones(2, 4), 3),
    lambda lib: lib.hsplit(lib.ones(2, 4, requires_grad=True), 2)[1].grad_fn.name(),
    lambda lib: (lib.vander(lib.tensor([1, 2, 3])), lib.vander(lib.tensor([1.5, 2.0]), N=4, increasing=True)),
    lambda lib: (lib.vander(lib.tensor([1, 2]), N=0), lib.vander(lib.tensor([2.0]), N=1)),
    lambda lib: lib.vander(lib.ones(2, 2)),
    lambda lib: lib.vander(lib.ones(2), N=-1),
    _vander_backward,
    lambda lib: lib.tensor([1.0, 2.0, 3.0]).apply_(lambda v: v * 2 + 1),
    lambda lib: lib.tensor([1, 2, 3]).apply_(lambda v: v / 2),
    _apply_version,
    lambda lib: lib.tensor([1.0, 2.0, 3.0]).map_(lib.tensor([10.0, 20.0, 30.0]), lambda a, b: a + b),
    lambda lib: lib.ones(2, 2).map_(lib.tensor([1.0, 2.0]), max),
    lambda lib: lib.ones(2, requires_grad=True).apply_(abs),
    lambda lib: lib.ones(2).map_(lib.ones(2, requires_grad=True), max),
    lambda lib: lib.remainder(lib.tensor([-2.0, 2.0, -3.0, 3.0, 0.0, -0.0]), 2),
    lambda lib: lib.remainder(lib.tensor([-2.0, 2.0, -3.0, 3.0]), -2),
    lambda lib: (lib.tensor([-3, 3, -4]) % 2, lib.tensor([-3, 3]) % -2, lib.tensor([-1.5]) % lib.tensor([1.0])),
]


@pytest.mark.parametrize("program", PROGRAMS)
def test_against_torch(torch, program):
    assert _printed(minitorch, program) == _printed(torch, program)
