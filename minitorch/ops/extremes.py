"""Extremes and truth tests over dims: amax, amin, aminmax, count_nonzero, all, any (dim may be a tuple)."""

from __future__ import annotations

import numpy as np

from .._dtype import int64
from ..autograd import node as _node
from ..autograd.grad_mode import no_grad
from ..autograd.node import Node, record_outputs
from . import return_types
from ._formulas import on_tensors
from ._util import saved_dim
from .statistics import _record_reduction, _reduced_dims, _spread


class AmaxBackward0(Node):
    """d/dx_i amax(x) = 1 / (how many elements equal the max) where x_i is one, else 0."""

    double_backward = True

    def apply(self, grad):
        if on_tensors(grad):  # torch's scale_grad_by_count: grad / count * hits, recorded
            x, result, shape = self.unpack("self"), self.unpack("result"), self._kept_shape
            if not self._keepdim:
                grad, result = grad.reshape(shape), result.reshape(shape)
            hits = result == x
            return (grad / hits.sum(self._axes, keepdim=True) * hits,)
        return (_share_among_ties(grad, self.unpack("self"), self.unpack("result"), self),)


def _share_among_ties(grad, x, extreme, node):
    """The reduced ``grad`` spread back over x's shape, shared evenly among the elements equal to ``extreme``."""
    hits = x == _spread(extreme, node)
    count = hits.sum(axis=node._axes, keepdims=True)
    return np.where(hits, _spread(grad, node) / count, 0).astype(grad.dtype)


class AminBackward0(AmaxBackward0):
    """d/dx_i amin(x) = 1 / (how many elements equal the min) where x_i is one, else 0."""


def _extreme(node_cls, numpy_op, name, input, dim, keepdim):
    axes, shown = _reduced_dims(dim, input.ndim)
    if input.numel() == 0:
        _check_empty_reduction(name, input, dim)
    out = np.asarray(numpy_op(input._data, axis=axes, keepdims=keepdim))
    kept_shape = tuple(1 if d in axes else n for d, n in enumerate(input.shape))
    return _record_reduction(node_cls, out, input, axes, keepdim, saved={"self": input},
                             attrs={"dim": shown or (), "keepdim": keepdim}, save_result=True,
                             state={"kept_shape": kept_shape})


def _check_empty_reduction(name, input, dim) -> None:  # noqa: A002
    """An empty input: torch needs dims, none of them empty (named as the caller wrote it)."""
    given = list(dim) if isinstance(dim, (tuple, list)) else [dim]
    if not given:
        raise RuntimeError(f"{name}(): Expected reduction dim to be specified for input.numel() == 0. Specify the "
                           "reduction dim with the 'dim' argument.")
    for d in given:
        if input.shape[d] == 0:
            raise IndexError(f"{name}(): Expected reduction dim {d} to have non-zero size.")


def amax(input, dim=(), keepdim=False):  # noqa: A002
    """The largest value over ``dim`` (all dims by default); ties share the gradient evenly."""
    return _extreme(AmaxBackward0, np.max, "amax", input, dim, keepdim)


def amin(input, dim=(), keepdim=False):  # noqa: A002
    """The smallest value over ``dim`` (all dims by default); ties share the gradient evenly."""
    return _extreme(AminBackward0, np.min, "amin", input, dim, keepdim)


def aminmax(input, *, dim=None, keepdim=False):  # noqa: A002
    """``torch.return_types.aminmax(min, max)`` over all elements or along ``dim``."""
    with no_grad():
        low, high = amin(input, () if dim is None else dim, keepdim), amax(input, () if dim is None else dim, keepdim)
    axes, _ = _reduced_dims(dim, input.ndim)
    record_outputs(AminmaxBackward0, (low, high), (input,), saved={"self": input},
                   attrs={"dim": None if dim is None else saved_dim(dim), "keepdim": keepdim},
                   save_result=("min", "max"), state={"axes": axes, "keepdim": keepdim})
    return return_types.aminmax(low, high)


class AminmaxBackward0(Node):
    """d aminmax(x) / dx: the min's gradient shared among the elements equal to the min, plus the max's."""

    _num_outputs = 2
    double_backward = True

    def apply(self, grad_min, grad_max):
        if on_tensors(grad_max if grad_min is None else grad_min):
            return (self._recorded(grad_min, grad_max),)
        x, total = self.unpack("self"), np.zeros(self.input_shape(0), self.input_dtype(0))
        for name, grad in (("min", grad_min), ("max", grad_max)):
            if grad is not None:
                total = total + _share_among_ties(grad, x, self.unpack(name), self)
        return (total,)


    def _recorded(self, grad_min, grad_max):
        """torch's formula: each extreme's gradient restored to the reduced dims, shared among the elements
        equal to it (``scale_grad_by_count``), the two added; recorded."""
        x, shape = self.unpack("self"), tuple(1 if d in self._axes else n for d, n in enumerate(self.input_shape(0)))
        total = None
        for name, grad in (("min", grad_min), ("max", grad_max)):
            if grad is not None:
                extreme = self.unpack(name)
                if not self._keepdim:  # torch's restore_reduced_dims: a view with the reduced dims back
                    grad, extreme = grad.reshape(shape), extreme.reshape(shape)
                hits = extreme == x
                part = grad / hits.sum(self._axes, keepdim=True) * hits
                total = part if total is None else total + part
        return total


def count_nonzero(input, dim=None):  # noqa: A002
    """How many elements are not zero, overall or along ``dim`` (an int or a tuple): an int64 tensor."""
    axes, _ = _reduced_dims(dim, input.ndim)
    return _node.Tensor._wrap(np.asarray(np.count_nonzero(input._data, axis=axes), dtype=int64.numpy))


def _truth(numpy_op, input, dim, keepdim):
    axes, _ = _reduced_dims(dim, input.ndim)
    out = np.asarray(numpy_op(input._data, axis=axes, keepdims=keepdim and dim is not None))
    return _node.Tensor._wrap(out.astype(np.uint8) if input._data.dtype == np.uint8 else out)  # torch keeps uint8


def all(input, dim=None, keepdim=False):  # noqa: A001, A002
    """Whether every element is true (non-zero), overall or along ``dim``: a bool tensor (uint8 for uint8)."""
    return _truth(np.all, input, dim, keepdim)


def any(input, dim=None, keepdim=False):  # noqa: A001, A002
    """Whether some element is true (non-zero), overall or along ``dim``: a bool tensor (uint8 for uint8)."""
    return _truth(np.any, input, dim, keepdim)
