"""Module.get_submodule / get_parameter / get_buffer (with torch's errors) and nn.init.dirac_, against torch."""

import pytest

import minitorch

pytestmark = pytest.mark.parity


def _printed(lib, program):
    try:
        return repr(program(lib)).replace("minitorch", "torch")
    except Exception as error:  # noqa: BLE001 (the error itself is compared)
        return f"{type(error).__name__}: {error}"


def _model(lib):
    model = lib.nn.Sequential(lib.nn.Conv2d(1, 2, 3), lib.nn.Sequential(lib.nn.BatchNorm2d(2), lib.nn.ReLU()))
    model.scale = 2.0
    return model


@pytest.mark.parametrize("program", [
    lambda lib: _model(lib).get_submodule("1.0"),
    lambda lib: _model(lib).get_submodule(""),
    lambda lib: _model(lib).get_submodule("1.5"),
    lambda lib: _model(lib).get_submodule("scale"),
    lambda lib: _model(lib).get_parameter("0.bias").shape,
    lambda lib: _model(lib).get_parameter("1.0.running_mean"),
    lambda lib: _model(lib).get_parameter("0.nothing"),
    lambda lib: _model(lib).get_buffer("1.0.running_var"),
    lambda lib: _model(lib).get_buffer("0.weight"),
    lambda lib: lib.nn.init.dirac_(lib.empty(4, 2, 3)),
    lambda lib: lib.nn.init.dirac_(lib.empty(4, 2, 3, 3), groups=2),
    lambda lib: lib.nn.init.dirac_(lib.empty(2, 3)),
])
def test_against_torch(torch, program):
    assert _printed(minitorch, program) == _printed(torch, program)
