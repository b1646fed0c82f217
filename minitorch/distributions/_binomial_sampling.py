"""Binomial draws as torch's CPU kernel makes them (``torch.binomial``), so that a seed gives torch's counts.

Element by element in memory order, each from 64-bit uniform doubles of the generator: for a small mean
(``count * p < 10``) by inversion, adding geometric waiting times until they pass ``count``; otherwise by
Hormann's transformed rejection (BTRS). Where torch's kernel computes in the tensor's own precision
(``count * p``, the standard deviation, ``log1p(-p)``), the same precision is used here.
"""

from __future__ import annotations

import math

import numpy as np

from minitorch._random import _generator

# log(k!) - (k + 1/2) log(k + 1) + (k + 1) - log(sqrt(2 pi)) for k = 0 .. 9: Stirling's tail, tabulated.
_STIRLING_TAIL = (
    0.0810614667953272, 0.0413406959554092, 0.0276779256849983, 0.02079067210376509, 0.0166446911898211,
    0.0138761288230707, 0.0118967099458917, 0.0104112652619720, 0.00925546218271273, 0.00833056343336287,
)


def _stirling_tail(k: float) -> float:
    """The error of Stirling's approximation of ``log(k!)``."""
    if k <= 9:
        return _STIRLING_TAIL[int(k)]
    kp1sq = (k + 1) * (k + 1)
    return (1.0 / 12 - (1.0 / 360 - 1.0 / 1260 / kp1sq) / kp1sq) / (k + 1)


def _inversion(count, prob, uniform):
    """Successes as the number of geometric waiting times that fit in ``count`` trials (small means)."""
    log_q = float(np.log1p(-prob))  # in the tensor's precision, as torch's kernel
    geom_sum, successes = 0.0, 0
    while True:
        u = uniform()
        if u == 0.0:
            break  # an infinite waiting time
        geom_sum += math.ceil(math.log(u) / log_q)
        if geom_sum > count:
            break
        successes += 1
    return successes


def _btrs_bounds(count, prob):
    """The constants of the transformed-rejection sampler for ``count`` trials of probability ``prob``."""
    stddev = float(np.sqrt(count * prob * (1 - prob)))
    b = 1.15 + 2.53 * stddev
    return {
        "a": -0.0873 + 0.0248 * b + 0.01 * float(prob),
        "b": b,
        "c": float(count * prob) + 0.5,
        "v_r": 0.92 - 4.2 / b,
        "r": float(prob / (1 - prob)),
        "alpha": (2.83 + 5.1 / b) * stddev,
        "m": float(np.floor((count + 1) * prob)),
    }


def _log_acceptance_bound(n: float, k: float, m: float, r: float) -> float:
    """The log of the ratio under which a proposal ``k`` is accepted."""
    return (
        (m + 0.5) * math.log((m + 1) / (r * (n - m + 1)))
        + (n + 1) * math.log((n - m + 1) / (n - k + 1))
        + (k + 0.5) * math.log(r * (n - k + 1) / (k + 1))
        + _stirling_tail(m) + _stirling_tail(n - m) - _stirling_tail(k) - _stirling_tail(n - k)
    )


def _btrs(count, prob, uniform):
    """Hormann's BTRS: propose from a hat function, accept in a tight box at once or after the log test."""
    z = _btrs_bounds(count, prob)
    n = float(count)
    while True:
        u = uniform() - 0.5
        v = uniform()
        us = 0.5 - abs(u)
        proposal = (2 * z["a"] / us + z["b"]) * u + z["c"] if us > 0 else math.nan
        if not math.isfinite(proposal):
            continue  # u was exactly -1/2: torch's comparisons reject it too
        k = math.floor(proposal)
        if k < 0 or k > n:
            continue
        if us >= 0.07 and v <= z["v_r"]:
            return k
        scaled = v * z["alpha"] / (z["a"] / (us * us) + z["b"])
        log_v = math.log(scaled) if scaled > 0 else -math.inf
        if log_v <= _log_acceptance_bound(n, float(k), z["m"], z["r"]):
            return k


def _sample_one(count, prob, uniform):
    """One binomial count; ``count`` and ``prob`` are numpy scalars of the tensor's dtype."""
    if count <= 0.0 or prob <= 0.0:
        return 0.0
    if prob >= 1.0:
        return count
    if prob <= 0.5:
        return _btrs(count, prob, uniform) if count * prob >= 10.0 else _inversion(count, prob, uniform)
    if prob > 0.5:
        q = type(prob)(1.0 - prob)
        return count - (_btrs(count, q, uniform) if count * q >= 10.0 else _inversion(count, q, uniform))
    return math.nan


def binomial_counts(count: np.ndarray, prob: np.ndarray, generator=None) -> np.ndarray:
    """Binomial counts for arrays ``count`` and ``prob`` of one shape and dtype, drawn in memory order."""
    gen = _generator(generator)

    def uniform():
        return float(gen.unit_uniform(1, np.float64)[0])

    out = np.zeros(count.shape, dtype=count.dtype)
    flat_count, flat_prob, flat_out = count.reshape(-1), prob.reshape(-1), out.reshape(-1)
    for i in range(flat_out.size):
        flat_out[i] = _sample_one(flat_count[i], flat_prob[i], uniform)
    return out
