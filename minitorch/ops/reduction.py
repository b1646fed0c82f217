"""Reductions: sum, mean, max/min (whole tensor or along dims)."""

from __future__ import annotations

import numpy as np

from .._dtype import int64
from ..autograd.node import Node, record
from ._util import saved_dim, wrap_dim


def _dims(dim, ndim):
    dims = (dim,) if isinstance(dim, int) else tuple(dim)
    wrapped = tuple(sorted(wrap_dim(d, ndim) for d in dims))
    return (wrapped if ndim else ()), tuple(saved_dim(d) for d in dims)  # a 0-d tensor has nothing to reduce


def _expand_back(grad, shape, dims, keepdim):
    """Spread a reduced gradient back over the reduced dimensions."""
    if not keepdim:
        for d in dims:
            grad = np.expand_dims(grad, d)
    return np.broadcast_to(grad, shape)


class SumBackward0(Node):
    def apply(self, grad):
        return (np.broadcast_to(grad, self._saved_self_sym_sizes).copy(),)


class SumBackward1(Node):
    def apply(self, grad):
        shape = self._saved_self_sym_sizes
        return (_expand_back(grad, shape, self._dims, self._saved_keepdim).copy(),)


def sum(a, dim=None, keepdim=False, dtype=None):  # noqa: A001
    """Sum of all elements, or along ``dim`` (an int or a tuple). Integers and bools sum to int64."""
    data = a._data if a.dtype.is_floating_point else a._data.astype(np.int64)
    if dtype is not None:
        data = data.astype(dtype.numpy)
    if dim is None:
        return record(SumBackward0, np.asarray(data.sum(dtype=data.dtype)), (a,),
                      attrs={"self_sym_sizes": tuple(a.shape)})
    dims, shown = _dims(dim, a.ndim)
    out = record(SumBackward1, np.asarray(data.sum(axis=dims, keepdims=keepdim)), (a,),
                 attrs={"dim": shown, "keepdim": keepdim, "self_sym_sizes": tuple(a.shape)})
    if out.grad_fn is not None:
        out.grad_fn._dims = dims
    return out


def _check_mean_dtype(a):
    if not a.dtype.is_floating_point:
        raise RuntimeError("mean(): could not infer output dtype. Input dtype must be either a floating point "
                           f"or complex dtype. Got: {a.dtype.legacy_name}")


class MeanBackward0(Node):
    def apply(self, grad):
        return (np.broadcast_to(grad / self._saved_self_sym_numel, self._saved_self_sym_sizes).copy(),)


class MeanBackward1(Node):
    def apply(self, grad):
        shape = self._saved_self_sym_sizes
        grad = _expand_back(grad / self._count, shape, self._dims, self._saved_keepdim)
        return (grad.copy(),)


def mean(a, dim=None, keepdim=False):
    """Mean of all elements, or along ``dim``. Only floating point tensors have a mean."""
    _check_mean_dtype(a)
    if dim is None:
        return record(MeanBackward0, np.asarray(a._data.mean(dtype=a._data.dtype)), (a,),
                      attrs={"self_sym_sizes": tuple(a.shape), "self_sym_numel": a.numel()})
    dims, shown = _dims(dim, a.ndim)
    out = record(MeanBackward1, np.asarray(a._data.mean(axis=dims, keepdims=keepdim)), (a,),
                 attrs={"dim": shown, "keepdim": keepdim, "self_sym_sizes": tuple(a.shape),
                        "self_sym_numel": a.numel()})
    if out.grad_fn is not None:
        out.grad_fn._dims = dims
        out.grad_fn._count = int(np.prod([a.shape[d] for d in dims]))
    return out


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
    _name = "max"


class MinReturn(_ReturnTypes):
    _name = "min"


class _ExtremumAllBackward(Node):
    """Whole-tensor max/min: the gradient is shared evenly among the elements equal to the result."""

    def apply(self, grad):
        hits = self.unpack("self") == self.unpack("result")
        return (np.where(hits, grad / hits.sum(), 0).astype(grad.dtype),)


class MaxBackward1(_ExtremumAllBackward):
    pass


class MinBackward1(_ExtremumAllBackward):
    pass


class _ExtremumDimBackward(Node):
    """max/min along a dim: the gradient goes to the element that was picked (``indices``)."""

    def apply(self, grad):
        dim, indices = self._dim, self._saved_indices._data
        if not self._saved_keepdim:
            grad, indices = np.expand_dims(grad, dim), np.expand_dims(indices, dim)
        out = np.zeros(self._saved_self_sym_sizes, dtype=grad.dtype)
        np.put_along_axis(out, indices, grad, axis=dim)
        return (out,)


class MaxBackward0(_ExtremumDimBackward):
    pass


class MinBackward0(_ExtremumDimBackward):
    pass


def _extremum(a, dim, keepdim, numpy_arg, all_node, dim_node, result_type):
    from ..tensor import Tensor

    if dim is None:
        if a.numel() == 0:
            raise RuntimeError(f"{result_type._name}(): Expected reduction dim to be specified for input.numel() "
                               "== 0. Specify the reduction dim with the 'dim' argument.")
        value = np.asarray(a._data.max() if numpy_arg is np.argmax else a._data.min())
        return record(all_node, value, (a,), saved={"self": a}, save_result=True)
    d = wrap_dim(dim, a.ndim)
    indices = np.expand_dims(numpy_arg(a._data, axis=d), d) if a.ndim else np.zeros((), np.int64)
    picked = np.take_along_axis(a._data, indices, axis=d) if a.ndim else a._data
    if not keepdim and a.ndim:
        picked, indices = picked.squeeze(d), indices.squeeze(d)
    index_tensor = Tensor._wrap(indices.astype(int64.numpy))
    out = record(dim_node, picked.copy(), (a,), attrs={"dim": saved_dim(dim), "keepdim": keepdim,
                                                       "indices": index_tensor,
                                                       "self_sym_sizes": tuple(a.shape)})
    if out.grad_fn is not None:
        out.grad_fn._dim = d
    return result_type(out, index_tensor)


def max(a, dim=None, keepdim=False):  # noqa: A001
    """The largest element, or ``(values, indices)`` along ``dim``."""
    from ._util import is_tensor

    if is_tensor(dim):
        from .pointwise import maximum

        return maximum(a, dim)
    return _extremum(a, dim, keepdim, np.argmax, MaxBackward1, MaxBackward0, MaxReturn)


def min(a, dim=None, keepdim=False):  # noqa: A001
    """The smallest element, or ``(values, indices)`` along ``dim``."""
    from ._util import is_tensor

    if is_tensor(dim):
        from .pointwise import minimum

        return minimum(a, dim)
    return _extremum(a, dim, keepdim, np.argmin, MinBackward1, MinBackward0, MinReturn)


def argmax(a, dim=None, keepdim=False):
    """The index of the largest element (in the flattened tensor when ``dim`` is None)."""
    from ..tensor import Tensor

    if dim is None:
        return Tensor._wrap(np.asarray(np.argmax(a._data), dtype=np.int64))
    return max(a, dim, keepdim).indices


def argmin(a, dim=None, keepdim=False):
    """The index of the smallest element (in the flattened tensor when ``dim`` is None)."""
    from ..tensor import Tensor

    if dim is None:
        return Tensor._wrap(np.asarray(np.argmin(a._data), dtype=np.int64))
    return min(a, dim, keepdim).indices
