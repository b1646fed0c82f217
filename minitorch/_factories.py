"""Making tensors: ``tensor`` from data, and ``zeros``, ``ones``, ``arange``, ``randn``... from sizes."""

from __future__ import annotations

import warnings

import numpy as np

from ._dtype import DEFAULT_FLOAT, from_numpy_dtype, int64, resolve, scalar_dtype
from .tensor import Tensor


def _sizes(size) -> tuple:
    if len(size) == 1 and not isinstance(size[0], (int, np.integer)):
        size = tuple(size[0])
    return tuple(int(n) for n in size)


def _finish(data: np.ndarray, requires_grad: bool) -> Tensor:
    out = Tensor._wrap(data)
    if requires_grad:
        if not out.dtype.is_floating_point:
            raise RuntimeError("Only Tensors of floating point and complex dtype can require gradients")
        out._requires_grad = True
    return out


def _infer_dtype(data):
    """The dtype torch infers for nested Python data: bool < int64 < the default float."""
    if isinstance(data, np.ndarray):
        return from_numpy_dtype(data.dtype)
    if isinstance(data, Tensor):
        return data.dtype
    if isinstance(data, (list, tuple)):
        found = [_infer_dtype(item) for item in data]
        return max(found, key=lambda d: d.category, default=DEFAULT_FLOAT)
    if isinstance(data, np.generic):
        return from_numpy_dtype(data.dtype)
    return scalar_dtype(data)


def _nested_values(data):
    if isinstance(data, Tensor):
        return data._data
    if isinstance(data, (list, tuple)):
        return [_nested_values(item) for item in data]
    return data


def tensor(data, dtype=None, device=None, requires_grad=False) -> Tensor:
    """A new leaf tensor holding a *copy* of ``data`` (nested lists, numbers, numpy arrays, tensors)."""
    if isinstance(data, Tensor):
        warnings.warn("To copy construct from a tensor, it is recommended to use sourceTensor.detach().clone() "
                      "or sourceTensor.detach().clone().requires_grad_(True), rather than "
                      "torch.tensor(sourceTensor).", UserWarning, stacklevel=2)
    dtype = resolve(dtype) or _infer_dtype(data)
    try:
        values = np.array(_nested_values(data), dtype=dtype.numpy)
    except ValueError as error:
        if isinstance(data, list) and len(data) > 1 and hasattr(data[0], "__len__"):
            raise ValueError(f"expected sequence of length {len(data[0])} at dim 1 (got {len(data[1])})") from None
        raise error
    return _finish(values, requires_grad)


def as_tensor(data, dtype=None, device=None) -> Tensor:
    """``data`` as a tensor, sharing memory with a numpy array or tensor when the dtype allows."""
    if isinstance(data, Tensor) and (dtype is None or resolve(dtype) is data.dtype):
        return data
    if isinstance(data, np.ndarray) and (dtype is None or resolve(dtype).numpy == data.dtype):
        return from_numpy(data)
    return tensor(data, dtype=dtype)


def from_numpy(array: np.ndarray) -> Tensor:
    """A tensor sharing ``array``'s memory: changes to one show in the other."""
    from_numpy_dtype(array.dtype)
    return Tensor._wrap(array)


def _filled(size, value, dtype, requires_grad):
    dtype = resolve(dtype) or DEFAULT_FLOAT
    return _finish(np.full(_sizes(size), value, dtype=dtype.numpy), requires_grad)


def zeros(*size, dtype=None, device=None, requires_grad=False) -> Tensor:
    """A tensor of zeros."""
    return _filled(size, 0, dtype, requires_grad)


def ones(*size, dtype=None, device=None, requires_grad=False) -> Tensor:
    """A tensor of ones."""
    return _filled(size, 1, dtype, requires_grad)


def empty(*size, dtype=None, device=None, requires_grad=False) -> Tensor:
    """A tensor whose values are not set (minitorch fills it with zeros; never rely on that)."""
    return _filled(size, 0, dtype, requires_grad)


def full(size, fill_value, dtype=None, device=None, requires_grad=False) -> Tensor:
    """A tensor filled with ``fill_value``; its dtype follows the value (int64 for ints)."""
    return _filled((size,), fill_value, dtype or scalar_dtype(fill_value), requires_grad)


def _like(t, value, dtype, requires_grad):
    return _finish(np.full(t.shape, value, dtype=(resolve(dtype) or t.dtype).numpy), requires_grad)


def zeros_like(t, dtype=None, device=None, requires_grad=False) -> Tensor:
    """Zeros with ``t``'s shape and dtype."""
    return _like(t, 0, dtype, requires_grad)


def ones_like(t, dtype=None, device=None, requires_grad=False) -> Tensor:
    """Ones with ``t``'s shape and dtype."""
    return _like(t, 1, dtype, requires_grad)


def empty_like(t, dtype=None, device=None, requires_grad=False) -> Tensor:
    """A tensor with ``t``'s shape and dtype (filled with zeros in minitorch)."""
    return _like(t, 0, dtype, requires_grad)


def full_like(t, fill_value, dtype=None, device=None, requires_grad=False) -> Tensor:
    """``t``'s shape and dtype, filled with ``fill_value``."""
    return _like(t, fill_value, dtype, requires_grad)


def arange(start, end=None, step=1, dtype=None, device=None, requires_grad=False) -> Tensor:
    """Evenly spaced values in ``[start, end)``: int64 for integer arguments, else the default float."""
    if end is None:
        start, end = 0, start
    numbers = (start, end, step)
    default = int64 if all(isinstance(n, (int, np.integer)) for n in numbers) else DEFAULT_FLOAT
    dtype = resolve(dtype) or default
    count = max(int(np.ceil((end - start) / step)), 0)
    return _finish((start + np.arange(count) * step).astype(dtype.numpy), requires_grad)


def linspace(start, end, steps, dtype=None, device=None, requires_grad=False) -> Tensor:
    """``steps`` values evenly spaced from ``start`` to ``end`` inclusive."""
    dtype = resolve(dtype) or DEFAULT_FLOAT
    return _finish(np.linspace(start, end, steps).astype(dtype.numpy), requires_grad)


def eye(n, m=None, dtype=None, device=None, requires_grad=False) -> Tensor:
    """The identity matrix."""
    return _finish(np.eye(n, m, dtype=(resolve(dtype) or DEFAULT_FLOAT).numpy), requires_grad)
