"""Normal random numbers as torch makes them on the CPU: Box-Muller, in one of three ways.

Box-Muller turns two uniforms into two normals: ``r = sqrt(-2 log(1 - u1))``, ``theta = 2 pi u2``,
then ``r cos(theta)`` and ``r sin(theta)``. torch picks the way by size, dtype and CPU:

- fewer than 16 elements, or a tensor that is not contiguous: one pair at a time from 64-bit uniforms,
  in double precision; the pair's second value waits in the generator for the next normal draw (``pair_by_pair``);
- 16 or more float64 (or float32 on CPUs without AVX2): all uniforms first, then blocks of 16 where
  the first 8 are paired with the last 8; a last partial block draws 16 fresh uniforms and
  recomputes the last 16 values (``blocks_of_16``);
- 16 or more float32 on AVX2 CPUs: the same blocks, with the vectorised float32 log and sincos of
  ``_random_avx_math.py``.
"""

from __future__ import annotations

import functools
import math

import numpy as np

from . import _random_avx_math, _random_cpu
from ._random_fma import fma

TWO_PI = 2.0 * math.pi


def normal(gen, shape: tuple, mean: float, std: float, dtype: np.dtype, contiguous=True) -> np.ndarray:
    """Values drawn from ``N(mean, std**2)`` in ``dtype`` by ``gen``, exactly as torch's CPU kernel.

    A tensor that is not contiguous is filled pair by pair whatever its size, as torch does.
    """
    count = int(np.prod(shape, dtype=np.int64))
    if count < 16 or not contiguous:
        values = pair_by_pair(gen, count, mean, std).astype(dtype)
    elif dtype == np.float32 and _random_cpu.vector_normal():
        values = blocks_of_16(gen, count, np.float32(mean), np.float32(std), _box_muller_avx2)
    else:
        values = blocks_of_16(gen, count, dtype.type(mean), dtype.type(std), _box_muller_libm)
    return values.reshape(shape)


def pair_by_pair(gen, count: int, mean: float, std: float) -> np.ndarray:
    """``count`` float64 normals, one Box-Muller pair at a time, using and refilling the generator's cache.

    Here the angle comes from the pair's first uniform and the radius from the second.
    """
    values = []
    if count and gen._next_double_normal is not None:
        values.append(gen._next_double_normal)
        gen._next_double_normal = None
    pairs = (count - len(values) + 1) // 2
    uniforms = gen.unit_uniform(2 * pairs, np.float64).tolist()
    for u1, u2 in zip(uniforms[0::2], uniforms[1::2]):
        radius = math.sqrt(-2.0 * math.log1p(-u2))
        theta = TWO_PI * u1
        values += [radius * math.cos(theta), radius * math.sin(theta)]
    if len(values) > count:
        gen._next_double_normal = values.pop()
    return _scale(np.array(values, dtype=np.float64), std, mean)


def blocks_of_16(gen, count: int, mean, std, box_muller) -> np.ndarray:
    """``count`` (>= 16) normals: uniforms first, then Box-Muller on each block of 16, the tail redrawn."""
    dtype = type(mean)
    values = gen.unit_uniform(count, dtype)
    full = count // 16 * 16
    values[:full] = box_muller(values[:full].reshape(-1, 16), mean, std).reshape(-1)
    if count % 16:
        tail = gen.unit_uniform(16, dtype)
        values[count - 16:] = box_muller(tail.reshape(1, 16), mean, std).reshape(-1)
    return values


def _box_muller_libm(blocks, mean, std):
    """Each row of 16 uniforms becomes 16 normals: ``u1 = 1 - row[:8]``, ``u2 = row[8:]``, with libm's functions."""
    dtype = blocks.dtype.type
    log, cos, sin = _libm_functions(dtype)
    u1 = (dtype(1) - blocks[:, :8]).ravel().tolist()
    theta = (TWO_PI * blocks[:, 8:].ravel().astype(np.float64)).astype(dtype).tolist()  # 2 pi u2 in double
    radius = np.sqrt(dtype(-2) * np.fromiter(map(log, u1), dtype, len(u1)))
    first = radius * np.fromiter(map(cos, theta), dtype, len(theta))
    second = radius * np.fromiter(map(sin, theta), dtype, len(theta))
    return np.concatenate([fma(first, std, mean).reshape(-1, 8), fma(second, std, mean).reshape(-1, 8)], axis=1)


@functools.cache
def _libm_functions(dtype):
    """``(log, cos, sin)`` as the C library computes them in ``dtype``: ``logf``... for float32 where available."""
    if dtype is np.float32:
        import ctypes

        try:
            libm = ctypes.CDLL(None)
            functions = tuple(getattr(libm, name) for name in ("logf", "cosf", "sinf"))
        except (OSError, AttributeError, TypeError):
            return math.log, math.cos, math.sin  # close: the double result rounded to float32
        for function in functions:
            function.restype, function.argtypes = ctypes.c_float, [ctypes.c_float]
        return functions
    return math.log, math.cos, math.sin


def _scale(values, std, mean):
    """``values * std + mean``, fused into one rounding where torch's build fuses it."""
    return fma(values, std, mean) if _random_cpu.fused_multiply_add() else values * std + mean


def _box_muller_avx2(blocks, mean, std):
    """Each row of 16 float32 uniforms becomes 16 normals, with the AVX2 kernel's float32 log and sincos."""
    u1 = np.float32(1) - blocks[:, :8]
    u2 = blocks[:, 8:]
    radius = np.sqrt(np.float32(-2.0) * _random_avx_math.log(u1))
    sin, cos = _random_avx_math.sincos(np.float32(TWO_PI) * u2)
    return np.concatenate([fma(radius * cos, std, mean), fma(radius * sin, std, mean)], axis=1)
