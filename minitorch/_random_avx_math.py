"""The float32 ``log`` and ``sincos`` of torch's AVX2 normal kernel (Cephes polynomials, via ``avx_mathfun.h``).

They are not libm's functions: each is a short polynomial evaluated in float32, so their last bits
differ from a correctly rounded result. minitorch evaluates the same polynomials, in the same order,
with the same fused multiply-adds as the compiled kernel, to get the same bits.
"""

from __future__ import annotations

import numpy as np

from ._random_fma import fma

F = np.float32
LOG_COEFFICIENTS = [F(c) for c in (7.0376836292e-2, -1.1514610310e-1, 1.1676998740e-1, -1.2420140846e-1,
                                   1.4249322787e-1, -1.6668057665e-1, 2.0000714765e-1, -2.4999993993e-1,
                                   3.3333331174e-1)]
LOG_Q1, LOG_Q2 = F(-2.12194440e-4), F(0.693359375)
SQRT_HALF = F(0.707106781186547524)
FOUR_OVER_PI = F(1.27323954473516)
MINUS_PI_OVER_4_PARTS = (F(-0.78515625), F(-2.4187564849853515625e-4), F(-3.77489497744594108e-8))
SIN_COEFFICIENTS = (F(-1.9515295891e-4), F(8.3321608736e-3), F(-1.6666654611e-1))
COS_COEFFICIENTS = (F(2.443315711809948e-005), F(-1.388731625493765e-003), F(4.166664568298827e-002))
MIN_NORMAL = F(1.17549435e-38)  # the smallest normal float32


def log(x: np.ndarray) -> np.ndarray:
    """Natural log of positive float32 values: ``x = m * 2**e`` with ``m`` near 1, then a polynomial in ``m - 1``."""
    x = np.maximum(x, MIN_NORMAL)
    bits = x.view(np.int32)
    exponent = ((bits >> 23) - 127).astype(np.float32) + F(1)
    mantissa = (bits & ~0x7F800000 | np.float32(0.5).view(np.int32)).view(np.float32)  # in [0.5, 1)
    small = mantissa < SQRT_HALF
    exponent = exponent - np.where(small, F(1), F(0))
    m = (mantissa - F(1)) + np.where(small, mantissa, F(0))  # m in [sqrt(1/2) - 1, sqrt(2) - 1)
    m_squared = m * m
    poly = np.full_like(m, LOG_COEFFICIENTS[0])
    for coefficient in LOG_COEFFICIENTS[1:]:
        poly = fma(poly, m, coefficient)
    poly = fma(poly * m, m_squared, exponent * LOG_Q1)
    poly = poly - m_squared * F(0.5)
    return fma(exponent, LOG_Q2, m + poly)


def sincos(x: np.ndarray):
    """``(sin(x), cos(x))`` of float32 values: reduce by multiples of ``pi/4``, then one of two polynomials."""
    sign_sin = np.signbit(x)
    x = np.abs(x)
    octant = ((x * FOUR_OVER_PI).astype(np.int32) + 1) & ~1
    for part in MINUS_PI_OVER_4_PARTS:  # x - octant * pi/4, with pi/4 in three exact parts
        x = fma(octant.astype(np.float32), part, x)
    sign_sin ^= (octant & 4) != 0
    sign_cos = (~(octant - 2) & 4) != 0
    use_cos_poly_for_sin = (octant & 2) != 0
    z = x * x
    cos_poly = fma(fma(COS_COEFFICIENTS[0], z, COS_COEFFICIENTS[1]), z, COS_COEFFICIENTS[2]) * z
    cos_poly = fma(cos_poly, z, -(z * F(0.5))) + F(1)
    sin_poly = fma(fma(SIN_COEFFICIENTS[0], z, SIN_COEFFICIENTS[1]), z, SIN_COEFFICIENTS[2]) * z
    sin_poly = fma(sin_poly, x, x)
    sin = np.where(use_cos_poly_for_sin, cos_poly, sin_poly)
    cos = np.where(use_cos_poly_for_sin, sin_poly, cos_poly)
    return np.where(sign_sin, -sin, sin), np.where(sign_cos, -cos, cos)
