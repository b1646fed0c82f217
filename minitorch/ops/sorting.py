"""Order statistics: sort, argsort, topk, kthvalue, median, mode. Each returns torch's named tuple
(``torch.return_types.sort(values=..., indices=...)``) and sends the gradient back through ``indices``."""

from __future__ import annotations

import numpy as np

from ..autograd import node as _node
from ..autograd.node import Node, record
from . import return_types
from ._formulas import on_tensors
from ._util import saved_dim, wrap_dim
from .gather_scatter import scatter


def _stable_order(x, axis, descending):
    """Indices that sort ``x`` along ``axis``; equal values keep their order, nan counts as the largest."""
    if not descending:
        return np.argsort(x, axis=axis, kind="stable")
    flipped = np.flip(x, axis)
    return x.shape[axis] - 1 - np.flip(np.argsort(flipped, axis=axis, kind="stable"), axis)


class _GatherBackward(Node):
    """The gradient of each picked value goes back to the place it was picked from (``indices``)."""

    _grad_writes = 2  # torch: zeros, then scatter_ (values_backward)
    double_backward = True

    def apply(self, grad):
        if on_tensors(grad):  # torch's value_selecting_reduction_backward: zeros.scatter(dim, indices, grad)
            indices, axis = self._saved_indices, self._axis
            if not self.input_shape(0):
                return (grad,)
            if not self._keepdim:
                grad, indices = grad.unsqueeze(axis), indices.unsqueeze(axis)
            zeros = _node.Tensor._wrap(np.zeros(self.input_shape(0), grad._data.dtype))
            return (scatter(zeros, axis, indices, grad),)
        indices, axis = self._saved_indices._data, self._axis
        if not self._keepdim and self.input_shape(0):
            grad, indices = np.expand_dims(grad, axis), np.expand_dims(indices, axis)
        out = np.zeros(self.input_shape(0), grad.dtype)
        if out.ndim:
            np.put_along_axis(out, indices, grad, axis=axis)
        else:
            out[...] = grad
        return (out,)


class SortBackward0(_GatherBackward):
    """d/dx sort(x): each value's gradient returns to its original position."""


class TopkBackward0(_GatherBackward):
    """d/dx topk(x): the k picked values' gradients return to their positions; the rest get 0."""


class KthvalueBackward0(_GatherBackward):
    """d/dx kthvalue(x): the gradient goes to the position of the k-th smallest value."""


class MedianBackward1(_GatherBackward):
    """d/dx median(x, dim): the gradient goes to the position of the median."""


class ModeBackward0(_GatherBackward):
    """d/dx mode(x): the gradient goes to the position reported in ``indices``."""


def _picked(node_cls, result_type, a, values, indices, dim, keepdim, axis, attrs=None):
    """Wrap values and int64 indices, recording ``node_cls`` with torch's saved attributes."""
    index_tensor = _node.Tensor._wrap(np.array(indices, dtype=np.int64, order="C"))
    shown = {"dim": saved_dim(dim), "indices": index_tensor, "self_sym_sizes": tuple(a.shape), **(attrs or {})}
    out = record(node_cls, np.array(values, order="C"), (a,), attrs=shown, state={"axis": axis, "keepdim": keepdim})
    return result_type(out, index_tensor)


def sort(input, dim=-1, descending=False, *, stable=False):  # noqa: A002
    """Values sorted along ``dim`` and where each came from: ``torch.return_types.sort``."""
    axis = wrap_dim(dim, input.ndim)
    if input.ndim == 0:
        return _picked(SortBackward0, return_types.sort, input, input._data.copy(), np.zeros((), np.int64), dim,
                       True, axis)
    order = _stable_order(input._data, axis, descending)
    values = np.take_along_axis(input._data, order, axis)
    return _picked(SortBackward0, return_types.sort, input, values, order, dim, True, axis)


def argsort(input, dim=-1, descending=False, *, stable=False):  # noqa: A002
    """The indices that sort ``input`` along ``dim``."""
    return sort(input, dim, descending, stable=stable).indices


def topk(input, k, dim=-1, largest=True, sorted=True):  # noqa: A002
    """The ``k`` largest (or smallest) values along ``dim`` and their indices: ``torch.return_types.topk``."""
    axis = wrap_dim(dim, input.ndim)
    size = input.shape[axis] if input.ndim else 1
    if not 0 <= k <= size:
        raise RuntimeError("selected index k out of range")
    order = _stable_order(input._data, axis, largest) if input.ndim else np.zeros((), np.int64)
    chosen = np.take(order, np.arange(k), axis=axis) if input.ndim else order
    values = np.take_along_axis(input._data, chosen, axis) if input.ndim else input._data.copy()
    return _picked(TopkBackward0, return_types.topk, input, values, chosen, dim, True, axis)


def _select(node_cls, result_type, a, position, dim, keepdim, attrs=None):
    """The value at sorted ``position`` along ``dim`` (with its index), as kthvalue and median pick."""
    axis = wrap_dim(dim, a.ndim)
    if a.ndim == 0:
        return _picked(node_cls, result_type, a, a._data.copy(), np.zeros((), np.int64), dim, keepdim, axis,
                       {"keepdim": keepdim, **(attrs or {})})
    order = np.take(_stable_order(a._data, axis, False), [position], axis=axis)
    values = np.take_along_axis(a._data, order, axis)
    if not keepdim:
        values, order = values.squeeze(axis), order.squeeze(axis)
    return _picked(node_cls, result_type, a, values, order, dim, keepdim, axis, {"keepdim": keepdim, **(attrs or {})})


def _check_not_bool(kernel, input) -> None:  # noqa: A002
    if input.dtype.category == 0:
        raise NotImplementedError(f"\"{kernel}\" not implemented for 'Bool'")


def _check_not_empty(name, input, axis) -> None:  # noqa: A002
    """torch's error for picking a value along an empty dim."""
    if input.ndim and input.shape[axis] == 0:
        raise IndexError(f"{name}(): Expected reduction dim {axis} to have non-zero size.")


def kthvalue(input, k, dim=-1, keepdim=False):  # noqa: A002
    """The ``k``-th smallest value along ``dim`` (k counts from 1) and its index."""
    _check_not_bool("kthvalue_cpu", input)
    axis = wrap_dim(dim, input.ndim)
    _check_not_empty("kthvalue", input, axis)
    if not 1 <= k <= (input.shape[axis] if input.ndim else 1):
        raise RuntimeError(f"kthvalue(): selected number k out of range for dimension {axis}")
    return _select(KthvalueBackward0, return_types.kthvalue, input, k - 1, dim, keepdim)


class MedianBackward0(Node):
    """d/dx median(x): the gradient is shared evenly among the elements equal to the median."""

    _grad_writes = 1  # torch: zeros, then index_fill_ / masked_fill_
    double_backward = True

    def apply(self, grad):
        x, result = self.unpack("self"), self.unpack("result")
        if on_tensors(grad):  # torch: zeros.masked_fill_(x == median, grad / count)
            hits = x == result
            count = _node.Tensor._wrap(np.asarray(hits._data.sum()))
            zeros = _node.Tensor._wrap(np.zeros(x.shape, grad._data.dtype))
            return (zeros.masked_fill(hits, grad / count),)
        hits = x == result
        return (np.where(hits, grad / hits.sum(), 0).astype(grad.dtype),)


def median(input, dim=None, keepdim=False):  # noqa: A002
    """The lower median of all elements, or ``torch.return_types.median`` along ``dim``."""
    _check_not_bool("median_cpu" if dim is None else "median_out", input)
    if dim is None:
        flat = np.sort(input._data.reshape(-1), kind="stable")
        value = flat[(flat.size - 1) // 2] if flat.size else np.asarray(np.nan, input._data.dtype)
        if flat.size and flat.dtype.kind == "f" and np.isnan(flat[-1]):
            value = flat[-1]  # a nan anywhere makes the median nan, as torch (numpy sorts nans last)
        return record(MedianBackward0, np.asarray(value), (input,), saved={"self": input}, save_result=True)
    _check_not_empty("median", input, wrap_dim(dim, input.ndim))
    size = input.shape[wrap_dim(dim, input.ndim)] if input.ndim else 1
    return _select(MedianBackward1, return_types.median, input, (size - 1) // 2, dim, keepdim)


def _mode_of_rows(rows):
    """For each row: its most frequent value (the smallest on ties) and the last index holding it."""
    values, indices = [], []
    for row in rows:
        uniques, counts = np.unique(row, return_counts=True)
        value = uniques[np.argmax(counts)]
        values.append(value)
        same = (row == value) | (row != row) & (value != value)  # nan counts as equal to nan
        indices.append(np.flatnonzero(same)[-1])
    return np.asarray(values, rows.dtype), np.asarray(indices, np.int64)


def mode(input, dim=-1, keepdim=False):  # noqa: A002
    """The most frequent value along ``dim`` and an index where it occurs: ``torch.return_types.mode``."""
    axis = wrap_dim(dim, input.ndim)
    _check_not_empty("mode", input, axis)
    moved = np.moveaxis(input._data, axis, -1) if input.ndim else input._data.reshape(1)
    values, indices = _mode_of_rows(moved.reshape(-1, moved.shape[-1]))
    shape = moved.shape[:-1]
    values, indices = values.reshape(shape), indices.reshape(shape)
    if keepdim and input.ndim:
        values, indices = np.expand_dims(values, axis), np.expand_dims(indices, axis)
    return _picked(ModeBackward0, return_types.mode, input, values, indices, dim, keepdim, axis,
                   {"keepdim": keepdim})


def msort(input):  # noqa: A002
    """``input`` sorted along its first dimension: ``torch.sort(input, dim=0).values``."""
    return sort(input, 0).values
