"""LazyLinear against real torch: printing before and after the first call, the weights drawn then (same
seed, same values), the class it becomes, and the error on the shape of an uninitialised parameter."""

import pytest

import minitorch

pytestmark = pytest.mark.parity


def _printed(lib, program):
    try:
        return repr(program(lib)).replace("minitorch", "torch")
    except Exception as error:  # noqa: BLE001 (the error itself is compared)
        return f"{type(error).__name__}: {error}"


def _lifecycle(lib):
    lib.manual_seed(0)
    net = lib.nn.Sequential(lib.nn.LazyLinear(3), lib.nn.ReLU(), lib.nn.LazyLinear(1, bias=False))
    before = (repr(net), repr(net[0].weight), net[0].has_uninitialized_params())
    out = net(lib.ones(2, 4))
    return before, net, type(net[0]).__name__, type(net[0].weight).__name__, net[0].weight, net[2].weight, out


@pytest.mark.parametrize("program", [
    _lifecycle,
    lambda lib: lib.nn.LazyLinear(2).weight.shape,
    lambda lib: [name for name, _ in lib.nn.LazyLinear(2).named_parameters()],
])
def test_against_torch(torch, program):
    assert _printed(minitorch, program) == _printed(torch, program)
