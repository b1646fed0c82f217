"""float32 softmax along a contiguous last dimension, computed as torch's CPU kernel computes it.

torch's ``_vec_softmax_lastdim`` (aten/src/ATen/native/cpu/SoftMaxKernel.cpp), for each row:

1. ``max`` of the row;
2. ``exp(x - max)`` with SLEEF's vectorised ``expf`` (a polynomial evaluated with fused multiply-adds: its
   last bit is not always the correctly rounded one);
3. the sum of those, in SIMD lanes: a first vector, each following vector added lane by lane, a partial last
   vector into the first lanes, then the lanes halved and added in a tree (a row shorter than one vector is
   added in order);
4. ``1 / sum``, and every value multiplied by it.

The vector holds 16 float32 on a CPU with AVX-512 (torch registers this kernel for AVX-512) and 8 otherwise,
so the lane count follows the CPU as torch's dispatcher picks it (``ATEN_CPU_CAPABILITY`` overrides it, as
for torch). Rows that sum to exactly 1 then print ``1.`` where torch prints ``1.``.
"""

from __future__ import annotations

import os
import platform

import numpy as np

from ._random_fma import fma

F = np.float32
R_LN2 = F(1.442695040888963407359924681001892137426645954152985934135449406931)
LN2_HIGH, LN2_LOW = F(0.693145751953125), F(1.428606765330187045e-06)  # ln 2 split in two, as SLEEF's L2Uf, L2Lf
EXP_COEFFICIENTS = [F(c) for c in (0.000198527617612853646278381, 0.00139304355252534151077271,
                                   0.00833336077630519866943359, 0.0416664853692054748535156,
                                   0.166666671633720397949219, 0.5)]


def _has_avx512() -> bool:
    """Whether torch's dispatcher picks its AVX-512 kernels on this CPU (as its ``cpuinfo`` checks decide)."""
    chosen = os.environ.get("ATEN_CPU_CAPABILITY", "").lower()
    if chosen:
        return chosen == "avx512"
    if platform.machine().lower() not in ("x86_64", "amd64"):
        return False
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            flags = next((line.split(":", 1)[1].split() for line in cpuinfo if line.startswith("flags")), [])
    except OSError:
        return False
    return {"avx512f", "avx512bw", "avx512vl", "avx512dq", "fma"} <= set(flags)


LANES = 16 if _has_avx512() else 8


def sleef_expf(d: np.ndarray) -> np.ndarray:
    """SLEEF's ``expf`` (u10) on float32: ``2**q * p(s)`` with ``s = d - q ln 2`` and a degree-6 polynomial."""
    with np.errstate(all="ignore"):  # NaN and infinities pass through as SLEEF's own selections decide
        q = np.rint(d * R_LN2)
        q = np.where(np.isfinite(q), q, 0).astype(np.int32)
        qf = q.astype(np.float32)
        s = fma(qf, -LN2_HIGH, d)
        s = fma(qf, -LN2_LOW, s)
        u = np.full_like(d, EXP_COEFFICIENTS[0])
        for coefficient in EXP_COEFFICIENTS[1:]:
            u = fma(u, s, coefficient)
        u = F(1) + fma(s * s, u, s)
        u = u * _pow2(q >> 1) * _pow2(q - (q >> 1))
        u = np.where(d < -104, F(0), u)
        u = np.where(d > 100, F(np.inf), u)
        return np.where(np.isnan(d), d, u).astype(np.float32)


def _pow2(q: np.ndarray) -> np.ndarray:
    """``2.0 ** q`` built from its exponent bits (q within float32's normal range)."""
    return ((q + 0x7F) << 23).astype(np.int32).view(np.float32)


def _lane_sum(values: np.ndarray) -> np.ndarray:
    """The sum of each row as ``vec::reduce_all`` adds it (see the module's docstring, step 3)."""
    count = values.shape[1]
    if count < LANES:
        total = values[:, 0]
        for column in range(1, count):
            total = total + values[:, column]
        return total
    lanes = values[:, :LANES]
    whole = count - count % LANES
    for start in range(LANES, whole, LANES):
        lanes = lanes + values[:, start:start + LANES]
    if whole < count:
        lanes = lanes.copy()
        lanes[:, :count - whole] += values[:, whole:]
    while lanes.shape[1] > 1:  # lane i with lane i + half, halving the width each time
        half = lanes.shape[1] // 2
        lanes = lanes[:, :half] + lanes[:, half:]
    return lanes[:, 0]


def softmax_last_dim(x: np.ndarray) -> np.ndarray:
    """Softmax of a float32 array along its last dimension, with torch's CPU kernel's bits."""
    rows = x.reshape(-1, x.shape[-1])
    with np.errstate(invalid="ignore", divide="ignore"):  # rows of infinities give NaN, as in torch
        exps = sleef_expf(rows - rows.max(axis=1, keepdims=True))
        scale = (F(1) / _lane_sum(exps)).astype(np.float32)
    return (exps * scale[:, None]).reshape(x.shape)
