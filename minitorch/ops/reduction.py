"""Reductions: sum, mean, max/min (whole tensor or along dims)."""

from __future__ import annotations

import numpy as np

from .._dtype import int64
from .._sum_order import torch_order_mean, torch_order_sum
from ..autograd import node as _node
from ..autograd.node import Node, record
from . import pointwise
from ._formulas import divide, expand_to, on_tensors, unsqueeze
from ._util import is_tensor, saved_dim, wrap_dim
from .pointwise import minimum


def _dims(dim, ndim):
    """The reduced dims, wrapped and sorted, and as torch shows them in ``_saved_dim``; torch's duplicate error."""
    dims = (dim,) if isinstance(dim, int) else tuple(dim)
    wrapped = [wrap_dim(d, ndim) for d in dims]
    for i, d in enumerate(wrapped):
        if d in wrapped[:i]:
            raise RuntimeError(f"dim {d} appears multiple times in the list of dims")
    return (tuple(sorted(wrapped)) if ndim else ()), tuple(saved_dim(d) for d in dims)  # 0-d: nothing to reduce


def _expand_back(grad, shape, dims, keepdim):
    """Spread a reduced gradient back over the reduced dimensions (torch's ``sum_backward``)."""
    if not keepdim:
        for d in dims:  # sorted: each unsqueeze puts one reduced dim back where it was
            grad = unsqueeze(grad, d)
    return expand_to(grad, shape)


class SumBackward0(Node):
    """d sum(x)/dx = 1: the gradient expanded to x's shape (a broadcast view, as torch's expand)."""

    double_backward = True

    def apply(self, grad):
        return (expand_to(grad, self._saved_self_sym_sizes),)


class SumBackward1(Node):
    """d sum(x, dims)/dx = 1: the gradient expanded back over the summed dims (a broadcast view)."""

    double_backward = True

    def apply(self, grad):
        return (_expand_back(grad, self._saved_self_sym_sizes, self._dims, self._saved_keepdim),)


def sum(a, dim=None, keepdim=False, dtype=None):  # noqa: A001
    """Sum of all elements, or along ``dim`` (an int or a tuple). Integers and bools sum to int64."""
    data = a._data if a.dtype.is_floating_point else a._data.astype(np.int64)
    if dtype is not None:
        data = data.astype(dtype.numpy)
    if dim is None:
        total = np.asarray(torch_order_sum(data, tuple(range(data.ndim))))
        return record(SumBackward0, total.astype(data.dtype, copy=False), (a,),
                      attrs={"self_sym_sizes": tuple(a.shape)})
    dims, shown = _dims(dim, a.ndim)
    total = np.asarray(torch_order_sum(data, dims, keepdim))  # numpy adds small integers up as int64:
    return record(SumBackward1, total.astype(data.dtype, copy=False), (a,),  # torch keeps the dtype asked for
                  attrs={"dim": shown, "keepdim": keepdim, "self_sym_sizes": tuple(a.shape)},
                  state={"dims": dims})


def _check_mean_dtype(a):
    if not a.dtype.is_floating_point:
        raise RuntimeError("mean(): could not infer output dtype. Input dtype must be either a floating point "
                           f"or complex dtype. Got: {a.dtype.legacy_name}")


class MeanBackward0(Node):
    """d mean(x)/dx = 1/numel: the gradient spread over x's shape and divided."""

    double_backward = True

    def apply(self, grad):
        return (divide(expand_to(grad, self._saved_self_sym_sizes), self._saved_self_sym_numel),)


class MeanBackward1(Node):
    """d mean(x, dims)/dx = 1/count: the gradient spread back over the reduced dims and divided."""

    double_backward = True

    def apply(self, grad):
        shape = self._saved_self_sym_sizes
        return (divide(_expand_back(grad, shape, self._dims, self._saved_keepdim), self._count),)


def mean(a, dim=None, keepdim=False):
    """Mean of all elements, or along ``dim``. Only floating point tensors have a mean."""
    _check_mean_dtype(a)
    if dim is None:
        return record(MeanBackward0, torch_order_mean(a._data), (a,),
                      attrs={"self_sym_sizes": tuple(a.shape), "self_sym_numel": a.numel()})
    dims, shown = _dims(dim, a.ndim)
    count = int(np.prod([a.shape[d] for d in dims]))
    return record(MeanBackward1, torch_order_mean(a._data, dims, keepdim), (a,),
                  attrs={"dim": shown, "keepdim": keepdim, "self_sym_sizes": tuple(a.shape),
                         "self_sym_numel": a.numel()}, state={"dims": dims, "count": count})


class _ReturnTypes(tuple):
    """``torch.return_types.max``: a (values, indices) pair that prints as torch prints it."""

    _name = "max"

    def __new__(cls, values, indices):
        return super().__new__(cls, (values, indices))

    values = property(lambda self: self[0])
    indices = property(lambda self: self[1])

    def __repr__(self):
        return f"torch.return_types.{self._name}(\nvalues={self[0]!r},\nindices={self[1]!r})"


class MaxReturn(_ReturnTypes):
    """``torch.return_types.max(values, indices)``."""

    _name = "max"


class MinReturn(_ReturnTypes):
    """``torch.return_types.min(values, indices)``."""

    _name = "min"


class _ExtremumAllBackward(Node):
    """d max(x)/dx = 1/k at each of the k elements equal to the result, 0 elsewhere."""

    _grad_writes = 1  # torch: zeros, then masked_fill_ (evenly_distribute_backward)

    double_backward = True

    def apply(self, grad):
        x, result = self.unpack("self"), self.unpack("result")
        if on_tensors(grad):  # torch's evenly_distribute_backward: zeros, masked_fill_(hits, grad / count)
            hits = (x == result) | (x.isnan() & result.isnan())
            zeros = _node.Tensor._wrap(np.zeros(x.shape, x._data.dtype))
            return (zeros.masked_fill(hits, grad / hits.sum()),)
        hits = (x == result) | (np.isnan(x) & np.isnan(result))  # a NaN maximum is where the NaNs are
        return (np.where(hits, grad / hits.sum(), 0).astype(grad.dtype),)


class MaxBackward1(_ExtremumAllBackward):
    """d max(x)/dx = 1/k at each of the k maxima, 0 elsewhere."""


class MinBackward1(_ExtremumAllBackward):
    """d min(x)/dx = 1/k at each of the k minima, 0 elsewhere."""


class _ExtremumDimBackward(Node):
    """d max(x, dim)/dx = 1 at the element picked (``indices``), 0 elsewhere."""

    _grad_writes = 2  # torch: zeros, then scatter_ (value_selecting_reduction_backward)

    double_backward = True

    def apply(self, grad):
        dim, indices = self._dim, self.unpack("indices")
        if on_tensors(grad):  # torch's value_selecting_reduction_backward: zeros, scatter(dim, indices, grad)
            if not self._saved_keepdim and grad.ndim < len(self._saved_self_sym_sizes):
                grad, indices = grad.unsqueeze(dim), indices.unsqueeze(dim)
            zeros = _node.Tensor._wrap(np.zeros(self._saved_self_sym_sizes, grad._data.dtype))
            return (zeros.scatter(dim, indices, grad),)
        if not self._saved_keepdim:
            grad, indices = np.expand_dims(grad, dim), np.expand_dims(indices, dim)
        out = np.zeros(self._saved_self_sym_sizes, dtype=grad.dtype)
        np.put_along_axis(out, indices, grad, axis=dim)
        return (out,)


class MaxBackward0(_ExtremumDimBackward):
    """d max(x, dim)/dx = 1 at the picked index, 0 elsewhere."""


class MinBackward0(_ExtremumDimBackward):
    """d min(x, dim)/dx = 1 at the picked index, 0 elsewhere."""


def _extremum(a, dim, keepdim, numpy_arg, all_node, dim_node, result_type):
    if dim is None:
        if a.numel() == 0:
            raise RuntimeError(f"{result_type._name}(): Expected reduction dim to be specified for input.numel() "
                               "== 0. Specify the reduction dim with the 'dim' argument.")
        value = np.asarray(a._data.max() if numpy_arg is np.argmax else a._data.min())
        return record(all_node, value, (a,), saved={"self": a}, save_result=True)
    d = wrap_dim(dim, a.ndim)
    if a.ndim and a.shape[d] == 0:
        raise IndexError(f"{result_type._name}(): Expected reduction dim {d} to have non-zero size.")
    indices = np.expand_dims(numpy_arg(a._data, axis=d), d) if a.ndim else np.zeros((), np.int64)
    picked = np.take_along_axis(a._data, indices, axis=d) if a.ndim else a._data
    if not keepdim and a.ndim:
        picked, indices = picked.squeeze(d), indices.squeeze(d)
    index_tensor = _node.Tensor._wrap(indices.astype(int64.numpy))
    out = record(dim_node, picked.copy(), (a,), attrs={"dim": saved_dim(dim), "keepdim": keepdim,
                                                       "indices": index_tensor,
                                                       "self_sym_sizes": tuple(a.shape)}, state={"dim": d})
    return result_type(out, index_tensor)


def max(a, dim=None, keepdim=False):  # noqa: A001
    """The largest element, or ``(values, indices)`` along ``dim``."""
    if is_tensor(dim):
        return pointwise.maximum(a, dim)
    return _extremum(a, dim, keepdim, np.argmax, MaxBackward1, MaxBackward0, MaxReturn)


def min(a, dim=None, keepdim=False):  # noqa: A001
    """The smallest element, or ``(values, indices)`` along ``dim``."""
    if is_tensor(dim):
        return minimum(a, dim)
    return _extremum(a, dim, keepdim, np.argmin, MinBackward1, MinBackward0, MinReturn)


def _arg_extremum(a, dim, keepdim, name, numpy_arg, along_dim):
    if a._data.dtype == np.bool_:
        raise RuntimeError(f"{name}(): does not support bool input")
    if dim is not None:
        d = wrap_dim(dim, a.ndim)
        if a.ndim and a.shape[d] == 0:
            raise IndexError(f"{name}(): Expected reduction dim {d} to have non-zero size.")
        return along_dim(a, dim, keepdim).indices
    if a.numel() == 0:
        raise IndexError(f"{name}(): Expected reduction dim to be specified for input.numel() == 0.")
    return _node.Tensor._wrap(np.asarray(numpy_arg(a._data), dtype=np.int64))


def argmax(a, dim=None, keepdim=False):
    """The index of the largest element (in the flattened tensor when ``dim`` is None)."""
    return _arg_extremum(a, dim, keepdim, "argmax", np.argmax, max)


def argmin(a, dim=None, keepdim=False):
    """The index of the smallest element (in the flattened tensor when ``dim`` is None)."""
    return _arg_extremum(a, dim, keepdim, "argmin", np.argmin, min)
