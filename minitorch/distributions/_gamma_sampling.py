"""``torch._standard_gamma``: Gamma(alpha, 1) draws as torch's CPU kernel makes them, and their gradient.

Draws are Marsaglia and Tsang's method (alpha below 1 is boosted to alpha + 1 and scaled back by
``u ** (1 / alpha)``), element by element in memory order, from the generator's 64-bit uniform doubles and its
Box-Muller normal doubles, so a seed gives torch's values. The gradient is the reparameterised one,
``-(d cdf / d alpha) / pdf``, by torch's three approximations (a series for small x, a saddle point for large
alpha, a rational fit in between). Constants written as C floats in torch's kernel are rounded to float32
here too.
"""

from __future__ import annotations

import math

import numpy as np

from minitorch._random import _generator
from minitorch._random_normal import pair_by_pair
from minitorch.autograd.node import Node, record


def _f32(value: float) -> float:
    """A C ``float`` literal, as a double."""
    return float(np.float32(value))


def _gamma_one(alpha, uniform, normal) -> float:
    """One Gamma(alpha, 1) draw; ``alpha`` is a numpy scalar of the tensor's dtype."""
    scale = 1.0
    if alpha < 1.0:
        if alpha == 0.0:
            return 0.0
        scale *= (1 - uniform()) ** float(type(alpha)(1.0) / alpha)
        alpha = type(alpha)(alpha + type(alpha)(1.0))
    d = float(alpha - np.float32(1.0) / np.float32(3.0))
    c = 1.0 / math.sqrt(9.0 * d)
    while True:
        x = normal()
        y = 1.0 + c * x
        while y <= 0:
            x = normal()
            y = 1.0 + c * x
        v = y * y * y
        u = 1 - uniform()
        xx = x * x
        if u < 1.0 - _f32(0.0331) * xx * xx:
            return scale * d * v
        if math.log(u) < 0.5 * xx + d * (1.0 - v + math.log(v)):
            return scale * d * v


def standard_gamma_values(alpha: np.ndarray, generator=None) -> np.ndarray:
    """Gamma(alpha, 1) draws for an array ``alpha``, at least the dtype's smallest normal number."""
    gen = _generator(generator)

    def uniform():
        return float(gen.unit_uniform(1, np.float64)[0])

    def normal():
        return float(pair_by_pair(gen, 1, 0.0, 1.0)[0])

    tiny = np.finfo(alpha.dtype).tiny
    flat = alpha.reshape(-1)
    out = np.array([max(tiny, alpha.dtype.type(_gamma_one(a, uniform, normal))) for a in flat], dtype=alpha.dtype)
    return out.reshape(alpha.shape)


_PSI_10 = 2.25175258906672110764
_DIGAMMA_SERIES = (
    8.33333333333333333333e-2, -2.10927960927960927961e-2, 7.57575757575757575758e-3, -4.16666666666666666667e-3,
    3.96825396825396825397e-3, -8.33333333333333333333e-3, 8.33333333333333333333e-2,
)


def _digamma(x: float) -> float:
    """The digamma function, as the kernel's Cephes-derived helper computes it (x > 0 here)."""
    if x == 0:
        return math.inf
    result = 0.0
    while x < 10:
        result -= 1 / x
        x += 1
    if x == 10:
        return result + _PSI_10
    z = 1.0 / (x * x)
    y = 0.0
    for coefficient in _DIGAMMA_SERIES:
        y = y * z + coefficient
    return result + math.log(x) - 0.5 / x - z * y


def _grad_small_x(alpha: float, x: float) -> float:
    """A Taylor series of the incomplete gamma function, for x < 0.8."""
    numer, denom = 1.0, alpha
    series1, series2 = numer / denom, numer / (denom * denom)
    for i in range(1, 6):
        numer *= -x / i
        denom += 1
        series1 += numer / denom
        series2 += numer / (denom * denom)
    pow_x_alpha = x**alpha
    gamma_pdf = x ** (alpha - 1) * math.exp(-x)
    gamma_cdf = pow_x_alpha * series1
    gamma_cdf_alpha = (math.log(x) - _digamma(alpha)) * gamma_cdf - pow_x_alpha * series2
    result = -gamma_cdf_alpha / gamma_pdf
    return 0.0 if math.isnan(result) else result


def _grad_large_alpha(alpha: float, x: float) -> float:
    """Rice's saddle point expansion, for alpha > 8."""
    if _f32(0.9) * alpha <= x <= _f32(1.1) * alpha:
        numer_1 = 1 + 24 * alpha * (1 + 12 * alpha)
        numer_2 = 1440 * (alpha * alpha) + 6 * x * (53 - 120 * x) - 65 * x * x / alpha + alpha * (107 + 3600 * x)
        return numer_1 * numer_2 / (1244160 * (alpha * alpha) * (alpha * alpha))
    denom = math.sqrt(8 * alpha)
    term2 = denom / (alpha - x)
    term3 = (x - alpha - alpha * math.log(x / alpha)) ** -1.5
    term23 = term2 - term3 if x < alpha else term2 + term3
    term1 = math.log(x / alpha) * term23 - math.sqrt(2 / alpha) * (alpha + x) / ((alpha - x) * (alpha - x))
    stirling = 1 + 1 / (12 * alpha) * (1 + 1 / (24 * alpha))
    return -stirling * x * term1 / denom


_RATIONAL = (
    (0.16009398, -0.094634809, 0.025146376, -0.0030648343, 1, 0.32668115, 0.10406089, 0.0014179084),
    (0.53487893, 0.1298071, 0.065735949, -0.0015649758, 0.16639465, 0.020070113, -0.0035938915, -0.00058392623),
    (0.040121004, -0.0065914022, -0.0026286047, -0.0013441777, 0.017050642, -0.0021309326, 0.00085092367,
     -1.5247877e-07),
)


def _grad_rational(alpha: float, x: float) -> float:
    """A bivariate rational approximation in ``log(x / alpha)`` and ``log(alpha)``."""
    u, v = math.log(x / alpha), math.log(alpha)
    coef = [_RATIONAL[0][i] + u * (_RATIONAL[1][i] + u * _RATIONAL[2][i]) for i in range(8)]
    p = coef[0] + v * (coef[1] + v * (coef[2] + v * coef[3]))
    q = coef[4] + v * (coef[5] + v * (coef[6] + v * coef[7]))
    return math.exp(p / q)


def _grad_one(alpha: float, x: float) -> float:
    """d x / d alpha for a Gamma(alpha, 1) draw x, holding its quantile fixed."""
    if x < _f32(0.8):
        return _grad_small_x(alpha, x)
    if alpha > 8.0:
        return _grad_large_alpha(alpha, x)
    return _grad_rational(alpha, x)


def standard_gamma_grad(alpha: np.ndarray, x: np.ndarray) -> np.ndarray:
    """``torch._standard_gamma_grad``: the reparameterised gradient, element by element, in ``alpha``'s dtype."""
    pairs = zip(alpha.reshape(-1), np.broadcast_to(x, alpha.shape).reshape(-1))
    grads = [_grad_one(float(a), float(v)) for a, v in pairs]
    return np.array(grads, dtype=alpha.dtype).reshape(alpha.shape)


class StandardGammaBackward0(Node):
    """d x / d alpha = _standard_gamma_grad(alpha, x) for x = _standard_gamma(alpha)."""

    def apply(self, grad):
        return (grad * standard_gamma_grad(self.unpack("self"), self.unpack("result")),)


def standard_gamma(concentration, generator=None):
    """``torch._standard_gamma``: Gamma(concentration, 1) draws, differentiable in ``concentration``."""
    values = standard_gamma_values(np.array(concentration.detach().numpy()), generator)
    return record(StandardGammaBackward0, values, (concentration,), saved={"self": concentration}, save_result=True)
