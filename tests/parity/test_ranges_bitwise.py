"""arange, linspace and logspace give torch's values bit for bit (they follow its CPU kernels' arithmetic)."""

import numpy as np
import pytest

import minitorch

pytestmark = pytest.mark.parity

SPANS = [(-6, 6, 241), (-1.0, 1.5, 80), (-1.5, 2.5, 120), (0, 1, 7), (3.3, -2.1, 33), (0, 1, 1000), (-7.3, 2.9, 77),
         (2, 5, 1), (-1, 1, 5)]
DTYPES = ["float32", "float64", "int64", "int32"]


@pytest.mark.parametrize("span", SPANS)
@pytest.mark.parametrize("dtype", DTYPES)
def test_linspace_and_logspace_are_bitwise_equal(torch, span, dtype):
    for base in (10.0, 2.5):
        expected = torch.logspace(*span, base=base, dtype=getattr(torch, dtype)).numpy()
        actual = minitorch.logspace(*span, base=base, dtype=getattr(minitorch, dtype)).numpy()
        assert expected.dtype == actual.dtype and np.array_equal(expected, actual)
    expected = torch.linspace(*span, dtype=getattr(torch, dtype)).numpy()
    actual = minitorch.linspace(*span, dtype=getattr(minitorch, dtype)).numpy()
    assert expected.dtype == actual.dtype and np.array_equal(expected, actual)


@pytest.mark.parametrize("arguments", [(-1.5, 2.5, 0.3), (0, 1, 0.1), (0.1, 5.3, 0.07), (-3, 3, 0.013), (0, 100, 0.5),
                                       (5, 0, -0.37), (0.5, 3), (2.0,), (0, 17, 1.0), (-4, 9, 3)])
@pytest.mark.parametrize("dtype", ["float32", "float64", None])
def test_arange_is_bitwise_equal(torch, arguments, dtype):
    expected = torch.arange(*arguments, dtype=dtype and getattr(torch, dtype)).numpy()
    actual = minitorch.arange(*arguments, dtype=dtype and getattr(minitorch, dtype)).numpy()
    assert expected.dtype == actual.dtype and np.array_equal(expected, actual)
