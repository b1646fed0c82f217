"""torch's backward functions that are ops of their own: ``sigmoid_backward``, ``tanh_backward``,
``threshold_backward`` (relu's), ``mse_loss_backward``.

The backward formulas of sigmoid, tanh, relu and mse_loss call them. On numpy arrays (a plain backward)
they are plain arithmetic; on Tensors (``create_graph=True``) they are recorded with their own nodes,
named as torch names them (``SigmoidBackwardBackward0``...), so their result can be differentiated again.
"""

from __future__ import annotations

import numpy as np

from ..autograd.node import Node, record
from ._formulas import divide, on_tensors, scale, zeros_like

MEAN, NONE = 1, 0  # the reduction codes of ops/loss.py


def _values(x):
    return x._data if on_tensors(x) else x


class SigmoidBackwardBackward0(Node):
    """d[g * (1 - y) * y] = grad * (1 - y) * y for g, grad * g * (1 - 2y) for y."""

    double_backward = True

    def apply(self, grad):
        grad_output, output = self.unpack("grad_output"), self.unpack("output")
        return sigmoid_backward(grad, output), grad * grad_output * (scale(output, -2) + 1)


def sigmoid_backward(grad_output, output):
    """The gradient of sigmoid from its output ``y``: ``grad_output * (1 - y) * y``, as torch's kernel."""
    values = _values(grad_output) * (1 - _values(output)) * _values(output)
    if not on_tensors(grad_output):
        return values
    return record(SigmoidBackwardBackward0, values, (grad_output, output),
                  saved={"grad_output": grad_output, "output": output})


class TanhBackwardBackward0(Node):
    """d[g * (1 - y**2)] = grad * (1 - y**2) for g, grad * (-2 * y * g) for y."""

    double_backward = True

    def apply(self, grad):
        grad_output, output = self.unpack("grad_output"), self.unpack("output")
        return tanh_backward(grad, output), grad * (scale(output, -2) * grad_output)


def tanh_backward(grad_output, output):
    """The gradient of tanh from its output ``y``: ``grad_output * (1 - y * y)``."""
    y = _values(output)
    values = _values(grad_output) * (1 - y * y)
    if not on_tensors(grad_output):
        return values
    return record(TanhBackwardBackward0, values, (grad_output, output),
                  saved={"grad_output": grad_output, "output": output})


class ThresholdBackwardBackward0(Node):
    """d[where(x <= t, 0, g)] = where(x <= t, 0, grad) for g, 0 for x."""

    double_backward = True

    def apply(self, grad):
        return threshold_backward(grad, self.unpack("self"), self._saved_threshold), zeros_like(grad)


def threshold_backward(grad_output, x, threshold):
    """The gradient of relu and threshold: ``grad_output`` where ``x > threshold``, else 0."""
    if not on_tensors(grad_output):
        return np.where(x <= threshold, 0, grad_output).astype(grad_output.dtype, copy=False)
    values = np.where(x._data <= threshold, 0, grad_output._data).astype(grad_output._data.dtype, copy=False)
    return record(ThresholdBackwardBackward0, values, (grad_output, x), saved={"self": x},
                  attrs={"threshold": threshold})


class MseLossBackwardBackward0(Node):
    """d[(x - y) * norm * g]: for g, (x - y) * norm * grad summed; for x, norm * grad * g; for y, the negative."""

    double_backward = True

    def apply(self, grad):
        grad_output, x, target = self.unpack("grad_output"), self.unpack("self"), self.unpack("target")
        reduction = self._reduction
        if reduction == NONE:
            grad_grad_output = mse_loss_backward(grad, x, target, reduction)
        else:
            grad_grad_output = (mse_loss_backward(zeros_like(grad_output) + 1, x, target, reduction) * grad).sum()
        grad_x = _double_backward(grad * grad_output, x, reduction)
        grad_target = -_double_backward(grad * grad_output, target, reduction)
        return grad_grad_output, grad_x, grad_target


def _double_backward(grad, x, reduction):
    """torch's ``mse_loss_double_backward``: ``2 * grad``, divided by numel for the mean."""
    doubled = scale(grad, 2)
    return divide(doubled, _values(x).size) if reduction == MEAN else doubled


def mse_loss_backward(grad_output, x, target, reduction):
    """The gradient of mse_loss w.r.t. ``x``: ``(x - target) * norm * grad_output``, norm 2 (2/numel: mean)."""
    size = _values(x).size
    norm = 2.0 / size if reduction == MEAN else 2.0
    values = (_values(x) - _values(target)) * norm * _values(grad_output)
    if not on_tensors(grad_output):
        return values
    return record(MseLossBackwardBackward0, np.asarray(values, _values(x).dtype), (grad_output, x, target),
                  saved={"grad_output": grad_output, "self": x, "target": target}, state={"reduction": reduction})
