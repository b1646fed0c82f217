"""Smooth L1 and Huber losses, each one node as ATen has them (``SmoothL1LossBackward0``,
``HuberLossBackward0``). ``reduction`` is torch's saved integer: 0 none, 1 mean, 2 sum.

Their gradients are ops of their own, as torch's (``smooth_l1_loss_backward``): with ``create_graph=True``
they are recorded as ``SmoothL1LossBackwardBackward0`` / ``HuberLossBackwardBackward0``, so a second
derivative can be taken. The target's gradient is the same op with input and target swapped, as in torch.
"""

from __future__ import annotations

import numpy as np

from ..autograd import node as _node
from ..autograd.node import Node, record
from ._formulas import divide, on_tensors, unbroadcast
from .loss import apply_loss_reduction

NONE, MEAN, SUM = 0, 1, 2


def _smooth_l1(diff, beta):
    """0.5 * d**2 / beta where |d| < beta, else |d| - 0.5 * beta (plain |d| when beta is 0)."""
    if beta == 0:
        return np.abs(diff)
    return np.where(np.abs(diff) < beta, 0.5 * diff * diff / beta, np.abs(diff) - 0.5 * beta)


def _huber(diff, delta):
    """0.5 * d**2 where |d| < delta, else delta * (|d| - 0.5 * delta)."""
    return np.where(np.abs(diff) < delta, 0.5 * diff * diff, delta * (np.abs(diff) - 0.5 * delta))


def _smooth_l1_slope(diff, beta):
    return np.sign(diff) if beta == 0 else np.where(np.abs(diff) < beta, diff / beta, np.sign(diff))


def _smooth_l1_curvature(diff, beta):
    return np.zeros_like(diff) if beta == 0 else np.where(np.abs(diff) < beta, 1 / beta, 0.0)


def _huber_slope(diff, delta):
    return np.where(np.abs(diff) < delta, diff, delta * np.sign(diff))


def _huber_curvature(diff, delta):
    return np.where(np.abs(diff) < delta, 1.0, 0.0)


# kind: (slope d loss / d diff, curvature d2 loss / d diff2, the name of the parameter torch saves)
KINDS = {"smooth_l1": (_smooth_l1_slope, _smooth_l1_curvature, "beta"),
         "huber": (_huber_slope, _huber_curvature, "delta")}


def _count(diff, reduction):
    return diff.size if reduction == MEAN else 1


class _RegressionLossBackwardBackward(Node):
    """d[slope(x - t) * g / n] = slope * grad / n for g, curvature * g * grad / n for x, its negation for t."""

    kind = ""
    double_backward = True

    def apply(self, grad):
        grad_output, x, target = self.unpack("grad_output"), self.unpack("self"), self.unpack("target")
        if on_tensors(grad):
            return self._recorded(grad, grad_output, x, target)
        slope, curvature, _ = KINDS[self.kind]
        diff, count = x - target, _count(x - target, self._saved_reduction)
        with np.errstate(all="ignore"):
            grad_grad = slope(diff, self._param) * grad / count
            if grad_output.ndim < grad_grad.ndim or grad_output.size < grad_grad.size:
                grad_grad = grad_grad.sum().reshape(grad_output.shape)
            grad_x = (curvature(diff, self._param) * grad * grad_output / count).astype(grad.dtype)
        return (grad_grad.astype(grad.dtype) if self.needs_input_grad(0) else None,
                grad_x if self.needs_input_grad(1) else None, -grad_x if self.needs_input_grad(2) else None)


    def _recorded(self, grad, grad_output, x, target) -> tuple:
        """torch's formulas, recorded: the loss's backward again for g (huber's with reduction: of ones, times
        grad, summed), ``*_double_backward(grad * g)`` for x and its negation for t."""
        reduction, param = self._saved_reduction, self._param
        grad_grad = grad_x = grad_target = None
        if self.needs_input_grad(0):
            if self.kind == "huber" and reduction != NONE:
                ones = _node.Tensor._wrap(np.ones_like(grad_output._data))
                grad_grad = (regression_loss_backward(self.kind, ones, x, target, reduction, param) * grad).sum()
            else:
                grad_grad = regression_loss_backward(self.kind, grad, x, target, reduction, param)
                grad_grad = unbroadcast(grad_grad, self.input_shape(0))
        if self.needs_input_grad(1):  # torch writes the formula twice, for x and for t: two chains of nodes
            grad_x = _recorded_double_backward(self.kind, grad * grad_output, x, target, reduction, param)
        if self.needs_input_grad(2):
            grad_target = -_recorded_double_backward(self.kind, grad * grad_output, x, target, reduction, param)
        return grad_grad, grad_x, grad_target


def _recorded_double_backward(kind, grad, x, target, reduction, param):
    """torch's ``smooth_l1_loss_double_backward`` / ``huber_loss_double_backward``: grad inside the band
    |x - t| < param (over beta for smooth L1), 0 outside, divided by numel for the mean."""
    inside = np.abs(x._data - target._data) < param
    if kind == "smooth_l1":
        if param == 0:  # torch's guard against dividing by beta = 0
            return _node.Tensor._wrap(np.zeros(grad.shape, grad._data.dtype))
        grad = divide(grad * _node.Tensor._wrap(inside.astype(grad._data.dtype)), param)
    else:
        grad = grad * _node.Tensor._wrap(inside)
    return divide(grad, x.numel()) if reduction == MEAN else grad


class SmoothL1LossBackwardBackward0(_RegressionLossBackwardBackward):
    """d smooth_l1_loss_backward: slope * grad / n for g, grad * g / beta / n inside the band for x (0 outside)."""

    kind = "smooth_l1"


class HuberLossBackwardBackward0(_RegressionLossBackwardBackward):
    """d huber_loss_backward: slope * grad / n for g, grad * g / n inside the delta band for x (0 outside)."""

    kind = "huber"


BACKWARD_NODES = {"smooth_l1": SmoothL1LossBackwardBackward0, "huber": HuberLossBackwardBackward0}


def regression_loss_backward(kind: str, grad, x, target, reduction: int, param: float):
    """torch's ``smooth_l1_loss_backward`` / ``huber_loss_backward``: slope(x - target) * grad (/ n for mean)."""
    values = [v._data if on_tensors(v) else v for v in (grad, x, target)]
    diff = values[1] - values[2]
    out = (KINDS[kind][0](diff, param) * values[0] / _count(diff, reduction)).astype(values[0].dtype)
    if not on_tensors(grad):
        return out
    return record(BACKWARD_NODES[kind], out, (grad, x, target),
                  saved={"grad_output": grad, "self": x, "target": target},
                  attrs={"reduction": reduction, KINDS[kind][2]: param}, state={"param": param})


class _RegressionLossBackward(Node):
    """d loss(input, target): grad_input = slope * grad (/ n for mean), grad_target = -grad_input."""

    kind = ""
    double_backward = True

    def apply(self, grad):
        x, target = self.unpack("self"), self.unpack("target")
        param = getattr(self, f"_saved_{KINDS[self.kind][2]}")
        reduction = self._saved_reduction
        grad_self = regression_loss_backward(self.kind, grad, x, target, reduction, param) \
            if self.needs_input_grad(0) else None
        if not self.needs_input_grad(1):
            return grad_self, None
        if on_tensors(grad):  # torch: the same op with input and target swapped
            return grad_self, regression_loss_backward(self.kind, grad, target, x, reduction, param)
        return grad_self, -grad_self if grad_self is not None else -regression_loss_backward(
            self.kind, grad, x, target, reduction, param)


class SmoothL1LossBackward0(_RegressionLossBackward):
    """d smooth_l1 / d input: d / beta inside the beta band, sign(d) outside (d = input - target)."""

    kind = "smooth_l1"


class HuberLossBackward0(_RegressionLossBackward):
    """d huber / d input: d inside the delta band, delta * sign(d) outside (d = input - target)."""

    kind = "huber"


def smooth_l1_loss(input, target, reduction: int, beta: float):
    """Smooth L1: quadratic for small differences, linear for large ones."""
    losses = _smooth_l1(input._data - target._data, beta)
    losses = apply_loss_reduction(losses, reduction).astype(input._data.dtype)
    return record(SmoothL1LossBackward0, losses, (input, target),
                  saved={"self": input, "target": target}, attrs={"reduction": reduction, "beta": beta})


def huber_loss(input, target, reduction: int, delta: float):
    """Huber: like smooth L1, but the linear part has slope ``delta``."""
    losses = _huber(input._data - target._data, delta)
    losses = apply_loss_reduction(losses, reduction).astype(input._data.dtype)
    return record(HuberLossBackward0, losses, (input, target),
                  saved={"self": input, "target": target}, attrs={"reduction": reduction, "delta": delta})
