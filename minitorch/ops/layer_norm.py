"""Layer normalisation: each sample normalised over its last dims (``normalized_shape``) by its own mean and
variance, then scaled by ``weight`` and shifted by ``bias``. One node, ``NativeLayerNormBackward0``."""

from __future__ import annotations

import numpy as np

from ..autograd import node as _node
from ..autograd.node import Node, record


class NativeLayerNormBackward0(Node):
    """d layer_norm: with x^ = (x - mean) * rstd and g = grad * w, dx = rstd * (g - mean(g) - x^ * mean(g * x^))
    over the normalised dims; dweight = sum(grad * x^), dbias = sum(grad) over the leading dims."""

    def apply(self, grad):
        x, axes = self.unpack("input").astype(np.float64), self._axes
        grad64 = grad.astype(np.float64)
        xhat = (x - self._mean) * self._rstd
        g = grad64 if self._weight is None else grad64 * self._weight
        grad_input = self._rstd * (g - g.mean(axis=axes, keepdims=True)
                                   - xhat * (g * xhat).mean(axis=axes, keepdims=True))
        leading = tuple(range(x.ndim - len(axes)))
        grad_weight = (grad64 * xhat).sum(axis=leading) if self.needs_input_grad(1) else None
        grad_bias = grad64.sum(axis=leading) if self.needs_input_grad(2) else None
        return grad_input.astype(grad.dtype), grad_weight, grad_bias


def layer_norm(input, normalized_shape, weight=None, bias=None, eps=1e-05):  # noqa: A002
    """Normalise ``input`` over its last ``len(normalized_shape)`` dims, then apply ``weight`` and ``bias``."""
    normalized_shape = (normalized_shape,) if isinstance(normalized_shape, int) else tuple(normalized_shape)
    count = len(normalized_shape)
    if tuple(input.shape[input.ndim - count:]) != normalized_shape or count > input.ndim:
        expected = ", ".join(["*"] + [str(n) for n in normalized_shape])
        raise RuntimeError(f"Given normalized_shape=[{', '.join(str(n) for n in normalized_shape)}], expected "
                           f"input with shape [{expected}], but got input of size{list(input.shape)}")
    x = input._data.astype(np.float64)
    axes = tuple(range(input.ndim - count, input.ndim))
    mean = x.mean(axis=axes, keepdims=True)
    rstd = 1 / np.sqrt(x.var(axis=axes, keepdims=True) + eps)
    out = (x - mean) * rstd
    if weight is not None:
        out = out * weight._data
    if bias is not None:
        out = out + bias._data
    result = record(NativeLayerNormBackward0, out.astype(input._data.dtype), (input, weight, bias),
                    saved={"input": input, "weight": weight, "bias": bias},
                    attrs={"normalized_shape": normalized_shape, "result1": _as_saved(mean, input),
                           "result2": _as_saved(rstd, input)},
                    state={"axes": axes, "mean": mean, "rstd": rstd,
                           "weight": None if weight is None else weight._data.astype(np.float64)})
    return result


def _as_saved(values: np.ndarray, input):  # noqa: A002
    """A statistic as torch's node keeps it (``result1`` the mean, ``result2`` 1/std): in the input's dtype."""
    return _node.Tensor._wrap(values.astype(input._data.dtype))
