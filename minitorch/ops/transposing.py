"""transpose, t and permute: the dims in a new order, a view of the same memory (and version counter)."""

from __future__ import annotations

import numpy as np

from ..autograd.node import Node, record
from . import _formulas
from ._util import saved_dim, wrap_dim


class TransposeBackward0(Node):
    """d x.transpose(d0, d1) / dx: grad with the two dims swapped back."""

    double_backward = True

    def apply(self, grad):
        return (_formulas.transpose(grad, self._dim0, self._dim1),)


def transpose(a, dim0, dim1):
    """Swap two dimensions (a view)."""
    d0, d1 = wrap_dim(dim0, a.ndim), wrap_dim(dim1, a.ndim)
    data = np.swapaxes(a._data, d0, d1) if a.ndim else a._data[...]
    return record(TransposeBackward0, data, (a,),
                  attrs={"dim0": saved_dim(dim0), "dim1": saved_dim(dim1)}, view_of=a, state={"dim0": d0, "dim1": d1})


class TBackward0(Node):
    """d x.t() / dx: grad transposed back."""

    double_backward = True

    def apply(self, grad):
        return (_formulas.t(grad),)


def t(a):
    """Transpose a matrix (tensors of 0, 1 or 2 dims)."""
    if a.ndim > 2:
        raise RuntimeError(f"t() expects a tensor with <= 2 dimensions, but self is {a.ndim}D")
    return record(TBackward0, a._data.T, (a,), view_of=a)


class PermuteBackward0(Node):
    """d x.permute(dims) / dx: grad permuted by the inverse order."""

    double_backward = True

    def apply(self, grad):
        return (_formulas.permute(grad, tuple(int(i) for i in np.argsort(self._order))),)


def permute(a, *dims):
    """Reorder the dimensions (a view)."""
    if not dims:
        raise TypeError('permute() missing 1 required positional arguments: "dims"')
    dims = tuple(dims[0]) if len(dims) == 1 and not isinstance(dims[0], int) else dims
    if len(dims) != a.ndim:
        raise RuntimeError(f"permute(sparse_coo): number of dimensions in the tensor input does not match the "
                           f"length of the desired ordering of dimensions i.e. input.dim() = {a.ndim} is not "
                           f"equal to len(dims) = {len(dims)}")
    order = tuple(wrap_dim(d, a.ndim) for d in dims)
    return record(PermuteBackward0, np.transpose(a._data, order), (a,),
                  attrs={"dims": tuple(saved_dim(d) for d in dims)}, view_of=a, state={"order": order})
