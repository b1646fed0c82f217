"""``fma(a, b, c)``: ``a * b + c`` rounded once, as the FMA instruction of torch's vector kernels.

numpy has no fused multiply-add, so it is built from exact pieces. For float32 the product of two
24-bit significands is exact in float64, so one float64 sum and a rounding to float32 do it. For float64
the product is split exactly into ``p + e`` (Dekker) and the sum into ``s + t`` (Knuth); ``s + (t + e)``
is then the fused result in all but vanishingly rare ties.
"""

from __future__ import annotations

import numpy as np

_SPLITTER = 2.0**27 + 1.0


def fma(a, b, c):
    """``a * b + c`` with a single rounding, in ``a``'s dtype (float32 or float64 arrays)."""
    a = np.asarray(a)
    if a.dtype == np.float32:
        exact = a.astype(np.float64) * np.float64(b) + np.float64(c)
        return exact.astype(np.float32)
    product, product_error = _two_product(a, np.float64(b))
    total, total_error = _two_sum(product, np.float64(c))
    return total + (total_error + product_error)


def _split(x):
    """``x`` as ``high + low``, each with at most 26 significant bits."""
    scaled = _SPLITTER * x
    high = scaled - (scaled - x)
    return high, x - high


def _two_product(a, b):
    """``a * b`` as ``(rounded product, exact error)``."""
    product = a * b
    a_high, a_low = _split(a)
    b_high, b_low = _split(b)
    error = ((a_high * b_high - product) + a_high * b_low + a_low * b_high) + a_low * b_low
    return product, error


def _two_sum(a, b):
    """``a + b`` as ``(rounded sum, exact error)``."""
    total = a + b
    b_virtual = total - a
    error = (a - (total - b_virtual)) + (b - b_virtual)
    return total, error
