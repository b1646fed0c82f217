"""Vector norms: ``torch.norm``, ``Tensor.norm`` and ``torch.linalg.vector_norm`` (matrix norms and
``linalg.norm``: ``matrix_norm.py``)."""

from __future__ import annotations

import math

import numpy as np

from .._norm_order import torch_order_norm
from ..autograd.node import Node, record
from ._formulas import on_tensors, unsqueeze_dims, zeros_like
from .copy import to
from .statistics import _reduced_dims, _spread


def _norm_values(x, ord, axes, keepdim):  # noqa: A002
    """``sum(|x|**ord) ** (1/ord)`` over ``axes``; ord 0 counts non-zeros, +-inf takes the max/min of |x|."""
    in_torch_order = torch_order_norm(x, ord, tuple(sorted(axes)), keepdim)  # 1- and 2-norms: torch's last bits
    if in_torch_order is not None:
        return in_torch_order
    magnitude = np.abs(x)
    if ord == math.inf:
        return magnitude.max(axis=axes, keepdims=keepdim)
    if ord == -math.inf:
        return magnitude.min(axis=axes, keepdims=keepdim)
    if ord == 0:
        return (magnitude != 0).sum(axis=axes, keepdims=keepdim).astype(x.dtype)
    if ord == 2:
        return np.sqrt((magnitude * magnitude).sum(axis=axes, keepdims=keepdim))
    if ord == 1:
        return magnitude.sum(axis=axes, keepdims=keepdim)
    return (magnitude ** ord).sum(axis=axes, keepdims=keepdim) ** (1 / ord)


class LinalgVectorNormBackward0(Node):
    """d/dx ||x||_p = sgn(x) |x|**(p-1) / ||x||**(p-1); p=2: x / ||x||; p=inf: sgn(x) at the maxima."""

    double_backward = True

    def apply(self, grad):
        x, ord = self.unpack("self"), self._saved_ord  # noqa: A001
        if on_tensors(grad):
            return (_recorded_norm_backward(grad, x, self.unpack("result"), ord, self),)
        norm, grad = _spread(self.unpack("result"), self), _spread(grad, self)
        with np.errstate(all="ignore"):
            if ord == 0:
                slope = np.zeros_like(x)
            elif ord == 1:
                slope = np.sign(x)
            elif math.isinf(ord):
                hits = np.abs(x) == norm
                slope = np.sign(x) * hits / hits.sum(axis=self._axes, keepdims=True)
            else:
                slope = np.sign(x) * np.abs(x) ** (ord - 1) / norm ** (ord - 1)
                slope = np.where(norm == 0, 0, slope)
        return ((grad * slope).astype(x.dtype),)


def _recorded_norm_backward(grad, x, norm, ord, node):  # noqa: A002
    """torch's ``norm_backward`` step by step on Tensors (``create_graph=True``), so it is recorded."""
    if node._saved_dim is not None and not node._keepdim and x.ndim:
        grad, norm = unsqueeze_dims(grad, node._axes), unsqueeze_dims(norm, node._axes)
    if ord == 0:
        return zeros_like(x)
    if ord == 1:
        return x.sgn() * grad
    if ord == 2:
        return grad * (x / norm).masked_fill(norm == 0, 0)
    if math.isinf(ord):  # the gradient of amax(|x|) (amin's for -inf): shared among the extremes, NaNs too
        magnitude = x.abs()
        hits = (magnitude == norm) | magnitude.isnan()
        return x.sgn() * (grad / hits.sum(node._axes, keepdim=True) * hits)
    if ord < 1:
        scaled = x.sgn() * (x.abs() ** (ord - 1)).masked_fill(x == 0, 0)
        return scaled * grad * norm ** (1 - ord)
    scaled = x.sgn() * x.abs() ** (ord - 1) if ord < 2 else x * x.abs() ** (ord - 2)
    return scaled * (grad / norm ** (ord - 1)).masked_fill(norm == 0, 0)


class NormBackward1(LinalgVectorNormBackward0):
    """d/dx ||x||_p along dim (ATen's ``norm``, which ``F.pairwise_distance`` calls): as vector_norm's."""


def vector_norm(x, ord=2, dim=None, keepdim=False, *, dtype=None, node_cls=None):  # noqa: A002
    """The ``ord``-norm of ``x`` flattened, or of each vector along ``dim``."""
    if not x.dtype.is_floating_point:
        raise RuntimeError("linalg.vector_norm: Expected a floating point or complex tensor as input. "
                           f"Got {x.dtype.legacy_name}")
    if dtype is not None and dtype is not x.dtype:
        x = to(x, dtype)
    axes, shown = _reduced_dims(dim, x.ndim)
    out = np.asarray(_norm_values(x._data, ord, axes, keepdim)).astype(x._data.dtype)
    return record(node_cls or LinalgVectorNormBackward0, out, (x,), saved={"self": x}, save_result=True,
                  attrs={"ord": ord, "dim": shown, "keepdim": keepdim}, state={"axes": axes, "keepdim": keepdim})


def norm(input, p="fro", dim=None, keepdim=False, dtype=None):  # noqa: A002
    """``torch.norm``: a vector norm (``'fro'`` is the 2-norm of all the elements of ``dim``); ``'nuc'`` the
    nuclear norm of the matrices spanned by ``dim`` (two dims)."""
    if isinstance(p, str) and p != "fro":
        from .matrix_norm import matrix_norm  # cycle: matrix_norm builds on this module

        return matrix_norm(input, p, tuple(range(input.ndim)) if dim is None else dim, keepdim, dtype=dtype)
    return vector_norm(input, 2 if p == "fro" else p, dim, keepdim, dtype=dtype)
