"""Reductions of a tensor to statistics: prod, var/std (and with the mean), logsumexp. Each beside its backward
Node; sum, mean, max and min are in ``reduction.py``, amax/amin/all/any in ``extremes.py``."""

from __future__ import annotations

import warnings

import numpy as np

from ..autograd import node as _node
from ..autograd.node import Node, record, record_outputs
from . import _formulas
from ._util import float_values, saved_dim, wrap_dim
from .product_backward import prod_backward
from .reduction import _dims, _expand_back

DOF_WARNING = ("{name}(): degrees of freedom is <= 0. Correction should be strictly less than the reduction factor "
               "(input numel divided by output numel). (Triggered internally at "
               "/__w/pytorch/pytorch/aten/src/ATen/native/ReduceOps.cpp:1861.)")


def _reduced_dims(dim, ndim):
    """(numpy axes, what the node shows as ``_saved_dim``) for dim None (all), an int or a tuple."""
    if dim is None or dim == ():
        return tuple(range(ndim)), None
    return _dims(dim, ndim)


def _spread(grad, node):
    """The gradient of a reduced output, broadcast back over the input's shape."""
    return _expand_back(grad, node.input_shape(0), node._axes, node._keepdim)


def _record_reduction(node_cls, out, a, axes, keepdim, saved=None, attrs=None, save_result=False, state=None):
    """``record`` for a reduction over ``axes``: its node knows the axes and keepdim (``_spread`` reads them)."""
    return record(node_cls, out, (a,), saved=saved, attrs=attrs, save_result=save_result,
                  state={"axes": axes, "keepdim": keepdim, **(state or {})})


def _others_product(x, axis):
    """For every element, the product of the other elements along ``axis`` (exact when some are zero)."""
    moved = np.moveaxis(x, axis, -1)
    before, after = np.ones_like(moved), np.ones_like(moved)
    before[..., 1:] = np.cumprod(moved[..., :-1], -1)
    after[..., :-1] = np.cumprod(moved[..., :0:-1], -1)[..., ::-1]
    return np.moveaxis(before * after, -1, axis)


class ProdBackward0(Node):
    """d/dx_i prod(x) = the product of all the other elements."""

    double_backward = True

    def apply(self, grad):
        x = self.unpack("self")
        if _formulas.on_tensors(x):
            return (prod_backward(grad, x, self.unpack("result")),)
        return (grad * _others_product(x.reshape(-1), 0).reshape(x.shape),)


class ProdBackward1(Node):
    """d/dx_i prod(x, dim) = the product of the other elements along dim."""

    double_backward = True

    def apply(self, grad):
        x, axis = self.unpack("self"), self._axes[0]
        if _formulas.on_tensors(x):
            result = self.unpack("result")
            if not self._saved_keepdim and x.ndim:
                grad, result = grad.unsqueeze(axis), result.unsqueeze(axis)
            return (prod_backward(grad, x, result, axis),)
        if not self._saved_keepdim and x.ndim:
            grad = np.expand_dims(grad, axis)
        return (grad * _others_product(x, axis) if x.ndim else grad,)


def prod(input, dim=None, keepdim=False, *, dtype=None):  # noqa: A002
    """The product of all elements, or along ``dim``; integers and bools multiply as int64."""
    data = input._data if input.dtype.is_floating_point else input._data.astype(np.int64)
    data = data if dtype is None else data.astype(dtype.numpy)
    if dim is None:
        return record(ProdBackward0, np.asarray(data.prod(dtype=data.dtype)), (input,), saved={"self": input},
                      save_result=True)
    axis = wrap_dim(dim, input.ndim)
    out = np.asarray(data.prod(axis=axis, keepdims=keepdim, dtype=data.dtype) if input.ndim else data)
    return _record_reduction(ProdBackward1, out, input, (axis,), keepdim, saved={"self": input},
                             attrs={"dim": saved_dim(dim), "keepdim": keepdim}, save_result=True)


def _correction(name, a, dim, unbiased, correction):
    """torch's ways to say what to subtract from n: ``correction=``, ``unbiased=``, or ``std(x, False)``.

    Returns (dim, correction, what the node shows as ``_saved_correction``): None when the call said nothing
    of it (``x.var()``), as torch's overload without ``dim`` and ``unbiased`` passes no correction.
    """
    if not a.dtype.is_floating_point:
        raise RuntimeError("std and var only support floating point and complex dtypes")
    told = not (dim is None and unbiased is None and correction is None)
    if isinstance(dim, bool):
        dim, unbiased = None, dim
    if correction is None:
        correction = 1 if unbiased is None or unbiased else 0
    return dim, correction, correction if told else None


def _variance(name, a, dim, keepdim, correction):
    """(variance, mean, numpy axes, shown dims, degrees of freedom), computed in float64; the variance stays
    float64 (std takes its square root before rounding, as torch), the mean is rounded to a's dtype."""
    axes, shown = _reduced_dims(dim, a.ndim)
    x = a._data.astype(np.float64)
    mean = x.mean(axis=axes, keepdims=True)
    count = int(np.prod([a.shape[d] for d in axes])) if a.ndim else 1
    dof = max(count - correction, 0)
    if dof == 0:
        warnings.warn(DOF_WARNING.format(name=name), UserWarning, stacklevel=4)
    with np.errstate(all="ignore"):
        var = ((x - mean) ** 2).sum(axis=axes, keepdims=keepdim) / dof
    mean = mean if keepdim else mean.reshape(var.shape)
    return var, mean.astype(a._data.dtype), axes, shown, dof


def _recorded_var_backward(grad, x, node):
    """torch's ``var_backward`` on Tensors (``create_graph=True``): 2 / dof * grad * (x - mean), recorded."""
    if node._saved_dim is None or x.ndim == 0:
        return _formulas.scale(grad, 2.0 / node._dof, skip_one=False) * (x - x.mean())
    if not node._saved_keepdim:
        grad = _formulas.unsqueeze_dims(grad, node._axes)
    return _formulas.scale(grad, 2.0 / node._dof, skip_one=False) * (x - x.mean(node._axes, keepdim=True))


class VarBackward0(Node):
    """d/dx_i var(x) = 2 (x_i - mean) / (n - correction)."""

    double_backward = True

    def apply(self, grad):
        x = self.unpack("self")
        if _formulas.on_tensors(grad):
            return (_recorded_var_backward(grad, x, self),)
        centred = x - x.mean(axis=self._axes, keepdims=True)
        with np.errstate(all="ignore"):
            return (_spread(grad, self) * 2 * centred / self._dof,)


class StdBackward0(Node):
    """d/dx_i std(x) = (x_i - mean) / ((n - correction) std); 0 where std is 0."""

    double_backward = True

    result_name = "result"  # std_mean's node saves the std as "result0"

    def apply(self, grad):
        x, std = self.unpack("self"), self.unpack(self.result_name)
        if _formulas.on_tensors(grad):  # torch's std_backward: var's, for grad / (2 std) (0 where std is 0)
            return (_recorded_var_backward((grad / _formulas.scale(std, 2)).masked_fill(std == 0, 0), x, self),)
        centred = x - x.mean(axis=self._axes, keepdims=True)
        with np.errstate(all="ignore"):
            scaled = np.where(std == 0, 0, grad / np.where(std == 0, 1, std))
            return (_spread(scaled, self) * centred / self._dof,)


def _var_or_std(name, node_cls, input, dim, unbiased, keepdim, correction):
    dim, correction, shown_correction = _correction(name, input, dim, unbiased, correction)
    var, _, axes, shown, dof = _variance(name, input, dim, keepdim, correction)
    out = (var if name == "var" else np.sqrt(var)).astype(input._data.dtype)
    return _record_reduction(node_cls, np.asarray(out), input, axes, keepdim, saved={"self": input},
                             attrs={"correction": shown_correction, "dim": shown, "keepdim": keepdim},
                             save_result=name == "std", state={"dof": dof})


def var(input, dim=None, unbiased=None, keepdim=False, *, correction=None):  # noqa: A002
    """The variance ``sum((x - mean)**2) / (n - correction)``; correction 1 (Bessel's) unless told."""
    return _var_or_std("var", VarBackward0, input, dim, unbiased, keepdim, correction)


def std(input, dim=None, unbiased=None, keepdim=False, *, correction=None):  # noqa: A002
    """The standard deviation: ``sqrt(var(...))`` with the same arguments."""
    return _var_or_std("std", StdBackward0, input, dim, unbiased, keepdim, correction)


class _WithMeanBackward(Node):
    """Two outputs, (spread, mean): the spread's gradient as in var/std plus ``grad_mean / n``."""

    _num_outputs = 2
    spread_node = VarBackward0
    saved_outputs = ()  # the outputs torch's node saves, by name (std_mean's: the std, as "result0")
    double_backward = True

    def apply(self, grad_spread, grad_mean):
        if _formulas.on_tensors(grad_spread if grad_mean is None else grad_mean):
            return (self._recorded(grad_spread, grad_mean),)
        total = np.zeros(self.input_shape(0), self.input_dtype(0))
        if grad_spread is not None:
            total = total + self.spread_node.apply(self, grad_spread)[0]
        if grad_mean is not None:
            total = total + _spread(grad_mean, self) / self._count
        return (total,)


    def _recorded(self, grad_spread, grad_mean):
        """torch's ``var_mean_backward`` / ``std_mean_backward``: the spread's gradient plus the mean's
        (``sum_backward(grad) / n``), recorded."""
        total = None if grad_spread is None else self.spread_node.apply(self, grad_spread)[0]
        if grad_mean is not None:
            kept = self._keepdim or self._saved_dim is None  # an all-reduce: its 0-d gradient expands as it is
            spread = _expand_back(grad_mean, self.input_shape(0), self._axes, kept)
            mean_part = _formulas.divide(spread, self._count)
            total = mean_part if total is None else total + mean_part
        return total


class VarMeanBackward0(_WithMeanBackward):
    """d var / dx as VarBackward0; d mean / dx_i = 1 / n."""


class StdMeanBackward0(_WithMeanBackward):
    """d std / dx as StdBackward0; d mean / dx_i = 1 / n."""

    spread_node = StdBackward0
    result_name = "result0"
    saved_outputs = ("result0",)


def _with_mean(name, node_cls, a, dim, unbiased, keepdim, correction):
    dim, correction, shown_correction = _correction(name[:3], a, dim, unbiased, correction)
    var, mean, axes, shown, dof = _variance(name[:3], a, dim, keepdim, correction)
    spread = (var if name == "var_mean" else np.sqrt(var)).astype(a._data.dtype)
    outs = (_node.Tensor._wrap(np.asarray(spread)), _node.Tensor._wrap(np.asarray(mean)))
    count = int(np.prod([a.shape[d] for d in axes])) if a.ndim else 1
    return record_outputs(node_cls, outs, (a,), saved={"self": a}, save_result=node_cls.saved_outputs,
                          attrs={"correction": shown_correction, "dim": shown, "keepdim": keepdim},
                          state={"axes": axes, "keepdim": keepdim, "dof": dof, "count": count})


def var_mean(input, dim=None, unbiased=None, keepdim=False, *, correction=None):  # noqa: A002
    """``(var(input, ...), mean(input, ...))`` in one pass."""
    return _with_mean("var_mean", VarMeanBackward0, input, dim, unbiased, keepdim, correction)


def std_mean(input, dim=None, unbiased=None, keepdim=False, *, correction=None):  # noqa: A002
    """``(std(input, ...), mean(input, ...))`` in one pass."""
    return _with_mean("std_mean", StdMeanBackward0, input, dim, unbiased, keepdim, correction)


class LogsumexpBackward0(Node):
    """d/dx_i log(sum(exp(x))) = exp(x_i - result): the softmax of x."""

    double_backward = True

    def apply(self, grad):
        x, result = self.unpack("self"), self.unpack("result")
        if _formulas.on_tensors(grad):  # torch's logsumexp_backward, recorded
            if not self._saved_keepdim and x.ndim:
                grad, result = _formulas.unsqueeze_dims(grad, self._axes), _formulas.unsqueeze_dims(result, self._axes)
            return (grad * (x - result).exp(),)
        result = _spread(result, self)
        with np.errstate(all="ignore"):
            return (_spread(grad, self) * np.exp(x - result),)


def logsumexp(input, dim=None, keepdim=False):  # noqa: A002
    """``log(sum(exp(input), dim))``, computed without overflow (the max is taken out first)."""
    if dim is None:
        raise TypeError('logsumexp() missing 1 required positional arguments: "dim"')
    x = float_values(input)
    axes, shown = _reduced_dims(dim, input.ndim)
    top = np.max(x, axis=axes, keepdims=True) if x.size else np.zeros((1,) * x.ndim, x.dtype)
    top = np.where(np.isinf(top), 0, top)
    with np.errstate(all="ignore"):
        out = np.log(np.exp(x - top).sum(axis=axes, keepdims=True)) + top
    out = out if keepdim else out.reshape([n for i, n in enumerate(x.shape) if i not in axes])
    return _record_reduction(LogsumexpBackward0, out.astype(x.dtype), input, axes, keepdim,
                             saved={"self": input}, attrs={"dim": shown, "keepdim": keepdim}, save_result=True)
