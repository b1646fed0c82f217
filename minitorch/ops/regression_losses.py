"""Smooth L1 and Huber losses, each one node as ATen has them (``SmoothL1LossBackward0``,
``HuberLossBackward0``). ``reduction`` is torch's saved integer: 0 none, 1 mean, 2 sum."""

from __future__ import annotations

import numpy as np

from ..autograd.node import Node, record

MEAN, SUM = 1, 2


def _reduce(losses: np.ndarray, reduction: int) -> np.ndarray:
    if reduction == MEAN:
        return np.asarray(losses.mean(), dtype=losses.dtype)
    if reduction == SUM:
        return np.asarray(losses.sum(), dtype=losses.dtype)
    return losses


def _smooth_l1(diff, beta):
    """0.5 * d**2 / beta where |d| < beta, else |d| - 0.5 * beta (plain |d| when beta is 0)."""
    if beta == 0:
        return np.abs(diff)
    return np.where(np.abs(diff) < beta, 0.5 * diff * diff / beta, np.abs(diff) - 0.5 * beta)


def _huber(diff, delta):
    """0.5 * d**2 where |d| < delta, else delta * (|d| - 0.5 * delta)."""
    return np.where(np.abs(diff) < delta, 0.5 * diff * diff, delta * (np.abs(diff) - 0.5 * delta))


class _RegressionLossBackward(Node):
    """d loss(input, target): grad_input = slope * grad (/ n for mean), grad_target = -grad_input."""

    def _grads(self, grad, slope):
        count = slope.size if self._saved_reduction == MEAN else 1
        grad_self = (slope * grad / count).astype(grad.dtype)
        return (grad_self if self.needs_input_grad(0) else None, -grad_self if self.needs_input_grad(1) else None)


class SmoothL1LossBackward0(_RegressionLossBackward):
    """d smooth_l1 / d input: d / beta inside the beta band, sign(d) outside (d = input - target)."""

    def apply(self, grad):
        diff = self.unpack("self") - self.unpack("target")
        beta = self._saved_beta
        slope = np.sign(diff) if beta == 0 else np.where(np.abs(diff) < beta, diff / beta, np.sign(diff))
        return self._grads(grad, slope)


class HuberLossBackward0(_RegressionLossBackward):
    """d huber / d input: d inside the delta band, delta * sign(d) outside (d = input - target)."""

    def apply(self, grad):
        diff = self.unpack("self") - self.unpack("target")
        delta = self._saved_delta
        return self._grads(grad, np.where(np.abs(diff) < delta, diff, delta * np.sign(diff)))


def smooth_l1_loss(input, target, reduction: int, beta: float):
    """Smooth L1: quadratic for small differences, linear for large ones."""
    losses = _smooth_l1(input._data - target._data, beta)
    return record(SmoothL1LossBackward0, _reduce(losses, reduction).astype(input._data.dtype), (input, target),
                  saved={"self": input, "target": target}, attrs={"reduction": reduction, "beta": beta})


def huber_loss(input, target, reduction: int, delta: float):
    """Huber: like smooth L1, but the linear part has slope ``delta``."""
    losses = _huber(input._data - target._data, delta)
    return record(HuberLossBackward0, _reduce(losses, reduction).astype(input._data.dtype), (input, target),
                  saved={"self": input, "target": target}, attrs={"reduction": reduction, "delta": delta})
