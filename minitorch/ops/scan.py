"""Running reductions along a dim: cumsum, cumprod, cummax, cummin and logcumsumexp, each beside its backward Node."""

from __future__ import annotations

import numpy as np

from ..autograd import node as _node
from ..autograd.node import Node, record
from . import return_types
from ._formulas import on_tensors
from ._out import require_tensor, with_out
from ._util import saved_dim, wrap_dim
from .gather_scatter import scatter_add
from .product_backward import cumprod_backward


def _running_input(a, dtype):
    data = a._data if a.dtype.is_floating_point else a._data.astype(np.int64)
    return data if dtype is None else data.astype(dtype.numpy)


def _running(numpy_scan, data, axis):
    """A running sum or product; float32 accumulates in float64 and rounds each result once, as torch."""
    if data.ndim == 0:
        return data.copy()
    if data.dtype == np.float32:
        return np.ascontiguousarray(numpy_scan(data.astype(np.float64), axis).astype(np.float32))
    return np.ascontiguousarray(numpy_scan(data, axis))  # row-major whatever the input's layout, as torch


class CumsumBackward0(Node):
    """d/dx_i sum_{k<=j} x_k = 1 for every j >= i: the gradient summed from the end."""

    double_backward = True

    def apply(self, grad):
        axis = self._axis
        if on_tensors(grad):  # torch's cumsum_backward: grad.flip(dim).cumsum(dim).flip(dim)
            return (grad.flip(axis).cumsum(axis).flip(axis) if grad.ndim else grad,)
        return (np.flip(np.cumsum(np.flip(grad, axis), axis), axis) if grad.ndim else grad,)


def cumsum(input, dim, *, dtype=None, out=None):  # noqa: A002
    """Running sums along ``dim``; integers and bools add up as int64."""
    require_tensor("cumsum", input)
    def compute(a):
        axis = wrap_dim(dim, a.ndim)
        data = _running_input(a, dtype)
        return record(CumsumBackward0, _running(np.cumsum, data, axis), (a,),
                      attrs={"dim": saved_dim(dim)}, state={"axis": axis})
    return with_out("cumsum", compute, out, input)


class CumprodBackward0(Node):
    """d/dx_i prod_{k<=j} x_k = prod_{k<=j, k!=i} x_k for j >= i (computed without dividing by x_i)."""

    double_backward = True

    def apply(self, grad):
        x, axis = self.unpack("self"), self._axis
        result = self.unpack("result")  # saved too: torch checks that it was not changed in place since
        if on_tensors(x):
            return (cumprod_backward(grad, x, result, axis),)
        if x.ndim == 0:
            return (grad,)
        x, grad = np.moveaxis(x, axis, -1), np.moveaxis(grad, axis, -1)
        result = np.empty_like(x)
        for i in range(x.shape[-1]):
            without_i = x.copy()
            without_i[..., i] = 1
            running = np.cumprod(without_i, -1)[..., i:]
            result[..., i] = (grad[..., i:] * running).sum(-1)
        return (np.moveaxis(result, -1, axis),)


def cumprod(input, dim, *, dtype=None, out=None):  # noqa: A002
    """Running products along ``dim``; integers and bools multiply as int64."""
    require_tensor("cumprod", input)
    def compute(a):
        axis = wrap_dim(dim, a.ndim)
        data = _running_input(a, dtype)
        return record(CumprodBackward0, _running(np.cumprod, data, axis), (a,),
                      saved={"self": a}, attrs={"dim": saved_dim(dim)}, save_result=True, state={"axis": axis})
    return with_out("cumprod", compute, out, input)


class CummaxBackward0(Node):
    """d/dx cummax(x): each output's gradient goes to the element it copied (``indices``), added up."""

    double_backward = True

    def apply(self, grad):
        if on_tensors(grad):  # torch's cummaxmin_backward: zeros.scatter_add(dim, indices, grad)
            if not grad.ndim:
                return (grad,)
            zeros = _node.Tensor._wrap(np.zeros(self.input_shape(0), grad._data.dtype))
            return (scatter_add(zeros, self._axis, self._saved_indices, grad),)
        out = np.zeros(self.input_shape(0), grad.dtype)
        if out.ndim == 0:
            return (grad,)
        where = _leading_index(self._saved_indices._data, self._axis)
        np.add.at(np.moveaxis(out, self._axis, -1), where, np.moveaxis(grad, self._axis, -1))
        return (out,)


class CumminBackward0(CummaxBackward0):
    """d/dx cummin(x): each output's gradient goes to the element it copied (``indices``), added up."""


def _leading_index(indices, axis):
    """An index tuple that addresses ``indices`` (moved to the last axis) along the other axes too."""
    moved = np.moveaxis(indices, axis, -1)
    return (*np.indices(moved.shape)[:-1], moved)


def _takes_over(current, previous, better):
    """Whether the running extreme moves to ``current``: it is at least as good, or nan (which sticks)."""
    if current.dtype.kind != "f":
        return better(current, previous)
    return np.isnan(current) | (better(current, previous) & ~np.isnan(previous))


def _running_extreme(data, axis, better):
    """Running max (or min) along ``axis`` and the index it came from; ties take the later index."""
    values = np.moveaxis(data.copy(), axis, -1)
    indices = np.zeros(values.shape, np.int64)
    for i in range(1, values.shape[-1]):
        take = _takes_over(values[..., i], values[..., i - 1], better)
        values[..., i] = np.where(take, values[..., i], values[..., i - 1])
        indices[..., i] = np.where(take, i, indices[..., i - 1])
    return np.moveaxis(values, -1, axis), np.moveaxis(indices, -1, axis)


def _cumulative_extreme(node_cls, result_type, better, a, dim):
    axis = wrap_dim(dim, a.ndim)
    if a.ndim:
        values, indices = _running_extreme(a._data, axis, better)
    else:
        values, indices = a._data.copy(), np.zeros((), np.int64)
    index_tensor = _node.Tensor._wrap(indices)
    out = record(node_cls, values, (a,), saved={"self": a}, attrs={"dim": saved_dim(dim), "indices": index_tensor},
                 state={"axis": axis})
    return result_type(out, index_tensor)


def cummax(input, dim):  # noqa: A002
    """The running maximum along ``dim`` and where it was found: ``torch.return_types.cummax``."""
    return _cumulative_extreme(CummaxBackward0, return_types.cummax, np.greater_equal, input, dim)


def cummin(input, dim):  # noqa: A002
    """The running minimum along ``dim`` and where it was found: ``torch.return_types.cummin``."""
    return _cumulative_extreme(CumminBackward0, return_types.cummin, np.less_equal, input, dim)


def _reverse_logcumsumexp(x, axis):
    return np.flip(np.logaddexp.accumulate(np.flip(x, axis), axis), axis)


class LogcumsumexpBackward0(Node):
    """grad of logcumsumexp: exp(x_i) * sum over j >= i of grad_j / exp(result_j), summed in logs as torch does
    (positive and negative gradients apart)."""

    def apply(self, grad):
        x, result, axis = self.unpack("self"), self.unpack("result"), self._axis
        if grad.ndim == 0:
            return (grad.copy(),)
        lowest = np.finfo(grad.dtype).min
        with np.errstate(all="ignore"):
            log_abs = np.log(np.abs(grad))
            parts = [np.exp(_reverse_logcumsumexp(np.where(keep, log_abs, lowest) - result, axis) + x)
                     for keep in (grad > 0, grad < 0)]
        return ((parts[0] - parts[1]).astype(grad.dtype, copy=False),)


def logcumsumexp(input, dim, *, out=None):  # noqa: A002
    """``log(cumsum(exp(input), dim))``, accumulated in float64 without overflow; floating inputs only."""
    require_tensor("logcumsumexp", input)

    def compute(a):
        axis = wrap_dim(dim, a.ndim)
        if not a.dtype.is_floating_point:
            raise NotImplementedError(f"\"logcumsumexp_out_cpu\" not implemented for '{a.dtype.legacy_name}'")
        data = a._data.astype(np.float64)
        with np.errstate(all="ignore"):
            values = data.copy() if data.ndim == 0 else np.logaddexp.accumulate(data, axis)
        return record(LogcumsumexpBackward0, values.astype(a._data.dtype), (a,), saved={"self": a},
                      attrs={"dim": saved_dim(dim)}, save_result=True, state={"axis": axis})
    return with_out("logcumsumexp", compute, out, input)
