"""Quantiles and covariances, built from other ops in torch's order (so their nodes are torch's):
quantile and nanquantile (sort, gather, lerp_), cov and corrcoef (mean-centred mm)."""

from __future__ import annotations

import warnings

import numpy as np

from ..autograd import node as _node
from ._out import with_out
from ._util import wrap_dim

MODES = ("linear", "lower", "higher", "midpoint", "nearest")
DOF_WARNING = ("cov(): degrees of freedom is <= 0. Correction should be strictly less than the number of "
               "observations. (Triggered internally at /__w/pytorch/pytorch/aten/src/ATen/native/Correlation.cpp:129.)")


def _q_tensor(input, q):  # noqa: A002 (torch's argument name)
    if not hasattr(q, "_data"):
        if not 0 <= q <= 1:
            raise RuntimeError(f"quantile() q must be in the range [0, 1] but got {q}")
        return _node.Tensor._wrap(np.asarray(q, dtype=input._data.dtype))
    if q.ndim > 1:
        raise RuntimeError("quantile() q must be a scalar or 1D tensor")
    if q.dtype is not input.dtype:
        raise RuntimeError("quantile() q tensor must be same dtype as the input tensor")
    if not ((q._data >= 0) & (q._data <= 1)).all():
        raise RuntimeError("quantile() q values must be in the range [0, 1]")
    return q


def _check(input, interpolation):  # noqa: A002
    if input.numel() == 0:
        raise RuntimeError("quantile() input tensor must be non-empty")
    if input.dtype.name not in ("float32", "float64"):
        raise RuntimeError("quantile() input tensor must be either float or double dtype")
    if interpolation not in MODES:
        raise RuntimeError(f"quantile() interpolation must be one of linear, lower, higher, midpoint or nearest, "
                           f"but got {interpolation}")


def _sorted_rows(input, dim, keepdim):  # noqa: A002
    """The input sorted along the reduced dim, viewed as (*out_shape without q, n)."""
    if dim is None:
        out_shape = [1] * input.ndim if keepdim else []
        values = input.flatten().sort().values
    else:
        axis = wrap_dim(dim, input.ndim)
        out_shape = list(input.shape)
        if keepdim:
            out_shape[axis] = 1
        else:
            del out_shape[axis]
        moved = input if axis == input.ndim - 1 else input.unsqueeze(-1).transpose(axis, -1)
        values = moved.sort().values
    return values.view(*out_shape, values.shape[-1])


def _ranks(rows, q, ignore_nan):
    nan = rows.isnan()
    if ignore_nan:
        ranks = q * (nan.logical_not().sum(-1, keepdim=True) - 1)
        return ranks.masked_fill(ranks < 0, 0)
    last = rows.shape[-1] - 1
    has_nan = nan.any(-1, keepdim=True)
    return (q * last).expand(*has_nan.shape[:-1], q.shape[-1]).masked_fill(has_nan, last)


def _quantile(input, q, dim, keepdim, interpolation, ignore_nan):  # noqa: A002
    _check(input, interpolation)
    q = _q_tensor(input, q)
    rows = _sorted_rows(input, dim, keepdim)
    ranks = _ranks(rows, q.view(-1) if q.ndim else q.view(1), ignore_nan)
    ranks = {"lower": ranks.floor, "higher": ranks.ceil, "nearest": ranks.round}.get(interpolation, lambda: ranks)()
    ranks_below = ranks.long()
    values = rows.gather(-1, ranks_below)
    if interpolation in ("linear", "midpoint"):
        weights = ranks.new_full(ranks.shape, 0.5) if interpolation == "midpoint" else ranks - ranks_below
        values.lerp_(rows.gather(-1, ranks.ceil().long()), weights)
    if q.ndim == 0:
        return values.squeeze_(-1)
    return values.unsqueeze_(0).transpose_(0, -1).squeeze_(-1)


def quantile(input, q, dim=None, keepdim=False, *, interpolation="linear", out=None):  # noqa: A002
    """The ``q``-th quantile(s) of ``input`` (flattened, or along ``dim``), interpolating between neighbours."""
    return with_out("quantile", _quantile, out, input, q, dim, keepdim, interpolation, False)


def nanquantile(input, q, dim=None, keepdim=False, *, interpolation="linear", out=None):  # noqa: A002
    """``quantile`` of the values that are not nan."""
    return with_out("nanquantile", _quantile, out, input, q, dim, keepdim, interpolation, True)


def _weights(fweights, aweights):
    weights = fweights
    if aweights is not None:
        weights = aweights if weights is None else weights * aweights
    return weights


def cov(input, *, correction=1, fweights=None, aweights=None):  # noqa: A002
    """The covariance matrix of the variables in ``input``'s rows (observations in its columns)."""
    if input.ndim > 2:
        raise RuntimeError(f"cov(): expected input to have two or fewer dimensions but got an input with "
                           f"{input.ndim} dimensions")
    if input.dtype.name == "bool":
        raise RuntimeError("cov(): bool dtype is not supported for input")
    rows = input.view(1, -1) if input.ndim < 2 else input
    weights = _weights(fweights, aweights)
    total = weights.sum() if weights is not None else _node.Tensor._wrap(np.asarray(rows.shape[1], np.int64))
    avg = (rows * weights if weights is not None else rows).sum(1) / total
    if weights is not None and aweights is not None and correction != 0:
        norm_factor = total - correction * (weights * aweights).sum() / total
    else:
        norm_factor = total - correction
    if bool(norm_factor <= 0):
        warnings.warn(DOF_WARNING, UserWarning, stacklevel=2)
        norm_factor = norm_factor * 0
    centred = rows - avg.unsqueeze(1)
    product = centred.mm((centred * weights if weights is not None else centred).t())
    return product.true_divide(norm_factor).squeeze()


def corrcoef(input):  # noqa: A002
    """Pearson's correlation coefficients of the variables in ``input``'s rows."""
    c = cov(input)
    if c.ndim == 0:
        return c / c
    stddev = c.diagonal().sqrt()
    c = c / stddev.view(-1, 1)
    c = c / stddev.view(1, -1)
    return c.clip(-1, 1)
