"""p-norm distances and norm caps: dist, cdist, renorm; and frexp (mantissa and exponent)."""

from __future__ import annotations

import numpy as np

from ..autograd import node as _node
from ..autograd.node import Node, record, unbroadcast
from . import return_types


def _p_norm(diff, p, axis=None):
    size = np.abs(diff)
    if p == 0:
        return (size != 0).sum(axis=axis).astype(diff.dtype)
    if np.isinf(p):
        return size.max(axis=axis, initial=0) if p > 0 else size.min(axis=axis)
    return (size ** p).sum(axis=axis) ** (1.0 / p)


def _norm_gradient(diff, norm, p):
    """d ||diff||_p / d diff (0 where the norm is 0; shared among the largest for p = inf)."""
    with np.errstate(all="ignore"):
        if p == 0:
            return np.zeros_like(diff)
        if np.isinf(p):
            hits = np.abs(diff) == norm
            return np.where(hits, np.sign(diff), 0) / np.maximum(hits.sum(axis=-1, keepdims=True), 1)
        shaped = np.sign(diff) * np.abs(diff) ** (p - 1) / norm ** (p - 1)
        return np.where(norm == 0, 0, shaped)


class DistBackward0(Node):
    """d ||a - b||_p / da = sign(a - b) * |a - b|**(p - 1) / ||a - b||**(p - 1); minus that for b."""

    def apply(self, grad):
        diff = self.unpack("self") - self.unpack("other")
        g = grad * _norm_gradient(diff, self.unpack("result"), self._saved_p)
        grad_a = unbroadcast(g, self.input_shape(0)) if self.needs_input_grad(0) else None
        grad_b = unbroadcast(-g, self.input_shape(1)) if self.needs_input_grad(1) else None
        return grad_a, grad_b


def dist(input, other, p=2):  # noqa: A002 (torch's argument name)
    """The p-norm of ``input - other``."""
    diff = input._data - other._data
    return record(DistBackward0, np.asarray(_p_norm(diff, p), dtype=diff.dtype), (input, other),
                  saved={"self": input, "other": other}, attrs={"p": p}, save_result=True)


class CdistBackward0(Node):
    """d ||x1_i - x2_j||_p: the norm's gradient of x1_i - x2_j, summed over j for x1 and over i (negated) for x2."""

    def apply(self, grad):
        x1, x2, result = self.unpack("x1"), self.unpack("x2"), self.unpack("result")
        diff = x1[..., :, None, :] - x2[..., None, :, :]
        g = grad[..., None] * _norm_gradient(diff, result[..., None], self._saved_p)
        grad_x1 = g.sum(-2) if self.needs_input_grad(0) else None
        grad_x2 = -g.sum(-3) if self.needs_input_grad(1) else None
        return grad_x1, grad_x2


def cdist(x1, x2, p=2.0, compute_mode="use_mm_for_euclid_dist_if_necessary"):
    """The p-norm distance between each row of ``x1`` and each row of ``x2`` (batches too)."""
    if x1.ndim < 2 or x2.ndim < 2:
        raise RuntimeError(f"cdist only supports at least 2D tensors, X1 got: {x1.ndim}D")
    if x1.shape[-1] != x2.shape[-1]:
        raise RuntimeError(f"X1 and X2 must have the same number of columns. X1: {x1.shape[-1]} X2: "
                           f"{x2.shape[-1]}")
    diff = x1._data[..., :, None, :] - x2._data[..., None, :, :]
    out = np.asarray(_p_norm(diff, p, axis=-1), dtype=diff.dtype)
    return record(CdistBackward0, out, (x1, x2), saved={"x1": x1, "x2": x2}, attrs={"p": p}, save_result=True)


class RenormBackward0(Node):
    """d renorm: rows under maxnorm pass grad; capped rows (x * c, c = maxnorm / (norm + 1e-7)) get
    c * grad + x . grad * dc/dnorm * dnorm/dx."""

    def apply(self, grad):
        x, p, axes = self.unpack("self"), self._saved_p, self._axes
        norm = _p_norm(x, p, axis=axes)
        norm = np.expand_dims(norm, axes)
        maxnorm = self._saved_maxnorm
        capped = norm > maxnorm
        scale = maxnorm / (norm + 1e-7)
        inner = (grad * x).sum(axis=axes, keepdims=True)
        with np.errstate(all="ignore"):
            dnorm = np.sign(x) * np.abs(x) ** (p - 1) / norm ** (p - 1)
        capped_grad = scale * grad - inner * maxnorm / (norm + 1e-7) ** 2 * dnorm
        return (np.where(capped, capped_grad, grad).astype(grad.dtype),)


def renorm(input, p, dim, maxnorm):  # noqa: A002
    """Each slice along ``dim`` whose p-norm exceeds ``maxnorm`` scaled down to norm ``maxnorm``."""
    axes = tuple(d for d in range(input.ndim) if d != dim % max(input.ndim, 1))
    norm = np.expand_dims(_p_norm(input._data, p, axis=axes), axes)
    scale = np.where(norm > maxnorm, maxnorm / (norm + 1e-7), 1.0)
    out = (input._data * scale).astype(input._data.dtype)
    return record(RenormBackward0, out, (input,), saved={"self": input},
                  attrs={"p": p, "dim": dim, "maxnorm": maxnorm}, state={"axes": axes})


class FrexpBackward0(Node):
    """d mantissa / dx = 1 / 2**exponent."""

    def apply(self, grad):
        return ((grad / np.exp2(self.unpack("exponent"))).astype(grad.dtype),)


def frexp(input, *, out=None):  # noqa: A002
    """Mantissa (in [0.5, 1)) and integer exponent with ``input = mantissa * 2**exponent``."""
    if not input.dtype.is_floating_point:
        raise RuntimeError("torch.frexp() only supports floating-point dtypes")
    mantissa, exponent = np.frexp(input._data)
    exponent = _node.Tensor._wrap(exponent.astype(np.int32))
    mantissa = record(FrexpBackward0, mantissa.astype(input._data.dtype), (input,), attrs={"exponent": exponent})
    return return_types.frexp(mantissa, exponent)
