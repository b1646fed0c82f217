"""Copies: ``clone`` (new memory, still in the graph), ``copy_`` (write into a tensor, recorded), ``to``."""

from __future__ import annotations

import numpy as np

from .._dtype import resolve
from ..autograd.node import Node, record, unbroadcast
from ._util import check_broadcast


class CloneBackward0(Node):
    def apply(self, grad):
        return (grad,)


def clone(a, memory_format=None):
    """A copy in new memory. Unlike ``=``, it is a new tensor; unlike ``detach()``, gradients flow back."""
    return record(CloneBackward0, a._data.copy(), (a,))


def contiguous(a):
    """``a`` itself when its memory is in row-major order, else a row-major ``clone``."""
    return a if a._data.flags.c_contiguous else record(CloneBackward0, np.ascontiguousarray(a._data), (a,))


class CopyBackwards(Node):
    """``dst.copy_(src)``: the old values of ``dst`` are gone (zero gradient); ``src`` gets the gradient."""

    def name(self) -> str:
        """torch's name for this node, with its C++ namespace."""
        return "torch::autograd::CopyBackwards"

    def apply(self, grad):
        grad_src = unbroadcast(grad, self._input_meta[1][0]) if self.needs_grad(1) else None
        return np.zeros_like(grad), grad_src


def copy_values(dst, src):
    """The out-of-place half of ``copy_``: ``src`` broadcast to ``dst``'s shape and dtype, recorded."""
    if tuple(src.shape) != tuple(dst.shape):
        check_broadcast(dst.shape, src.shape)
        broadcast = np.broadcast_shapes(tuple(dst.shape), tuple(src.shape))
        if broadcast != tuple(dst.shape):
            raise RuntimeError(f"output with shape [{', '.join(map(str, dst.shape))}] doesn't match the broadcast "
                               f"shape [{', '.join(map(str, broadcast))}]")
    values = np.broadcast_to(src._data, dst.shape).astype(dst._data.dtype)
    return record(CopyBackwards, values, (dst, src))


class ToCopyBackward0(Node):
    def apply(self, grad):
        return (grad.astype(self._input_meta[0][1]),)


def to(a, *args, **kwargs):
    """Convert to another dtype (recorded as ``ToCopyBackward0``); devices other than the CPU raise."""
    from .._device import check_device, is_device

    dtype = kwargs.get("dtype")
    for arg in args + tuple(v for k, v in kwargs.items() if k == "device"):
        if hasattr(arg, "_data"):
            dtype = arg.dtype
        elif is_device(arg):
            check_device(arg)
        elif arg is not None:
            dtype = resolve(arg)
    if dtype is None or dtype.numpy == a._data.dtype:
        return a
    return record(ToCopyBackward0, a._data.astype(dtype.numpy), (a,))
