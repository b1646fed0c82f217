"""Copies: ``clone`` (new memory, still in the graph), ``copy_`` (write into a tensor, recorded), ``to``."""

from __future__ import annotations

import numpy as np

from .._device import check_device, is_device
from .._dtype import from_numpy_dtype, resolve
from .._strides import copy_preserving_layout
from ..autograd.node import Node, record
from ._formulas import on_tensors, unbroadcast, zeros_like
from ._util import as_tensor, check_broadcast


class CloneBackward0(Node):
    """d x.clone() / dx = 1: grad passes unchanged."""

    double_backward = True

    def apply(self, grad):
        return (grad,)


def clone(a, memory_format=None):
    """A copy in new memory. Unlike ``=``, it is a new tensor; unlike ``detach()``, gradients flow back.

    The copy keeps ``a``'s strides when ``a`` fills its memory densely (a transposed tensor stays transposed);
    otherwise it is dense with its dims in the same memory order, as torch's ``preserve_format``;
    ``memory_format=torch.contiguous_format`` makes it row-major.
    """
    if getattr(memory_format, "name", "preserve_format") == "contiguous_format":
        return record(CloneBackward0, np.array(a._data, order="C"), (a,))
    return record(CloneBackward0, copy_preserving_layout(a._data), (a,))


def contiguous(a):
    """``a`` itself when its memory is in row-major order, else a row-major ``clone``."""
    return a if a._data.flags.c_contiguous else record(CloneBackward0, np.ascontiguousarray(a._data), (a,))


class CopyBackwards(Node):
    """``dst.copy_(src)``: the old values of ``dst`` are gone (zero gradient); ``src`` gets the gradient."""

    def name(self) -> str:
        """torch's name for this node, with its C++ namespace."""
        return "torch::autograd::CopyBackwards"

    double_backward = True

    def apply(self, grad):
        grad_src = unbroadcast(grad, self.input_shape(1)) if self.needs_input_grad(1) else None
        return zeros_like(grad), grad_src


def same_data(dst, src) -> bool:
    """True when ``src`` is exactly ``dst``'s elements (same memory, sizes, strides and dtype)."""
    return (hasattr(src, "_data") and dst.data_ptr() == src.data_ptr() and dst.shape == src.shape
            and dst.stride() == src.stride() and dst.dtype == src.dtype)


def copy_values(dst, src):
    """The out-of-place half of ``copy_``: ``src`` broadcast to ``dst``'s shape and dtype, recorded.

    ``src`` may be a Python number (torch wraps it as a 0-d tensor).
    """
    if not hasattr(src, "_data"):
        if not isinstance(src, (bool, int, float)):
            raise TypeError(f"copy_(): argument 'other' (position 1) must be Tensor, not {type(src).__name__}")
        src = as_tensor(src)
    shape = tuple(dst.shape)
    if tuple(src.shape) != shape:
        check_broadcast(dst.shape, src.shape)
        shape = np.broadcast_shapes(shape, tuple(src.shape))  # larger than dst's: apply_inplace refuses it
    values = np.broadcast_to(src._data, shape).astype(dst._data.dtype)
    return record(CopyBackwards, values, (dst, src))


class FillBackward2(Node):
    """``x.fill_(number)``. Derivative: grad_self = 0 (the old values are gone)."""

    double_backward = True

    def apply(self, grad):
        return (zeros_like(grad),)


class FillBackward3(Node):
    """``x.fill_(tensor)``. Derivative: grad_self = 0, grad_value = grad.sum()."""

    double_backward = True

    def apply(self, grad):
        grad_value = None
        if self.needs_input_grad(1):
            grad_value = grad.sum() if on_tensors(grad) else grad.sum().reshape(self.input_shape(1))
        return zeros_like(grad), grad_value


class ZeroBackward0(FillBackward2):
    """``x.zero_()``. Derivative: grad_self = 0."""


def fill_values(a, value):
    """The values ``a.fill_(value)`` writes: ``FillBackward2`` for a number, ``FillBackward3`` for a tensor."""
    if hasattr(value, "_data"):
        if value.ndim != 0:
            raise RuntimeError(f"fill_ only supports 0-dimension value tensor but got tensor with {value.ndim} "
                               f"dimensions.")
        data = np.full(a.shape, value._data, dtype=a._data.dtype)
        return record(FillBackward3, data, (a, value))
    return record(FillBackward2, np.full(a.shape, value, dtype=a._data.dtype), (a,))


def zero_values(a):
    """The values ``a.zero_()`` writes; recorded as ``ZeroBackward0``."""
    return record(ZeroBackward0, np.zeros_like(a._data), (a,))


class ToCopyBackward0(Node):
    """d x.to(dtype) / dx = 1: grad, cast back to x's dtype."""

    double_backward = True

    def apply(self, grad):
        if on_tensors(grad):
            return (grad.to(from_numpy_dtype(self.input_dtype(0))),)
        return (grad.astype(self.input_dtype(0)),)


def to(a, *args, **kwargs):
    """Convert to another dtype (recorded as ``ToCopyBackward0``; ``copy=True`` copies in any case); devices other
    than the CPU raise."""
    dtype = kwargs.get("dtype")
    for arg in args + tuple(v for k, v in kwargs.items() if k == "device"):
        if hasattr(arg, "_data"):
            dtype = arg.dtype
        elif is_device(arg):
            check_device(arg)
        elif arg is not None:
            dtype = resolve(arg)
    if not kwargs.get("copy") and (dtype is None or dtype.numpy == a._data.dtype):
        return a
    dtype = dtype or a.dtype  # copy=True: a new tensor even when nothing changes
    return record(ToCopyBackward0, copy_preserving_layout(a._data, dtype.numpy), (a,))
