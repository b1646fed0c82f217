"""Whole slices picked by a list of indices along one dim (``index_select``, ``index_add``, ``index_copy``,
``index_fill``) and elements picked by a boolean mask (``masked_fill``, ``masked_select``). All are copies.
"""

from __future__ import annotations

import numpy as np

from ..autograd import node as _node
from ..autograd.node import Node, record, unbroadcast
from ._formulas import expand_to, on_tensors, scale
from ._out import write_out
from ._util import as_tensor, check_broadcast, is_tensor, wrap_dim
from .index_backward_ops import masked_select_backward
from .linalg import _C_NAMES
from .splitting import unbind


def _index_vector(a, dim: int, index, op: str) -> np.ndarray:
    """The index as a 1-d int64 array, after torch's checks (a vector of int32/int64, in range)."""
    if index.dtype.name not in ("int64", "int32"):
        raise RuntimeError(f"{op}(): Expected dtype int32 or int64 for index")
    if index.ndim > 1:
        raise IndexError(f"{op}(): Index is supposed to be a vector")
    values = index._data.reshape(-1).astype(np.int64)
    size = a.shape[dim] if a.ndim else 1
    if values.size and (values.max() >= size or values.min() < -size):
        raise IndexError("index out of range in self")
    return values


def _along(array: np.ndarray, dim: int, index) -> tuple:
    """The numpy index that picks ``index`` along ``dim`` of ``array``."""
    return (slice(None),) * dim + (index,)


def _add_along(out: np.ndarray, dim: int, index: np.ndarray, values: np.ndarray) -> np.ndarray:
    np.add.at(out, _along(out, dim, index), values)
    return out


class IndexSelectBackward0(Node):
    """d index_select(x, dim, index) / dx: each selected slice's gradient added back at its index."""

    _grad_writes = 1  # torch: zeros, then index_add_
    double_backward = True

    def apply(self, grad):
        if on_tensors(grad):  # torch's zeros.index_add(dim, index, grad): IndexAddBackward0
            zeros = _node.Tensor._wrap(np.zeros(self.input_shape(0), dtype=grad._data.dtype))
            return (index_add(zeros, self._axis, self.unpack("index"), grad),)
        out = np.zeros(self.input_shape(0), dtype=grad.dtype)
        return (_add_along(out, self._axis, self._index, grad),)


def index_select(a, dim, index):
    """The slices of ``a`` at ``index`` along ``dim``, in that order (a copy)."""
    d = wrap_dim(dim, a.ndim)
    rows = _index_vector(a, d, index, "index_select")
    return record(IndexSelectBackward0, np.take(a._data, rows, axis=d) if a.ndim else a._data.copy(), (a,),
                  attrs={"dim": dim, "index": index, "self_sym_sizes": tuple(a.shape)},
                  state={"index": rows, "axis": d})


class IndexAddBackward0(Node):
    """d index_add(x, dim, index, source, alpha): x's gradient passes; source's is ``alpha`` times the rows."""

    double_backward = True

    def apply(self, grad):
        if on_tensors(grad):  # torch: grad.index_select(dim, index).expand_as(source), times alpha
            rows = expand_to(index_select(grad, self._axis, self.unpack("index")), self.input_shape(1))
            return grad, scale(rows, self._alpha) if self.needs_input_grad(1) else None
        return grad, np.take(grad, self._index, axis=self._axis) * self._alpha


def index_add(a, dim, index, source, *, alpha=1):
    """A copy of ``a`` with ``alpha * source``'s slices added at ``index`` along ``dim`` (repeats add up)."""
    if source.dtype is not a.dtype:
        raise RuntimeError(f"index_add_(): self ({a.dtype.legacy_name}) and source ({source.dtype.legacy_name}) must "
                           "have the same scalar type")
    d = wrap_dim(dim, a.ndim)
    rows = _index_vector(a, d, index, "index_add")
    data = _add_along(a._data.copy(), d, rows, (source._data * alpha).astype(a._data.dtype))
    return record(IndexAddBackward0, data, (a, source),
                  attrs={"dim": dim, "index": index, "alpha": alpha, "source": source, "source_dim": source.ndim},
                  state={"index": rows, "axis": d, "alpha": alpha})


class IndexCopyBackward0(Node):
    """d index_copy(x, dim, index, source): zero for x's overwritten slices; source gets their gradient."""

    double_backward = True

    def apply(self, grad):
        if on_tensors(grad):  # torch: grad.index_fill(dim, index, 0), grad.index_select(dim, index).expand_as(source)
            index = self.unpack("index")
            grad_self = index_fill(grad, self._axis, index, 0) if self.needs_input_grad(0) else None
            rows = expand_to(index_select(grad, self._axis, index), self.input_shape(1))
            return grad_self, rows if self.needs_input_grad(1) else None
        grad_self = grad.copy()
        grad_self[_along(grad, self._axis, self._index)] = 0
        return grad_self, np.take(grad, self._index, axis=self._axis)


def index_copy(a, dim, index, source):
    """A copy of ``a`` whose slices at ``index`` along ``dim`` are replaced by ``source``'s."""
    d = wrap_dim(dim, a.ndim)
    rows = _index_vector(a, d, index, "index_copy")
    data = a._data.copy()
    data[_along(data, d, rows)] = source._data
    return record(IndexCopyBackward0, data, (a, source),
                  attrs={"dim": dim, "index": index, "source": source, "source_dim": source.ndim},
                  state={"index": rows, "axis": d})


class IndexFillBackward0(Node):
    """d index_fill(x, dim, index, value) / dx: zero for the filled slices, else 1."""

    double_backward = True

    def apply(self, grad):
        if on_tensors(grad):  # torch: grad.index_fill(dim, index, 0), grad.index_select(dim, index).sum()
            index = self.unpack("index")
            grad_self = index_fill(grad, self._axis, index, 0) if self.needs_input_grad(0) else None
            if len(self._input_meta) == 1:
                return (grad_self,)
            return grad_self, index_select(grad, self._axis, index).sum() if self.needs_input_grad(1) else None
        grad_self = grad.copy()
        grad_self[_along(grad, self._axis, self._index)] = 0
        if len(self._input_meta) == 1:
            return (grad_self,)
        return grad_self, np.asarray(grad[_along(grad, self._axis, self._index)].sum())


class IndexFillBackward1(IndexFillBackward0):
    """index_fill with a 0-d tensor value: the value's gradient is the sum over the filled slices."""


def index_fill(a, dim, index, value):
    """A copy of ``a`` whose slices at ``index`` along ``dim`` are set to ``value``."""
    d = wrap_dim(dim, a.ndim)
    rows = _index_vector(a, d, index, "index_fill")
    data = a._data.copy()
    target = data.reshape(1) if data.ndim == 0 else data  # a 0-d tensor is filled as one element
    target[_along(target, d, rows)] = value._data if is_tensor(value) else np.asarray(value).astype(data.dtype)
    if is_tensor(value):
        out = record(IndexFillBackward1, data, (a, value), attrs={"dim": dim, "index": index},
                     state={"index": rows, "axis": d})
    else:
        out = record(IndexFillBackward0, data, (a,), attrs={"dim": dim, "index": index},
                     state={"index": rows, "axis": d})
    return out


def _check_mask(mask, op: str) -> None:
    if mask.dtype.name != "bool":
        name = _C_NAMES.get(mask.dtype.name, mask.dtype.name)
        raise RuntimeError(f"{op} only supports boolean masks, but got mask with dtype {name}")


class MaskedFillBackward0(Node):
    """d masked_fill(x, mask, value) / dx: zero where the mask is true, else 1."""

    double_backward = True

    def apply(self, grad):
        if on_tensors(grad):  # torch's grad.masked_fill(mask, 0) and grad.masked_select(mask).sum(), recorded
            mask = _node.Tensor._wrap(self._mask)
            grad_self = unbroadcast(grad.masked_fill(mask, 0), self.input_shape(0))
            if len(self._input_meta) == 1:
                return (grad_self,)
            return grad_self, masked_select(grad, mask).sum() if self.needs_input_grad(1) else None
        grad_self = unbroadcast(np.where(self._mask, 0, grad).astype(grad.dtype), self.input_shape(0))
        if len(self._input_meta) == 1:
            return (grad_self,)
        return grad_self, np.asarray(np.where(self._mask, grad, 0).sum(), dtype=grad.dtype)


class MaskedFillBackward1(MaskedFillBackward0):
    """masked_fill with a 0-d tensor value: the value's gradient is the sum over the masked places."""


def masked_fill(a, mask, value):
    """A copy of ``a`` with ``value`` wherever ``mask`` is true (``mask`` broadcasts against ``a``)."""
    _check_mask(mask, "masked_fill_")
    if is_tensor(value) and value.ndim:
        raise RuntimeError(f"masked_fill_ only supports a 0-dimensional value tensor, but got tensor with "
                           f"{value.ndim} dimension(s).")
    check_broadcast(mask.shape, a.shape)  # torch expands the mask and the tensor together, mask first
    shape = np.broadcast_shapes(a.shape, mask.shape)
    fill = value._data if is_tensor(value) else value
    data = np.where(mask._data, np.asarray(fill).astype(a._data.dtype), a._data)
    data = np.array(np.broadcast_to(data, shape), order="C")  # a fresh row-major copy (0-d stays 0-d)
    if is_tensor(value):
        out = record(MaskedFillBackward1, data, (a, value), saved={"mask": mask}, state={"mask": mask._data})
    else:
        out = record(MaskedFillBackward0, data, (a,), saved={"mask": mask}, state={"mask": mask._data})
    return out


class MaskedSelectBackward0(Node):
    """d masked_select(x, mask) / dx: each gradient back at its true place of the mask, zero elsewhere."""

    double_backward = True

    def apply(self, grad):
        shape = np.broadcast_shapes(self.input_shape(0), self._mask.shape)
        return (unbroadcast(masked_select_backward(grad, shape, np.broadcast_to(self._mask, shape)),
                            self.input_shape(0)),)


def masked_select(a, mask):
    """The values of ``a`` where ``mask`` is true, as a 1-d tensor (a copy)."""
    if as_tensor(mask).dtype.name != "bool":
        raise RuntimeError("masked_select: expected BoolTensor for mask")
    shape = np.broadcast_shapes(a.shape, mask.shape)
    picked = np.broadcast_to(a._data, shape)[np.broadcast_to(mask._data, shape)]
    return record(MaskedSelectBackward0, picked, (a,), saved={"self": a, "mask": mask}, state={"mask": mask._data})


def nonzero(input, *, out=None, as_tuple=False):  # noqa: A002 (torch's argument names)
    """The indices of the non-zero elements: one row per element (int64, stored column by column, as torch
    does); with ``as_tuple=True``, one index tensor per dimension (a 0-d input counts as 1-d)."""
    rows = np.argwhere(input._data)
    result = _node.Tensor._wrap(np.ascontiguousarray(rows.T.astype(np.int64)).T)
    if as_tuple:
        return unbind(result, 1) if input.ndim else (_node.Tensor._wrap(np.flatnonzero(input._data)),)
    return result if out is None else write_out(out, result)


def argwhere(input):  # noqa: A002
    """``torch.nonzero(input)``: the indices of the non-zero elements, one row each."""
    return nonzero(input)
