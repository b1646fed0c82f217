"""``torch.tensor`` takes its data positionally and everything else by keyword, with Python's error otherwise
(the Q&A "torch.tensor vs torch.Tensor": ``torch.tensor(2, 3)`` is not a 2x3 tensor)."""

import pytest

import minitorch

pytestmark = pytest.mark.parity


def _printed(lib, program):
    try:
        return repr(program(lib)).replace("minitorch", "torch")
    except Exception as error:  # noqa: BLE001 (the error itself is compared)
        return f"{type(error).__name__}: {error}"


@pytest.mark.parametrize("program", [
    lambda lib: lib.tensor(2, 3),
    lambda lib: lib.tensor([1, 2], lib.float64),
    lambda lib: lib.tensor([1, 2], dtype=lib.float64, requires_grad=False),
    lambda lib: lib.Tensor(2, 3).shape,
    lambda lib: lib.as_tensor([1, 2], lib.float64),
])
def test_against_torch(torch, program):
    assert _printed(minitorch, program) == _printed(torch, program)
