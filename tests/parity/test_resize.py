"""Tensor.resize_ against real torch: same-size and smaller reshapes in place (memory kept, version bumped),
growing keeps the first values, and the error for a tensor that requires grad."""

import pytest

import minitorch

pytestmark = pytest.mark.parity


def _printed(lib, program):
    try:
        return repr(program(lib)).replace("minitorch", "torch")
    except Exception as error:  # noqa: BLE001 (the error itself is compared)
        return f"{type(error).__name__}: {error}"


def _shared(lib):
    x = lib.arange(4.0)
    view = x[:2]
    same = x.resize_(2, 2) is x
    view[0] = 9
    return same, x, x._version, x.stride()


@pytest.mark.parametrize("program", [
    lambda lib: lib.arange(1.0, 7.0).resize_(2, 3),
    lambda lib: lib.arange(6).resize_(4),
    lambda lib: lib.arange(3).resize_(2, 3)[0],
    _shared,
    lambda lib: lib.ones(2, requires_grad=True).resize_(3),
])
def test_against_torch(torch, program):
    assert _printed(minitorch, program) == _printed(torch, program)
