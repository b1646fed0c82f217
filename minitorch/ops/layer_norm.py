"""Layer normalisation: each sample normalised over its last dims (``normalized_shape``) by its own mean and
variance, then scaled by ``weight`` and shifted by ``bias``. One node, ``NativeLayerNormBackward0``."""

from __future__ import annotations

import numpy as np

from ..autograd import node as _node
from ..autograd.node import Node, record
from ._formulas import on_tensors, record_gradients
from .norm_backward import NativeLayerNormBackwardBackward0


class NativeLayerNormBackward0(Node):
    """d layer_norm: with x^ = (x - mean) * rstd and g = grad * w, dx = rstd * (g - mean(g) - x^ * mean(g * x^))
    over the normalised dims; dweight = sum(grad * x^), dbias = sum(grad) over the leading dims."""

    double_backward = True
    _holds_saved_state = True  # the mean and rstd of forward

    def apply(self, grad):
        x = self.unpack("input")
        weight = None if self._raw_saved_weight is None else self.unpack("weight")
        bias = None if self._raw_saved_bias is None else self.unpack("bias")
        grads = self._gradients(grad._data if on_tensors(grad) else grad, _values(x), _values(weight))
        if not on_tensors(grad):
            return grads
        return record_gradients(NativeLayerNormBackwardBackward0, grads, (grad, x, None, None, weight, bias),
                                saved={"grad_out": grad, "input": x, "weight": weight},
                                attrs={"normalized_shape": self._saved_normalized_shape,
                                       "mean": self.unpack("result1"), "rstd": self.unpack("result2")},
                                state={"axes": self._axes, "eps": self._eps})

    def _gradients(self, grad, x, weight) -> tuple:
        """The three gradients in numpy (None where not needed), computed in float64."""
        x, axes, grad64 = x.astype(np.float64), self._axes, grad.astype(np.float64)
        xhat = (x - self._mean) * self._rstd
        g = grad64 if weight is None else grad64 * weight.astype(np.float64)
        grad_input = self._rstd * (g - g.mean(axis=axes, keepdims=True)
                                   - xhat * (g * xhat).mean(axis=axes, keepdims=True))
        leading = tuple(range(x.ndim - len(axes)))
        grad_weight = (grad64 * xhat).sum(axis=leading) if self.needs_input_grad(1) else None
        grad_bias = grad64.sum(axis=leading) if self.needs_input_grad(2) else None
        return grad_input.astype(grad.dtype), grad_weight, grad_bias

    def release_saved(self) -> None:
        """Free the saved tensors and the forward's statistics."""
        super().release_saved()
        self._mean = self._rstd = None


def _values(x):
    return x._data if on_tensors(x) else x


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
    return record(NativeLayerNormBackward0, out.astype(input._data.dtype), (input, weight, bias),
                  saved={"input": input, "weight": weight, "bias": bias},
                  attrs={"normalized_shape": normalized_shape, "result1": _as_saved(mean, input),
                         "result2": _as_saved(rstd, input)},
                  state={"axes": axes, "mean": mean, "rstd": rstd, "eps": eps})


def _as_saved(values: np.ndarray, input):  # noqa: A002
    """A statistic as torch's node keeps it (``result1`` the mean, ``result2`` 1/std): in the input's dtype."""
    return _node.Tensor._wrap(values.astype(input._data.dtype))
