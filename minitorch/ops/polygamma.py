"""``torch.polygamma(n, x)``: the n-th derivative of digamma, beside its node ``PolygammaBackward0`` (whose
gradient is polygamma of the next order, so it differentiates any number of times; digamma's gradient is
``polygamma(1, x)``).

The values follow torch's CPU kernel: digamma for n = 0, trigamma for n = 1, and otherwise
``(-1)**(n + 1) * n! * zeta(n + 1, x)`` with the Hurwitz zeta function summed directly for the first terms,
then by the Euler-Maclaurin formula (the classic Cephes method torch uses).
"""

from __future__ import annotations

import math

import numpy as np

from ..autograd.node import Node, record
from . import _special
from ._out import with_out
from ._util import float_values, is_tensor

MACHINE_EPSILON = 1.11022302462515654042e-16
# (2k)! / B_2k for k = 1..12 (B: the Bernoulli numbers): the Euler-Maclaurin correction terms' denominators
_EULER_MACLAURIN = (12.0, -720.0, 30240.0, -1209600.0, 47900160.0, -1.8924375803183791606e9, 7.47242496e10,
                    -2.950130727918164224e12, 1.1646782814350067249e14, -4.5979787224074726105e15,
                    1.8152105401943546773e17, -7.1661652561756670113e18)


def _hurwitz_zeta(s: float, q: float) -> float:
    """``sum over k >= 0 of (q + k) ** -s`` for s > 1 (inf at a pole q = 0, -1, -2...)."""
    if q <= 0 and q == math.floor(q):
        return math.inf
    total, a, term, i = q ** -s, q, 0.0, 0
    while i < 9 or a <= 9.0:  # the first terms directly
        i, a = i + 1, a + 1.0
        term = a ** -s
        total += term
        if -MACHINE_EPSILON * total < term < MACHINE_EPSILON * total:
            return total
    w = a  # the rest: an integral and the Euler-Maclaurin corrections
    total += term * w / (s - 1)
    total -= 0.5 * term
    factor, k = 1.0, 0.0
    for denominator in _EULER_MACLAURIN:
        factor *= s + k
        term /= w
        correction = factor * term / denominator
        total += correction
        if total != 0 and abs(correction / total) < MACHINE_EPSILON:
            break
        k += 1.0
        factor *= s + k
        term /= w
        k += 1.0
    return total


_zeta = np.vectorize(_hurwitz_zeta, otypes=[np.float64])


def polygamma_values(n: int, x: np.ndarray) -> np.ndarray:
    """The n-th derivative of digamma at each element of ``x`` (computed in float64, in ``x``'s dtype)."""
    if n == 0:
        return _special.digamma(x).astype(x.dtype, copy=False)
    if n == 1:
        return _special.trigamma(x).astype(x.dtype, copy=False)
    sign = 1.0 if n % 2 else -1.0
    with np.errstate(all="ignore"):
        # torch's n! is exp(lgamma(n + 1)), a little off n!: exp(log(n!)) is off the same way up to n = 6
        scale = sign * math.exp(math.log(math.factorial(n)))
        return (scale * _zeta(float(n + 1), np.asarray(x, np.float64))).astype(x.dtype)


class PolygammaBackward0(Node):
    """d/dx polygamma(n, x) = polygamma(n + 1, x)."""

    double_backward = True

    def apply(self, grad):
        return (grad * polygamma_of(self._saved_n + 1, self.unpack("self")),)


def polygamma_of(n: int, x):
    """``polygamma(n, x)`` of an array (a plain backward) or of a Tensor (recorded)."""
    return polygamma(n, x) if is_tensor(x) else polygamma_values(n, x)


def _compute(n, input):  # noqa: A002
    x = input._data if input.dtype.is_floating_point else float_values(input)
    return record(PolygammaBackward0, polygamma_values(n, x), (input,), saved={"self": input}, attrs={"n": n})


def polygamma(n, input, *, out=None, name="polygamma"):  # noqa: A002 (torch's argument name)
    """The n-th derivative of ``digamma`` (``n = 0``: digamma itself), element-wise."""
    if not isinstance(n, int) or isinstance(n, bool):
        raise TypeError(f"{name}(): argument 'n' (position 1) must be int, not {type(n).__name__}")
    if not is_tensor(input):
        raise TypeError(f"{name}(): argument 'input' (position 2) must be Tensor, not {type(input).__name__}")
    if n < 0:
        raise RuntimeError("polygamma(n, x) does not support negative n.")
    return with_out(name, _compute, out, n, input)
