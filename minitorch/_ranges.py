"""Ranges of values: ``arange``, ``linspace`` and ``logspace``, computed as torch's CPU kernels compute them."""

from __future__ import annotations

import math

import numpy as np

from ._dtype import get_default_dtype, int64
from ._factories import _finish, _out_dtype, _place
from .tensor import Tensor


def _number(value):
    """A Python number from a number or a one-element tensor (``arange(torch.tensor(3))``)."""
    return value.item() if isinstance(value, Tensor) else value


def _arange_count(start, end, step) -> int:
    if step == 0:
        raise RuntimeError("step must be nonzero")
    if (end - start) * step < 0:
        raise RuntimeError("upper bound and lower bound inconsistent with step sign")
    return int(np.ceil((end - start) / step))


def _fused(a, b, c) -> np.ndarray:
    """``a * b + c`` rounded once, as the compiled kernels' fused multiply-add rounds it (to float64)."""
    return (np.asarray(a, np.longdouble) * np.asarray(b, np.longdouble) + np.asarray(c, np.longdouble)).astype(
        np.float64)


VECTOR_BYTES = 32  # torch's range kernels run on 256-bit vectors, two at a time


def _float_range(start, step, count, dtype) -> np.ndarray:
    """torch's arange kernel for floats: in float64, each vector of values counted up from its first one.

    Blocks of two vectors hold ``start + step * i`` only at each vector's first element (rounded to the
    dtype); the others add ``k * step`` to that. The elements after the last full block are computed alone.
    """
    width = VECTOR_BYTES // dtype.itemsize
    index = np.arange(count)
    vectorised = count - count % (2 * width)
    first = index - index % width
    firsts = _fused(step, first, start).astype(dtype.numpy).astype(np.float64)
    values = np.where(index < vectorised, _fused(index % width, step, firsts), _fused(step, index, start))
    return values.astype(dtype.numpy)


def arange(start=0, end=None, step=1, *, out=None, dtype=None, layout=None, device=None, pin_memory=False,
           requires_grad=False) -> Tensor:
    """Evenly spaced values in ``[start, end)``: int64 for integer arguments, else the default float."""
    _place(device, layout)
    if end is None:
        start, end = 0, start
    start, end, step = _number(start), _number(end), _number(step)
    numbers = (start, end, step)
    default = int64 if all(isinstance(n, (int, np.integer)) for n in numbers) else get_default_dtype()
    dtype = _out_dtype(dtype, out, default)
    if dtype.category == 0:
        raise NotImplementedError("\"arange_cpu\" not implemented for 'Bool'")
    count = _arange_count(start, end, step)
    if dtype.is_floating_point:
        return _finish(_float_range(start, step, count, dtype), requires_grad, out)
    return _finish((start + np.arange(count) * step).astype(dtype.numpy), requires_grad, out)


def _as_element(value, dtype):
    """``value`` converted to the dtype's element type, as ``Scalar.to<scalar_t>()`` does (ints truncate)."""
    return dtype.numpy.type(int(value) if not dtype.is_floating_point else value)


def _halves(start, end, step, steps, compute, fused=True) -> np.ndarray:
    """``start + step * i`` for the first half of the indices, ``end - step * (steps - 1 - i)`` for the rest
    (with one rounding when the kernel fuses the multiply-add, else two)."""
    i = np.arange(steps)
    if not fused:
        up, down = start + step * i.astype(compute), end - step * (steps - i - 1).astype(compute)
    else:
        up, down = _fused(step, i.astype(compute), start), _fused(-step, (steps - i - 1).astype(compute), end)
    return np.where(i < steps // 2, up, down)


def _evenly_spaced(start, end, steps, dtype) -> np.ndarray:
    """torch's linspace kernel: each value one fused multiply-add in the dtype (float64 for integer dtypes)."""
    start, end = _as_element(start, dtype), _as_element(end, dtype)
    compute = dtype.numpy if dtype.is_floating_point else np.dtype(np.float64)
    if steps == 1:
        return np.array([start], dtype=dtype.numpy)
    step = (compute.type(end) - compute.type(start)) / compute.type(steps - 1)
    return _halves(start, end, step, steps, compute).astype(compute).astype(dtype.numpy)


def _log_spaced(start, end, steps, base, dtype) -> np.ndarray:
    """torch's logspace: ``base ** exponent`` in float64, the exponents spaced as linspace spaces them."""
    if steps == 1:
        return np.array([np.power(float(base), float(start))]).astype(dtype.numpy)
    start, end = _as_element(start, dtype), _as_element(end, dtype)
    step = np.float64(end - start) / (steps - 1)
    exponents = _halves(start, end, step, steps, np.float64, fused=False)
    with np.errstate(invalid="ignore", over="ignore"):  # integer dtypes wrap around, as in torch
        return np.array([math.pow(base, e) for e in exponents.tolist()]).astype(dtype.numpy)  # C's pow


def linspace(start, end, steps, *, out=None, dtype=None, layout=None, device=None, requires_grad=False) -> Tensor:
    """``steps`` values evenly spaced from ``start`` to ``end`` inclusive."""
    _place(device, layout)
    dtype = _out_dtype(dtype, out, get_default_dtype())
    values = _evenly_spaced(_number(start), _number(end), int(steps), dtype)
    return _finish(values, requires_grad, out)


def logspace(start, end, steps, base=10.0, *, out=None, dtype=None, layout=None, device=None,
             requires_grad=False) -> Tensor:
    """``steps`` values from ``base ** start`` to ``base ** end``, evenly spaced in the exponent."""
    _place(device, layout)
    dtype = _out_dtype(dtype, out, get_default_dtype())
    values = _log_spaced(_number(start), _number(end), int(steps), base, dtype)
    return _finish(values, requires_grad, out)
