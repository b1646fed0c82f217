"""torch's backward functions that are ops of their own: ``sigmoid_backward``, ``tanh_backward``,
``threshold_backward`` (relu's), ``mse_loss_backward``, ``softmax_backward_data``,
and ``log_softmax_backward_data``.

The backward formulas of sigmoid, tanh, relu, mse_loss, softmax and log_softmax call them. On numpy arrays
(a plain backward) they are plain arithmetic; on Tensors (``create_graph=True``) they are recorded with their
own nodes, named as torch names them (``SigmoidBackwardBackward0``...), so their result can be differentiated
again.
"""

from __future__ import annotations

import numpy as np

from ..autograd.node import Node, record
from ._formulas import divide, exp, on_tensors, scale, sum_keepdim, zeros_like

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
    if not on_tensors(grad_output):
        return grad_output * (1 - output) * output
    values = grad_output._data * (1 - output._data) * output._data
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
    if not on_tensors(grad_output):
        return grad_output * (1 - output * output)
    values = grad_output._data * (1 - output._data * output._data)
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
                  saved={"grad_output": grad_output, "self": x, "target": target}, attrs={"reduction": reduction},
                  state={"reduction": reduction})


class SoftmaxBackwardDataBackward0(Node):
    """d[y * (g - sum(g * y))]: for g, the same op on grad; for y, g*grad - sum(y*g)*grad - g*sum(y*grad)."""

    double_backward = True

    def apply(self, grad):
        grad_output, output, dim = self.unpack("grad_output"), self.unpack("output"), self._dim
        grad_grad_output = softmax_backward_data(grad, output, dim)
        grad_output_part = grad_output * grad - sum_keepdim(output * grad_output, dim) * grad
        return grad_grad_output, grad_output_part - grad_output * sum_keepdim(output * grad, dim)


def softmax_backward_data(grad_output, output, dim: int):
    """The gradient of softmax from its output ``y``: ``y * (grad_output - sum(grad_output * y, dim))``."""
    g, y = _values(grad_output), _values(output)
    values = y * (g - np.sum(g * y, axis=dim, keepdims=True))
    if not on_tensors(grad_output):
        return values
    return record(SoftmaxBackwardDataBackward0, values, (grad_output, output),
                  saved={"grad_output": grad_output, "output": output}, attrs={"dim": dim}, state={"dim": dim})


class LogSoftmaxBackwardDataBackward0(Node):
    """d[g - exp(y) * sum(g)]: for g, grad - sum(grad * exp(y)); for y, -sum(g) * exp(y) * grad."""

    double_backward = True

    def apply(self, grad):
        grad_output, output, dim = self.unpack("grad_output"), self.unpack("output"), self._dim
        grad_grad_output = grad - sum_keepdim(grad * exp(output), dim)
        return grad_grad_output, -sum_keepdim(grad_output, dim) * exp(output) * grad


def log_softmax_backward_data(grad_output, output, dim: int):
    """The gradient of log_softmax from its output ``y``: ``grad_output - exp(y) * sum(grad_output, dim)``."""
    g, y = _values(grad_output), _values(output)
    values = g - np.exp(y) * np.sum(g, axis=dim, keepdims=True)
    if not on_tensors(grad_output):
        return values
    return record(LogSoftmaxBackwardDataBackward0, values, (grad_output, output),
                  saved={"grad_output": grad_output, "output": output}, attrs={"dim": dim}, state={"dim": dim})
