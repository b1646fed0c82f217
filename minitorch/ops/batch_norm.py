"""Batch normalisation: each channel (dim 1) normalised by its mean and variance over the batch (and
spatial dims), then scaled by ``weight`` and shifted by ``bias``. One node, ``NativeBatchNormBackward0``.

In training the batch's own statistics are used and the running ones are updated in place (even under
``no_grad``, as torch does); in eval the running statistics are used.
"""

from __future__ import annotations

import numpy as np

from ..autograd import node as _node
from ..autograd.node import Node, record
from ._formulas import on_tensors, record_gradients
from .norm_backward import NativeBatchNormBackwardBackward0


def _channel_shape(ndim: int) -> tuple:
    """The shape that lines per-channel values up with dim 1 of an input of ``ndim`` dims."""
    return (1, -1) + (1,) * (ndim - 2)


class NativeBatchNormBackward0(Node):
    """d batch_norm: with x^ = (x - mean) * invstd, dx = w * invstd * (g - mean(g) - x^ * mean(g * x^)) in
    training (g alone in eval), dweight = sum(g * x^), dbias = sum(g)."""

    double_backward = True
    _holds_saved_state = True  # the mean and invstd of forward

    def apply(self, grad):
        x = self.unpack("input")
        weight = None if self._raw_saved_weight is None else self.unpack("weight")
        grads = self._gradients(_values(grad), _values(x), _values(weight))
        if not on_tensors(grad):
            return grads
        statistics = None if self._training else (self._mean, self._invstd)
        return record_gradients(NativeBatchNormBackwardBackward0, grads, (grad, x, weight, None, None),
                                saved={"grad_out": grad, "input": x, "weight": weight,
                                       "running_mean": _optional(self, "running_mean"),
                                       "running_var": _optional(self, "running_var"),
                                       "save_mean": self.unpack("result1"), "save_invstd": self.unpack("result2")},
                                attrs={"train": self._training, "eps": self._saved_eps},
                                state={"axes": self._axes, "statistics": statistics})

    def _gradients(self, grad, x, weight) -> tuple:
        """The three gradients in numpy (None where not needed), computed in float64."""
        x, g = x.astype(np.float64), grad.astype(np.float64)
        axes, shape = self._axes, _channel_shape(x.ndim)
        xhat = (x - self._mean.reshape(shape)) * self._invstd.reshape(shape)
        weight = np.ones_like(self._invstd) if weight is None else weight.astype(np.float64)
        scale = (weight * self._invstd).reshape(shape)
        if self._training:
            grad_input = scale * (g - g.mean(axis=axes, keepdims=True)
                                  - xhat * (g * xhat).mean(axis=axes, keepdims=True))
        else:
            grad_input = scale * g
        grad_weight = (g * xhat).sum(axis=axes) if self.needs_input_grad(1) else None
        grad_bias = g.sum(axis=axes) if self.needs_input_grad(2) else None
        return grad_input.astype(grad.dtype), grad_weight, grad_bias

    def release_saved(self) -> None:
        """Free the saved tensors and the forward's statistics."""
        super().release_saved()
        self._mean = self._invstd = None


def _optional(node, name):
    """The tensor ``node`` saved as ``name``, or None when there was none (no running statistics)."""
    return None if node._saved.get(name) is None else node.unpack(name)


def _values(x):
    return x._data if on_tensors(x) else x


def _update_running(running_mean, running_var, mean, var, count, momentum):
    """running = (1 - momentum) * running + momentum * batch statistic (the variance unbiased)."""
    unbiased = var * count / max(count - 1, 1)
    for running, value in ((running_mean, mean), (running_var, unbiased)):
        if running is not None:
            new = (1 - momentum) * running._data.astype(np.float64) + momentum * value
            running._data[...] = new  # torch's kernel writes them directly: their version stays as it was


def _statistics(x, axes, training, running_mean, running_var):
    """The (mean, var) used to normalise: the batch's in training, the running ones in eval."""
    if training:
        return x.mean(axis=axes), x.var(axis=axes)
    return running_mean._data.astype(np.float64), running_var._data.astype(np.float64)


def batch_norm(input, running_mean, running_var, weight=None, bias=None, training=False, momentum=0.1,
               eps=1e-05):
    """Normalise ``input`` per channel; update ``running_mean``/``running_var`` when training."""
    x = input._data.astype(np.float64)
    axes = (0,) + tuple(range(2, input.ndim))
    count = x.size // max(x.shape[1], 1)
    if training and count <= 1:
        raise ValueError(f"Expected more than 1 value per channel when training, got input size {input.shape}")
    mean, var = _statistics(x, axes, training, running_mean, running_var)
    if training:
        _update_running(running_mean, running_var, mean, var, count, momentum)
    invstd = 1 / np.sqrt(var + eps)
    shape = _channel_shape(input.ndim)
    out = (x - mean.reshape(shape)) * invstd.reshape(shape)
    if weight is not None:
        out = out * weight._data.reshape(shape)
    if bias is not None:
        out = out + bias._data.reshape(shape)
    state = {"axes": axes, "mean": mean, "invstd": invstd, "training": training}
    # torch's node keeps the batch's mean and 1/std as result1 and result2 (empty in eval)
    kept = (mean, invstd) if training else (np.empty(0), np.empty(0))
    result1, result2 = (_node.Tensor._wrap(k.astype(input._data.dtype)) for k in kept)
    return record(NativeBatchNormBackward0, out.astype(input._data.dtype), (input, weight, bias),
                  saved={"input": input, "weight": weight, "running_mean": running_mean, "running_var": running_var},
                  attrs={"training": training, "eps": eps, "result1": result1, "result2": result2}, state=state)
