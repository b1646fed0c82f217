"""Making tensors: ``tensor`` from data, and ``zeros``, ``ones``, ``arange``, ``randn``... from sizes."""

from __future__ import annotations

import warnings

import numpy as np

from ._device import check_device, check_layout
from ._dtype import from_numpy_dtype, get_default_dtype, resolve, scalar_dtype
from ._strides import empty_preserving_layout
from ._strides import empty_strided as _strided_memory
from .ops._out import write_out
from .tensor import Tensor


def _sizes(size, keyword=None, name=None) -> tuple:
    """The shape from ``zeros(2, 3)``, ``zeros((2, 3))`` or ``zeros(size=(2, 3))``."""
    if keyword is not None:
        size = (keyword,)
    if len(size) == 1 and not isinstance(size[0], (int, np.integer)):
        size = tuple(size[0])
    for position, n in enumerate(size):
        if not isinstance(n, (int, np.integer)) and not hasattr(n, "__index__"):
            raise TypeError(f"{name or 'zeros'}(): argument 'size' failed to unpack the object at pos {position + 1} "
                            f"with error \"type must be tuple of ints,but got {type(n).__name__}\"")
    size = tuple(int(n) for n in size)
    if any(n < 0 for n in size):
        if name == "zeros":  # torch.zeros checks the sizes itself, with its own words
            raise RuntimeError("zeros: Dimension size must be non-negative.")
        first = next(n for n in size if n < 0)
        raise RuntimeError(f"Trying to create tensor with negative dimension {first}: [{', '.join(map(str, size))}]")
    return size


def _place(device=None, layout=None) -> None:
    """Check the ``device=`` and ``layout=`` keywords: only the CPU and dense (strided) tensors exist."""
    check_device(device)
    check_layout(layout)


def _out_dtype(dtype, out, default):
    """The dtype of a new tensor: ``dtype=``, else the ``out=`` tensor's, else ``default``."""
    dtype = resolve(dtype)
    if out is None:
        return dtype or default
    if dtype is not None and dtype is not out.dtype:
        raise RuntimeError(f"dtype {dtype.legacy_name} does not match dtype of out parameter "
                           f"({out.dtype.legacy_name})")
    return out.dtype


def _finish(data: np.ndarray, requires_grad: bool, out=None) -> Tensor:
    result = Tensor._wrap(data) if out is None else write_out(out, data, warn_on_resize=False)
    if requires_grad:
        if not result.dtype.is_floating_point:
            raise RuntimeError("Only Tensors of floating point and complex dtype can require gradients")
        result._requires_grad = True
    return result


def _infer_dtype(data):
    """The dtype torch infers for nested Python data: bool < int64 < the default float."""
    if isinstance(data, np.ndarray):
        return from_numpy_dtype(data.dtype)
    if isinstance(data, Tensor):
        return data.dtype
    if isinstance(data, (list, tuple)):
        found = [_infer_dtype(item) for item in data]
        return max(found, key=lambda d: d.category, default=get_default_dtype())
    if isinstance(data, np.generic):
        return from_numpy_dtype(data.dtype)
    return scalar_dtype(data)


def _nested_values(data):
    if isinstance(data, Tensor):
        return data._data
    if isinstance(data, (list, tuple)):
        return [_nested_values(item) for item in data]
    return data


def _array_of(nested, dtype) -> np.ndarray:
    """Python values as an array of ``dtype``; integers as torch converts them: negative ones wrap around in an
    unsigned type (-1 is 255), values out of range (or inf, nan) raise torch's overflow error."""
    if dtype.numpy.kind not in "iu" or isinstance(nested, np.ndarray):
        return np.array(nested, dtype=dtype.numpy)
    raw = np.array(nested)
    if raw.dtype.kind not in "biuf" or raw.size == 0:
        return np.array(nested, dtype=dtype.numpy)
    info = np.iinfo(dtype.numpy)
    if raw.dtype.kind == "f":
        bad = ~np.isfinite(raw) | (raw < info.min) | (raw > info.max)
    else:
        bad = (raw < (-info.max if info.min == 0 else info.min)) | (raw > info.max)
    if bad.any():
        raise RuntimeError(f"value cannot be converted to type {dtype.name} without overflow")
    return raw.astype(dtype.numpy)


def tensor(data, *, dtype=None, device=None, requires_grad=False, pin_memory=False) -> Tensor:
    """A new leaf tensor holding a *copy* of ``data`` (nested lists, numbers, numpy arrays, tensors)."""
    check_device(device)
    if isinstance(data, Tensor):
        warnings.warn("To copy construct from a tensor, it is recommended to use sourceTensor.detach().clone() "
                      "or sourceTensor.detach().clone().requires_grad_(True), rather than "
                      "torch.tensor(sourceTensor).", UserWarning, stacklevel=2)
    dtype = resolve(dtype) or _infer_dtype(data)
    try:
        values = _array_of(_nested_values(data), dtype)
    except ValueError as error:
        if isinstance(data, list) and len(data) > 1 and hasattr(data[0], "__len__"):
            raise ValueError(f"expected sequence of length {len(data[0])} at dim 1 (got {len(data[1])})") from None
        raise error
    return _finish(values, requires_grad)


def as_tensor(data, *, dtype=None, device=None) -> Tensor:
    """``data`` as a tensor, sharing memory with a numpy array or tensor when the dtype allows."""
    check_device(device)
    if isinstance(data, Tensor):
        return data if dtype is None else data.to(resolve(dtype))
    if isinstance(data, np.ndarray) and (dtype is None or resolve(dtype).numpy == data.dtype):
        return from_numpy(data)
    return tensor(data, dtype=dtype)


def from_numpy(array: np.ndarray) -> Tensor:
    """A tensor sharing ``array``'s memory: changes to one show in the other."""
    from_numpy_dtype(array.dtype)
    return Tensor._wrap(array)


def _filled(sizes, value, kwargs, name, default=None):
    """A tensor of ``sizes`` filled with ``value``; ``kwargs`` are the shared factory keywords."""
    _place(kwargs.get("device"), kwargs.get("layout"))
    out = kwargs.get("out")
    dtype = _out_dtype(kwargs.get("dtype"), out, default or get_default_dtype())
    shape = _sizes(sizes, kwargs.get("size"), name)
    if dtype.numpy.kind == "u" and isinstance(value, int) and value < 0:
        value = np.asarray(value).astype(dtype.numpy)  # -1 wraps around to 255 in uint8, as torch
    return _finish(np.full(shape, value, dtype=dtype.numpy), kwargs.get("requires_grad", False), out)


def zeros(*sizes, size=None, out=None, dtype=None, layout=None, device=None, pin_memory=False,
          requires_grad=False) -> Tensor:
    """A tensor of zeros."""
    return _filled(sizes, 0, locals(), "zeros")


def ones(*sizes, size=None, out=None, dtype=None, layout=None, device=None, pin_memory=False,
         requires_grad=False) -> Tensor:
    """A tensor of ones."""
    return _filled(sizes, 1, locals(), "ones")


def empty(*sizes, size=None, out=None, dtype=None, layout=None, device=None, pin_memory=False,
          requires_grad=False, memory_format=None) -> Tensor:
    """A tensor whose values are not set (minitorch fills it with zeros; never rely on that)."""
    return _filled(sizes, 0, locals(), "empty")


def empty_strided(size, stride, *, dtype=None, layout=None, device=None, pin_memory=False,
                  requires_grad=False) -> Tensor:
    """A tensor with the given shape and element strides whose values are not set (zeros in minitorch)."""
    _place(device, layout)
    numpy_dtype = (resolve(dtype) or get_default_dtype()).numpy
    data = _strided_memory(_sizes((size,), name="empty_strided"), tuple(stride), numpy_dtype)
    data[...] = 0
    return _finish(data, requires_grad)


def full(size, fill_value, *, out=None, dtype=None, layout=None, device=None, pin_memory=False,
         requires_grad=False) -> Tensor:
    """A tensor filled with ``fill_value``; its dtype follows the value (int64 for ints, bool for bools)."""
    return _filled((size,), fill_value, locals(), "full", scalar_dtype(fill_value))


def check_like_input(t, name: str) -> None:
    """torch's TypeError when the first argument of a ``*_like`` factory is not a tensor."""
    if not isinstance(t, Tensor):
        raise TypeError(f"{name}(): argument 'input' (position 1) must be Tensor, not {type(t).__name__}")


def _like(t, value, dtype, requires_grad, device=None, layout=None, memory_format=None, name="empty_like"):
    """A new tensor of ``t``'s shape filled with ``value``, laid out as torch's ``empty_like``.

    With ``memory_format=torch.preserve_format`` (the default) it keeps ``t``'s strides when ``t`` fills its
    memory densely (``ones_like(x.t())`` is transposed too), else it is dense in ``t``'s order of dims.
    """
    check_like_input(t, name)
    _place(device, layout)
    numpy_dtype = (resolve(dtype) or t.dtype).numpy
    if getattr(memory_format, "name", "preserve_format") == "contiguous_format":
        return _finish(np.full(t.shape, value, dtype=numpy_dtype), requires_grad)
    data = empty_preserving_layout(t._data, numpy_dtype)
    data[...] = value
    return _finish(data, requires_grad)


def zeros_like(t, dtype=None, layout=None, device=None, requires_grad=False, memory_format=None) -> Tensor:
    """Zeros with ``t``'s shape and dtype."""
    return _like(t, 0, dtype, requires_grad, device, layout, memory_format, "zeros_like")


def ones_like(t, dtype=None, layout=None, device=None, requires_grad=False, memory_format=None) -> Tensor:
    """Ones with ``t``'s shape and dtype."""
    return _like(t, 1, dtype, requires_grad, device, layout, memory_format, "ones_like")


def empty_like(t, dtype=None, layout=None, device=None, requires_grad=False, memory_format=None) -> Tensor:
    """A tensor with ``t``'s shape and dtype (filled with zeros in minitorch)."""
    return _like(t, 0, dtype, requires_grad, device, layout, memory_format, "empty_like")


def full_like(t, fill_value, dtype=None, layout=None, device=None, requires_grad=False,
              memory_format=None) -> Tensor:
    """``t``'s shape and dtype, filled with ``fill_value``."""
    return _like(t, fill_value, dtype, requires_grad, device, layout, memory_format, "full_like")


def eye(n, m=None, *, out=None, dtype=None, layout=None, device=None, requires_grad=False) -> Tensor:
    """The identity matrix (``n`` rows, ``m`` columns, ``n`` by default)."""
    _place(device, layout)
    dtype = _out_dtype(dtype, out, get_default_dtype())
    return _finish(np.eye(n, m, dtype=dtype.numpy), requires_grad, out)
