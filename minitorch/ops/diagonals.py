"""Triangles and diagonals of matrices: tril, triu, diag, diagonal (a view), diag_embed and trace."""

from __future__ import annotations

import numpy as np

from ..autograd import node as _node
from ..autograd.node import Node, record
from ._formulas import on_tensors
from ._util import saved_dim, wrap_dim


class TrilBackward0(Node):
    """d tril(x, k) / dx: 1 on and below the k-th diagonal, 0 above."""

    double_backward = True

    def apply(self, grad):
        return (tril(grad, self._saved_diagonal) if on_tensors(grad) else np.tril(grad, self._saved_diagonal),)


class TriuBackward0(Node):
    """d triu(x, k) / dx: 1 on and above the k-th diagonal, 0 below."""

    double_backward = True

    def apply(self, grad):
        return (triu(grad, self._saved_diagonal) if on_tensors(grad) else np.triu(grad, self._saved_diagonal),)


def tril(a, diagonal=0):
    """The lower triangle (on and below diagonal ``diagonal``), zeros above."""
    if a.ndim < 2:
        raise RuntimeError("tril: input tensor must have at least 2 dimensions")
    return record(TrilBackward0, np.tril(a._data, diagonal), (a,), attrs={"diagonal": diagonal})


def triu(a, diagonal=0):
    """The upper triangle (on and above diagonal ``diagonal``), zeros below."""
    if a.ndim < 2:
        raise RuntimeError("triu: input tensor must have at least 2 dimensions")
    return record(TriuBackward0, np.triu(a._data, diagonal), (a,), attrs={"diagonal": diagonal})


class DiagEmbedBackward0(Node):
    """d diag_embed(v, k) / dv: the k-th diagonal of the gradient (between the two new dims)."""

    double_backward = True

    def apply(self, grad):
        if on_tensors(grad):  # torch's grad.diagonal(offset, dim1, dim2): a view, recorded
            return (diagonal(grad, self._saved_offset, *self._dims),)
        return (_diagonal_view(grad, self._saved_offset, *self._dims).copy(),)


class DiagonalBackward0_copy(Node):  # noqa: N801 (torch's name)
    """d diag(m, k) / dm: the gradient placed on the k-th diagonal of a zero matrix."""

    double_backward = True

    def apply(self, grad):
        if on_tensors(grad):  # torch's diagonal_backward, as diagonal's (DiagonalBackwardBackward0)
            return DiagonalBackward0.apply(self, grad)
        out = np.zeros(self.input_shape(0), dtype=grad.dtype)
        rows, cols = np.diag_indices(len(grad))
        offset = self._saved_offset
        out[rows + max(-offset, 0), cols + max(offset, 0)] = grad
        return (out,)


def diag(a, diagonal=0):
    """A vector -> a matrix with it on diagonal ``diagonal``; a matrix -> that diagonal, as a vector (copy)."""
    if a.ndim == 1:
        return record(DiagEmbedBackward0, np.diag(a._data, diagonal), (a,),
                      attrs={"offset": diagonal, "dim1": saved_dim(-2), "dim2": saved_dim(-1)}, state={"dims": (0, 1)})
    if a.ndim != 2:
        raise RuntimeError(f"diag(): Supports 1D or 2D tensors. Got {a.ndim}D")
    return record(DiagonalBackward0_copy, np.diag(a._data, diagonal).copy(), (a,),
                  attrs={"offset": diagonal, "dim1": 0, "dim2": 1, "self_sym_sizes": tuple(a.shape)},
                  state={"offset": diagonal, "dims": (0, 1)})


def _diagonal_view(array: np.ndarray, offset: int, dim1: int, dim2: int) -> np.ndarray:
    """A numpy view of the ``offset`` diagonal between ``dim1`` and ``dim2`` (that dim moved to the end)."""
    starts = {dim1: max(-offset, 0), dim2: max(offset, 0)}
    corner = array[tuple(slice(starts.get(d, 0), None) for d in range(array.ndim))]
    length = max(0, min(corner.shape[dim1], corner.shape[dim2]))
    others = [d for d in range(array.ndim) if d not in (dim1, dim2)]
    shape = tuple(array.shape[d] for d in others) + (length,)
    strides = tuple(array.strides[d] for d in others) + (array.strides[dim1] + array.strides[dim2],)
    return np.lib.stride_tricks.as_strided(corner, shape, strides, writeable=array.flags.writeable)


class DiagonalBackward0(Node):
    """d diagonal(x) / dx: the gradient placed on that diagonal of a zero tensor."""

    double_backward = True

    def apply(self, grad):
        values = grad._data if on_tensors(grad) else grad
        out = np.zeros(self.input_shape(0), dtype=values.dtype)
        _diagonal_view(out, self._offset, *self._dims)[...] = values
        if not on_tensors(grad):
            return (out,)
        return (record(DiagonalBackwardBackward0, out, (grad,), attrs={"offset": self._saved_offset,
                       "dim1": self._saved_dim1, "dim2": self._saved_dim2},
                       state={"offset": self._offset, "dims": self._dims}),)


class DiagonalBackwardBackward0(Node):
    """d diagonal_backward(g) = grad.diagonal(offset, dim1, dim2): the diagonal read back."""

    double_backward = True

    def apply(self, grad):
        if on_tensors(grad):
            return (diagonal(grad, self._offset, *self._dims),)
        return (_diagonal_view(grad, self._offset, *self._dims),)


def diagonal(a, offset=0, dim1=0, dim2=1):
    """The ``offset`` diagonal of the ``dim1``/``dim2`` planes, as a view (its dim comes last)."""
    d1, d2 = wrap_dim(dim1, a.ndim), wrap_dim(dim2, a.ndim)
    if d1 == d2:
        raise RuntimeError(f"diagonal dimensions cannot be identical {dim1}, {dim2}")
    data = _diagonal_view(a._data, offset, d1, d2)
    return record(DiagonalBackward0, data, (a,), attrs={"offset": offset, "dim1": dim1, "dim2": dim2,
                                                       "self_sym_sizes": tuple(a.shape)},
                  view_of=a, state={"offset": offset, "dims": (d1, d2)})


def diag_embed(a, offset=0, dim1=-2, dim2=-1):
    """Matrices with the last dim of ``a`` on their ``offset`` diagonal, between the new dims ``dim1`` and
    ``dim2`` of the result (the other dims of ``a`` keep their order)."""
    d1, d2 = wrap_dim(dim1, a.ndim + 1), wrap_dim(dim2, a.ndim + 1)
    if d1 == d2:
        raise RuntimeError(f"diagonal dimensions cannot be identical {dim1}, {dim2}")
    size = (a.shape[-1] if a.ndim else 1) + abs(offset)
    others = iter(a.shape[:-1])
    shape = tuple(size if d in (d1, d2) else next(others) for d in range(a.ndim + 1))
    out = np.zeros(shape, a._data.dtype)
    _diagonal_view(out, offset, d1, d2)[...] = a._data
    return record(DiagEmbedBackward0, out, (a,), attrs={"offset": offset, "dim1": saved_dim(dim1),
                                                       "dim2": saved_dim(dim2)}, state={"dims": (d1, d2)})


class TraceBackward0(Node):
    """d trace(m) / dm: the identity matrix (times the gradient)."""

    double_backward = True

    def apply(self, grad):
        if on_tensors(grad):  # torch's trace_backward: zeros, index_fill_ of the diagonal places, a view
            rows, cols = self._saved_self_sym_sizes
            places = _node.Tensor._wrap(np.arange(0, rows * cols, cols + 1))
            flat = _node.Tensor._wrap(np.zeros(rows * cols, grad._data.dtype)).index_fill_(0, places, grad)
            return (flat.view(rows, cols),)
        return (np.eye(*self._saved_self_sym_sizes, dtype=grad.dtype) * grad,)


def trace(a):
    """The sum of a matrix's main diagonal."""
    if a.ndim != 2:
        raise RuntimeError(f"trace: expected a matrix, but got tensor with dim {a.ndim}")
    total = np.asarray(np.trace(a._data)).astype(a._data.dtype if a.dtype.is_floating_point else np.int64)
    return record(TraceBackward0, total, (a,), attrs={"self_sym_sizes": tuple(a.shape)})
