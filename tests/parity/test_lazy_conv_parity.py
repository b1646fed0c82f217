"""nn.LazyConv2d against real torch: printing before and after the first call, the weights drawn then (after the
same seed, torch's), unbatched input, the state_dict of placeholders, and torch's errors."""

import pytest

import minitorch

pytestmark = pytest.mark.parity


def _printed(lib, program):
    lib.manual_seed(0)
    try:
        return repr(program(lib)).replace("minitorch", "torch")
    except Exception as error:  # noqa: BLE001 (the error itself is compared)
        return f"{type(error).__name__}: {error}"


def _first_call(lib):
    m = lib.nn.LazyConv2d(4, 3, padding=1, bias=False)
    before = repr(m), repr(m.weight)
    out = m(lib.ones(1, 2, 5, 5))
    return before, m, type(m).__name__, m.weight[0, 0], out.shape, out.grad_fn.name()


def _unbatched(lib):
    m = lib.nn.LazyConv2d(2, (1, 2), stride=2)
    return m(lib.ones(3, 4, 4)).shape, m.bias, m.in_channels


PROGRAMS = [
    _first_call,
    _unbatched,
    lambda lib: lib.nn.LazyConv2d(4, 3).state_dict(),
    lambda lib: lib.nn.LazyLinear(2).state_dict(),
    lambda lib: lib.nn.LazyConv2d(4, 3)(lib.ones(2, 2)),
    lambda lib: lib.nn.LazyConv2d(4, 3, groups=2)(lib.ones(1, 3, 5, 5)),
    lambda lib: lib.nn.Sequential(lib.nn.LazyConv2d(2, 3), lib.nn.LazyConv2d(3, 1))(lib.ones(1, 1, 4, 4)).shape,
]


@pytest.mark.parametrize("program", PROGRAMS)
def test_against_torch(torch, program):
    assert _printed(minitorch, program) == _printed(torch, program)
