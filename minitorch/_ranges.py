"""Ranges of values: ``arange``, ``linspace`` and ``logspace``, computed as torch's CPU kernels compute them."""

from __future__ import annotations

import numpy as np

from ._dtype import DEFAULT_FLOAT, int64
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


def arange(start=0, end=None, step=1, *, out=None, dtype=None, layout=None, device=None, pin_memory=False,
           requires_grad=False) -> Tensor:
    """Evenly spaced values in ``[start, end)``: int64 for integer arguments, else the default float."""
    _place(device, layout)
    if end is None:
        start, end = 0, start
    start, end, step = _number(start), _number(end), _number(step)
    numbers = (start, end, step)
    default = int64 if all(isinstance(n, (int, np.integer)) for n in numbers) else DEFAULT_FLOAT
    dtype = _out_dtype(dtype, out, default)
    count = _arange_count(start, end, step)
    return _finish((start + np.arange(count) * step).astype(dtype.numpy), requires_grad, out)


def _evenly_spaced(start, end, steps, dtype) -> np.ndarray:
    """torch's linspace kernel: the first half counts up from ``start``, the second half down from ``end``."""
    compute = dtype.numpy if dtype.is_floating_point else np.dtype(np.float64)
    if steps == 1:
        return np.array([start], dtype=compute)
    start, end = compute.type(start), compute.type(end)
    step = (end - start) / compute.type(steps - 1)
    i = np.arange(steps)
    halfway = steps // 2
    up = start + step * i.astype(compute)
    down = end - step * (steps - i - 1).astype(compute)
    return np.where(i < halfway, up, down).astype(compute)


def linspace(start, end, steps, *, out=None, dtype=None, layout=None, device=None, requires_grad=False) -> Tensor:
    """``steps`` values evenly spaced from ``start`` to ``end`` inclusive."""
    _place(device, layout)
    dtype = _out_dtype(dtype, out, DEFAULT_FLOAT)
    values = _evenly_spaced(_number(start), _number(end), int(steps), dtype)
    return _finish(values.astype(dtype.numpy), requires_grad, out)


def logspace(start, end, steps, base=10.0, *, out=None, dtype=None, layout=None, device=None,
             requires_grad=False) -> Tensor:
    """``steps`` values from ``base ** start`` to ``base ** end``, evenly spaced in the exponent."""
    _place(device, layout)
    dtype = _out_dtype(dtype, out, DEFAULT_FLOAT)
    exponents = _evenly_spaced(_number(start), _number(end), int(steps), dtype)
    return _finish(np.power(exponents.dtype.type(base), exponents).astype(dtype.numpy), requires_grad, out)
