"""The gradients of binary_cross_entropy and binary_cross_entropy_with_logits with ``create_graph=True``, as
torch records them. binary_cross_entropy: the input's gradient is
an op of its own (``binary_cross_entropy_backward``: ``BinaryCrossEntropyBackwardBackward0``), the target's is
``-logit(p) * grad`` step by step. The second-order node's formulas are torch's
(``binary_cross_entropy_double_backward``, ``..._grad_output``, ``..._target``), written with ops, so they
are recorded again for a third derivative and computed on constant tensors in a plain backward.
"""

from __future__ import annotations

from contextlib import nullcontext

import numpy as np

from ..autograd import node as _node
from ..autograd.grad_mode import no_grad
from ..autograd.node import Node, record
from ._formulas import add_number, divide, number_minus, scale, unbroadcast
from .activations import activation

MEAN = 1  # the reduction code of ops/loss.py
EPSILON = 1e-12  # torch's, for every dtype


def bce_input_gradient_values(grad, x, target, weight, reduction):
    """``grad * (x - t) / max(x (1 - x), 1e-12)``, weighted, divided by numel for the mean (arrays)."""
    scale_ = grad / x.size if reduction == MEAN else grad
    return (scale_ * weight * (x - target) / np.maximum((1 - x) * x, EPSILON)).astype(x.dtype, copy=False)


def recorded_bce_gradients(node, grad, x, target, weight):
    """(d input, d target) on Tensors: ``binary_cross_entropy_backward`` as a recorded op, and torch's
    ``binary_cross_entropy_target_backward`` (``-logit(x) * grad * weight``, / numel for the mean)."""
    reduction = node._saved_reduction
    grad_self = grad_target = None
    if node.needs_input_grad(0):
        values = bce_input_gradient_values(grad._data, x._data, target._data, 1 if weight is None else weight._data,
                                           reduction)
        grad_self = record(BinaryCrossEntropyBackwardBackward0, values, (grad, x, target),
                           saved={"grad_output": grad, "self": x, "target": target, "weight": weight},
                           attrs={"reduction": reduction})
    if node.needs_input_grad(1):
        grad_target = -x.logit() * grad
        grad_target = _weighted_mean(grad_target, weight, reduction, target.numel())
    return grad_self, grad_target


def _weighted_mean(values, weight, reduction, count):
    """``values`` times the weight (if any), divided by ``count`` for the mean."""
    if weight is not None:
        values = values * weight
    return divide(values, count) if reduction == MEAN else values


class BinaryCrossEntropyBackwardBackward0(Node):
    """d[g * (x - t) / (x (1 - x)) * w]: for g, (x - t) / (x (1 - x)) * w * grad; for x,
    (x**2 - 2 x t + t) / (x (1 - x))**2 * w * g * grad; for t, -w * g * grad / (x (1 - x))."""

    double_backward = True

    def apply(self, grad):
        names = ("grad_output", "self", "target")
        grad_output, x, target = (self.unpack(name) for name in names)
        weight = None if self._raw_saved_weight is None else self.unpack("weight")
        tensors = isinstance(grad, _node.Tensor)
        if not tensors:  # a plain backward: torch's formulas on constant tensors
            grad, grad_output, x, target, weight = (None if v is None else _node.Tensor._wrap(np.asarray(v))
                                                    for v in (grad, grad_output, x, target, weight))
        with no_grad() if not tensors else nullcontext():
            results = self._gradients(grad, grad_output, x, target, weight)
        return results if tensors else tuple(None if r is None else r._data for r in results)

    def _gradients(self, grad, grad_output, x, target, weight) -> tuple:
        reduction, count = self._saved_reduction, x.numel()
        grad_grad_output = grad_x = grad_target = None
        if self.needs_input_grad(0):
            slope = (x - target) / (add_number(x, EPSILON) * add_number(number_minus(1, x), EPSILON))
            grad_grad_output = unbroadcast(_weighted_mean(slope * grad, weight, reduction, count),
                                           self.input_shape(0))
        if self.needs_input_grad(1):
            numerator = x * x - scale(x, 2, skip_one=False) * target + target
            denominator = add_number(x, EPSILON) ** 2 * add_number(number_minus(1, x), EPSILON) ** 2
            grad_x = _weighted_mean(numerator / denominator * (grad * grad_output), weight, reduction, count)
        if self.needs_input_grad(2):
            denominator = number_minus(1, x) * x
            with no_grad():
                denominator.clamp_min_(EPSILON)
            grad_target = -grad * grad_output
            grad_target = (grad_target if weight is None else grad_target * weight) / denominator
            grad_target = divide(grad_target, count) if reduction == MEAN else grad_target
        return grad_grad_output, grad_x, grad_target


def bce_with_logits_backward(node, grad, x, target, weight, pos_weight):
    """torch's gradients for the logits and the target on Tensors (``create_graph=True``), step by step, so
    they are recorded (``binary_cross_entropy_with_logits_backward`` and ``..._target_backward``)."""
    grad_input = grad_target = None
    weight = None if isinstance(weight, int) else weight  # loss.py passes 1 for no weight
    if node.needs_input_grad(0):
        if pos_weight is None:
            grad_input = x.sigmoid() - target
        else:
            scaled_target = pos_weight * target
            grad_input = (add_number(scaled_target, 1) - target) * x.sigmoid() - scaled_target
        grad_input = _weighted_mean(grad_input * grad, weight, node._saved_reduction, x.numel())
    if node.needs_input_grad(1):
        if pos_weight is None:
            grad_target = -x * grad
        else:
            grad_target = (activation("logsigmoid", -x) - activation("logsigmoid", x) * pos_weight) * grad
        grad_target = _weighted_mean(grad_target, weight, node._saved_reduction, target.numel())
    return grad_input, grad_target
