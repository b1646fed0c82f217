"""Special functions numpy lacks (erf, erfinv, lgamma, digamma, trigamma), computed in float64.

Each takes and returns a numpy array; callers round the result to the input's float type.
"""

from __future__ import annotations

import math

import numpy as np

_erf = np.frompyfunc(math.erf, 1, 1)
_erfc = np.frompyfunc(math.erfc, 1, 1)


def _lgamma_one(v: float) -> float:
    if math.isnan(v):
        return v
    if math.isinf(v) or (v <= 0 and v == math.floor(v)):
        return math.inf
    return math.lgamma(v)


_lgamma = np.frompyfunc(_lgamma_one, 1, 1)


def erf(x: np.ndarray) -> np.ndarray:
    """The error function ``2/sqrt(pi) * integral_0^x exp(-t**2) dt``."""
    return np.asarray(_erf(np.asarray(x, np.float64)), np.float64)


def erfc(x: np.ndarray) -> np.ndarray:
    """``1 - erf(x)``, accurate for large x."""
    return np.asarray(_erfc(np.asarray(x, np.float64)), np.float64)


def erfinv(y: np.ndarray) -> np.ndarray:
    """The inverse of erf on (-1, 1): a rough start, then Newton steps ``x -= (erf(x) - y) / erf'(x)``."""
    y = np.asarray(y, np.float64)
    inside = np.abs(y) < 1
    safe = np.where(inside, y, 0.0)
    w = -np.log((1 - safe) * (1 + safe))  # Winitzki's approximation, good to about 2e-3
    x = np.sign(safe) * np.sqrt(np.sqrt((4.3307 - w / 2) ** 2 + w / 0.147) - (4.3307 - w / 2))
    for _ in range(4):
        x = x - (erf(x) - safe) / (2 / math.sqrt(math.pi) * np.exp(-x * x))
    edge = np.where(np.abs(y) == 1, np.copysign(np.inf, y), np.nan)
    return np.where(inside, x, edge)


def lgamma(x: np.ndarray) -> np.ndarray:
    """``log(|gamma(x)|)``; +inf at 0 and the negative integers."""
    return np.asarray(_lgamma(np.asarray(x, np.float64)), np.float64)


def _shifted(x, series, step, shifts=8):
    """Recurrence ``f(x) = step(x) + f(x + 1)`` until x >= shifts, then the asymptotic ``series``."""
    total = np.zeros_like(x)
    for _ in range(shifts):
        small = x < shifts
        total = total + np.where(small, step(np.where(small, x, 1.0)), 0.0)
        x = np.where(small, x + 1, x)
    return total + series(x)


# The asymptotic series of digamma for large z, in powers of 1/z**2: 1/12, -1/120, 1/252, -1/240, 1/132, -691/32760,
# 1/12 (from the Bernoulli numbers), and digamma(10), where the recurrence below stops.
_DIGAMMA_SERIES = (1 / 12, -1 / 120, 1 / 252, -1 / 240, 1 / 132, -691 / 32760, 1 / 12)
_DIGAMMA_10 = 2.25175258906672110764


def digamma(x: np.ndarray) -> np.ndarray:
    """``d/dx lgamma(x)`` in x's own precision, by torch's method: reflect negative x to 1 - x, step up with
    ``digamma(z) = digamma(z + 1) - 1/z`` until z >= 10, then the asymptotic series. -inf at 0 (+inf at -0.0),
    nan at the negative integers."""
    x = np.asarray(x)
    kind = x.dtype.type
    with np.errstate(all="ignore"):
        negative = x < 0
        z = np.where(negative, kind(1) - x, x)
        result = np.zeros_like(z)
        for _ in range(10):
            small = z < 10
            result = np.where(small, result - kind(1) / z, result)
            z = np.where(small, z + kind(1), z)
        inv2 = kind(1) / (z * z)
        series = np.zeros_like(z)
        for coefficient in reversed(_DIGAMMA_SERIES):
            series = series * inv2 + kind(coefficient)
        series = np.where(z < 1e17, inv2 * series, 0)
        value = result + np.log(z.astype(np.float64)).astype(x.dtype) - kind(0.5) / z - series
        value = np.where(z == 10, result + kind(_DIGAMMA_10), value)
        reflection = (math.pi / np.tan(math.pi * np.modf(x.astype(np.float64))[0])).astype(x.dtype)
        value = np.where(negative, value - reflection, value)
        value = np.where(x == 0, np.copysign(np.inf, -x), value)
        return np.where(negative & (x == np.trunc(x)), np.nan, value).astype(x.dtype)


def trigamma(x: np.ndarray) -> np.ndarray:
    """``d/dx digamma(x)``, as torch's CPU kernel computes it (so to its last digits): below 1/2 the reflection
    ``pi**2 / sin(pi x)**2 - trigamma(1 - x)``, then six steps of ``trigamma(x) = 1 / x**2 + trigamma(x + 1)``
    and the asymptotic series in 1 / x."""
    x = np.asarray(x, np.float64)
    with np.errstate(all="ignore"):
        reflect = x < 0.5
        result = np.where(reflect, -(math.pi ** 2) / np.sin(math.pi * x) ** 2, 0.0)
        x = np.where(reflect, 1 - x, x)
        for _ in range(6):
            result = result + 1 / (x * x)
            x = x + 1
        ixx = 1 / (x * x)
        result = result + (1 + 1 / (2 * x) + ixx * (1 / 6 - ixx * (1 / 30 - ixx * (1 / 42)))) / x
        return np.where(reflect, -result, result)
