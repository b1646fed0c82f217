"""Joining tensors: ``cat`` along an existing dimension, ``stack`` along a new one (copies, not views)."""

from __future__ import annotations

import numpy as np

from .._dtype import result_type
from ..autograd import node as _node
from ..autograd.node import Node, record
from ._formulas import on_tensors, unbind
from ._util import saved_dim, wrap_dim


class CatBackward0(Node):
    """d cat(xs, dim) / dx_i: the piece of grad along dim where x_i sits (``grad.narrow``)."""

    double_backward = True

    def apply(self, grad):
        if not on_tensors(grad):
            sizes = [meta[0][self._axis] if kept else 0 for meta, kept in zip(self._input_meta, self._kept)]
            pieces = np.split(grad, np.cumsum(sizes)[:-1], axis=self._axis)
            return tuple(piece if kept else np.zeros(0, grad.dtype) for piece, kept in zip(pieces, self._kept))
        pieces, start = [], 0
        for meta, kept in zip(self._input_meta, self._kept):
            size = meta[0][self._axis] if kept else 0
            empty = None if kept else _node.Tensor._wrap(np.zeros(0, grad._data.dtype))  # a skipped 1-d empty input
            pieces.append(grad.narrow(self._axis, start, size) if kept else empty)
            start += size
        return tuple(pieces)


def cat(tensors, dim=0):
    """Join tensors along an existing dimension (1-d empty tensors are skipped, as torch does)."""
    tensors = list(tensors)
    for i, t in enumerate(tensors):
        if t.ndim == 0:
            raise RuntimeError(f"zero-dimensional tensor (at position {i}) cannot be concatenated")
    kept = [not (t.ndim == 1 and t.shape[0] == 0) for t in tensors]
    joined = [t for t, keep in zip(tensors, kept) if keep] or tensors[:1]
    first = joined[0]
    for t in joined[1:]:
        if t.ndim != first.ndim:
            raise RuntimeError(f"Tensors must have same number of dimensions: got {first.ndim} and {t.ndim}")
    d = wrap_dim(dim, first.ndim)
    for position, t in enumerate(tensors):
        for k in range(first.ndim if kept[position] else 0):
            if k != d and t.shape[k] != first.shape[k]:
                raise RuntimeError(f"Sizes of tensors must match except in dimension {d}. Expected size "
                                   f"{first.shape[k]} but got size {t.shape[k]} for tensor number "
                                   f"{position} in the list.")

    dtype = result_type(*tensors)
    data = np.concatenate([t._data.astype(dtype.numpy, copy=False) for t in joined], d)
    return record(CatBackward0, np.ascontiguousarray(data),  # row-major whatever the inputs' layouts, as torch
                  tensors, attrs={"dim": saved_dim(dim)}, state={"axis": d, "kept": kept})


class StackBackward0(Node):
    """d stack(xs, dim) / dx_i = grad.select(dim, i)."""

    double_backward = True

    def apply(self, grad):
        if on_tensors(grad):
            return tuple(grad[(slice(None),) * self._axis + (i,)] for i in range(grad.shape[self._axis]))  # select
        return unbind(grad, self._axis)


def stack(tensors, dim=0):
    """Join same-shaped tensors along a new dimension."""
    tensors = list(tensors)
    if not tensors:
        raise RuntimeError("stack expects a non-empty TensorList")
    for i, t in enumerate(tensors[1:], 1):
        if t.shape != tensors[0].shape:
            raise RuntimeError(f"stack expects each tensor to be equal size, but got [{', '.join(map(str, tensors[0].shape))}] at entry 0 and [{', '.join(map(str, t.shape))}] at entry {i}")  # noqa: E501
    d = wrap_dim(dim, tensors[0].ndim + 1)

    dtype = result_type(*tensors)
    data = np.ascontiguousarray(np.stack([t._data.astype(dtype.numpy, copy=False) for t in tensors], d))
    return record(StackBackward0, data, tensors, attrs={"dim": saved_dim(dim)}, state={"axis": d})
