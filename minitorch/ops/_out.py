"""The ``out=`` keyword: write an op's result into a tensor the caller gave, as torch does."""

from __future__ import annotations

import warnings

import numpy as np

from .._dtype import from_numpy_dtype
from ..autograd.grad_mode import is_grad_enabled, no_grad
from .inplace import check_cast, write_values

RESIZE_WARNING = (
    "An output with one or more elements was resized since it had shape [{old}], which does not match the "
    "required output shape [{new}]. This behavior is deprecated, and in a future PyTorch release outputs will "
    "not be resized unless they have zero elements. You can explicitly reuse an out tensor t by resizing it, "
    "inplace, to zero elements with t.resize_(0). (Triggered internally at "
    "/__w/pytorch/pytorch/aten/src/ATen/native/Resize.cpp:30.)")


def require_tensor(name: str, value) -> None:
    """torch's TypeError when a function that takes only a tensor gets a number."""
    if not hasattr(value, "_data"):
        raise TypeError(f"{name}(): argument 'input' (position 1) must be Tensor, not {type(value).__name__}")


def check_out_grad(name: str, out, *inputs) -> None:
    """torch records no graph through ``out=``: it refuses when an argument requires grad."""
    if not is_grad_enabled():
        return
    if any(getattr(t, "requires_grad", False) for t in (out, *inputs)):
        raise RuntimeError(f"{name}(): functions with out=... arguments don't support automatic "
                           "differentiation, but one of the arguments requires grad.")


def _check_no_partial_overlap(out, args) -> None:
    """torch refuses an ``out=`` that shares some, but not all, of its memory with an input."""
    from .inplace import PARTIAL_OVERLAP_ERROR, overlap  # cycle: inplace.py imports this module

    for arg in [t for a in args for t in (a if isinstance(a, (list, tuple)) else [a])]:  # cat's list too
        if hasattr(arg, "_data") and overlap(out, arg) == "partial":
            raise RuntimeError(PARTIAL_OVERLAP_ERROR)


def _shape_text(shape) -> str:
    return ", ".join(str(n) for n in shape)


def prepare_out(out, source, shape, warn_on_resize: bool = True) -> None:
    """What torch does to ``out`` before computing: refuse a dtype it cannot hold (``source``), resize it to
    ``shape`` (with torch's deprecation warning when it had elements, unless ``warn_on_resize=False``)."""
    check_cast(out, np.empty(0, source.numpy))
    if out.shape != tuple(shape):
        if warn_on_resize and out.numel() != 0:
            warnings.warn(RESIZE_WARNING.format(old=_shape_text(out.shape), new=_shape_text(shape)),
                          UserWarning, stacklevel=4)
        out._data = _resized(out._data, tuple(shape))


def _resized(data: np.ndarray, shape) -> np.ndarray:
    """``data`` resized as torch's ``resize_``: the same memory when it is row-major and large enough (the first
    elements, seen with the new shape), else new memory that starts with the old values."""
    count = int(np.prod(shape))
    if data.flags.c_contiguous and data.size >= count:
        return data.reshape(-1)[:count].reshape(shape)
    grown = np.zeros(shape, dtype=data.dtype)
    grown.reshape(-1)[:min(data.size, count)] = data.reshape(-1)[:count]
    return grown


def write_out(out, result, warn_on_resize: bool = True):
    """Store ``result`` (a tensor or an array) in the ``out=`` tensor and return ``out``: the one way an op
    writes its result into ``out``.

    As torch: a result of a higher dtype category than out's (a float into an integer tensor) is refused; an
    ``out`` of another shape is resized first, with torch's deprecation warning when it had elements
    (``warn_on_resize=False`` for the factories, which resize silently as torch's ``zeros(..., out=)``). The
    write itself is ``write_values``, which counts the change in out's ``_version``.
    """
    data = getattr(result, "_data", result)
    prepare_out(out, from_numpy_dtype(data.dtype), data.shape, warn_on_resize)
    write_values(out, data, cast=True)
    return out


def with_out(name: str, op, out, *args, differentiable=True, keeps_dtype=False, **kwargs):
    """``op(*args, **kwargs)``, written into ``out`` when one is given (no graph through ``out=``).

    ``differentiable=False`` (comparisons, logical ops, floor_divide): torch accepts inputs that require grad.
    ``keeps_dtype=True`` (abs, neg, floor, sign...): ``out`` must have the input's dtype exactly.
    """
    if out is None:
        return op(*args, **kwargs)
    if differentiable:
        check_out_grad(name, out, *args)
    if keeps_dtype and hasattr(args[0], "dtype") and out.dtype is not args[0].dtype:
        raise RuntimeError(f"Found dtype {out.dtype.legacy_name} but expected {args[0].dtype.legacy_name}")
    _check_no_partial_overlap(out, args)

    with no_grad():
        return write_out(out, op(*args, **kwargs))
