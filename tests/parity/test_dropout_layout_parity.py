"""Dropout on a tensor that is not row-major draws its mask in the input's memory order, as torch's
``empty_like(input).bernoulli_(1 - p)`` does (a transposed input's mask is not the transposed mask)."""

import pytest

import minitorch

pytestmark = pytest.mark.parity


@pytest.mark.parametrize("program", [
    lambda lib: lib.nn.functional.dropout(lib.ones(3, 4).t(), 0.5),
    lambda lib: lib.nn.functional.dropout(lib.ones(2, 3, 4).permute(2, 0, 1), 0.3),
    lambda lib: lib.nn.functional.dropout(lib.ones(5, 6)[:, ::2], 0.5),
    lambda lib: lib.nn.Dropout(0.5)(lib.ones(2, 1, 3).transpose(0, 2)),
])
def test_mask_layout(torch, program):
    def printed(lib):
        lib.manual_seed(0)
        return repr(program(lib))
    assert printed(minitorch) == printed(torch)
