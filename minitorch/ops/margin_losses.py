"""The margin losses ATen computes with their own kernels: ``soft_margin_loss``, ``multi_margin_loss`` and
``multilabel_margin_loss``, each with its backward node (``reduction``: 0 none, 1 mean, 2 sum).

- soft margin: ``log(1 + exp(-y * x))`` per element, for labels ``y`` of +1 or -1 (a smooth hinge);
- multi margin (multi-class hinge): per sample with class ``t``,
  ``sum over j != t of w[t] * max(0, margin - x[t] + x[j]) ** p / C``;
- multilabel margin: per sample with the target classes ``T`` (the target row up to its first -1),
  ``sum over t in T, j not in T of max(0, 1 - (x[t] - x[j])) / C``.
"""

import numpy as np

from ..autograd import node as _node
from ..autograd.node import Node, record
from ._util import check_broadcast
from .loss import MEAN, apply_loss_reduction


def _grad_per_element(grad, reduction, count):
    """The incoming gradient as one factor per element (spread evenly for 'mean')."""
    grad = np.asarray(grad)
    return grad / count if reduction == MEAN else grad


class SoftMarginLossBackward0(Node):
    """d log(1 + exp(-y x)) / dx = -y * exp(-y x) / (1 + exp(-y x)) = -y * sigmoid(-y x)."""

    def apply(self, grad):
        x, y = self.unpack("self"), self.unpack("target")
        z = np.exp(-y * x)
        scale = _grad_per_element(grad, self._saved_reduction, x.size)
        grad_x = (-y * z / (1 + z) * scale).astype(x.dtype) if self.needs_input_grad(0) else None
        grad_y = (-x * z / (1 + z) * scale).astype(x.dtype) if self.needs_input_grad(1) else None
        return grad_x, grad_y


def soft_margin_loss(input, target, reduction):  # noqa: A002
    """``log(1 + exp(-target * input))``, reduced."""
    check_broadcast(input.shape, target.shape)
    x, y = input._data, target._data.astype(input._data.dtype)
    losses = np.log1p(np.exp(-x * y)).astype(x.dtype)
    return record(SoftMarginLossBackward0, apply_loss_reduction(losses, reduction), (input, target),
                  saved={"self": input, "target": target}, attrs={"reduction": reduction})


def _hinges(x, target, p, margin, weight):
    """Per sample and class: ``w[t] * max(0, margin - x[t] + x[j]) ** p`` (0 at j = t), and where positive."""
    rows = np.arange(x.shape[0])
    z = margin - x[rows, target][:, None] + x
    z[rows, target] = 0
    positive = z > 0
    terms = np.where(positive, z if p == 1 else z * z, 0)
    if weight is not None:
        terms = terms * weight[target][:, None]
    return terms, z, positive


class MultiMarginLossBackward0(Node):
    """d/dx_j = w[t] * p * z_j ** (p - 1) / C where z_j = margin - x_t + x_j > 0 (j != t); x_t gets minus their sum."""

    def apply(self, grad):
        x, target = self.unpack("self"), self.unpack("target")
        weight = None if self._saved_weight is None else self.unpack("weight")
        flat_x, flat_t = x.reshape(-1, x.shape[-1]), target.reshape(-1)
        _, z, positive = _hinges(flat_x, flat_t, self._saved_p, self._saved_margin, weight)
        slopes = np.where(positive, 1.0 if self._saved_p == 1 else 2 * z, 0) / flat_x.shape[1]
        if weight is not None:
            slopes = slopes * weight[flat_t][:, None]
        rows = np.arange(flat_x.shape[0])
        slopes[rows, flat_t] = 0.0 - slopes.sum(axis=1)  # +0 when no margin is violated, as torch
        scale = _grad_per_element(grad, self._saved_reduction, flat_x.shape[0])
        scale = scale.reshape(-1, 1) if scale.ndim else scale
        return ((slopes * scale).astype(x.dtype).reshape(x.shape), None, None)


def multi_margin_loss(input, target, p, margin, weight, reduction):  # noqa: A002
    """The multi-class hinge loss of scores ``(N, C)`` (or ``(C,)``) against class indices ``(N,)``."""
    x = input._data.reshape(-1, input.shape[-1]) if input.ndim else input._data.reshape(1, 1)
    t = target._data.reshape(-1)
    terms, _, _ = _hinges(x, t, p, margin, None if weight is None else weight._data)
    losses = (terms.sum(axis=1) / x.shape[1]).astype(x.dtype)
    losses = losses.reshape(target.shape) if input.ndim > 1 else losses.reshape(())
    return record(MultiMarginLossBackward0, apply_loss_reduction(losses, reduction), (input, target, weight),
                  saved={"self": input, "target": target, "weight": weight},
                  attrs={"p": p, "margin": margin, "reduction": reduction})


def _is_target(target, classes):
    """One row per sample with 1 at its target classes (those before the first -1)."""
    marks = np.zeros(target.shape, dtype=bool)
    for row, labels in zip(marks, target):
        ends = np.flatnonzero(labels < 0)
        row[labels[:ends[0] if ends.size else classes]] = True
    return marks


def _pair_margins(x, marks):
    """``1 - (x[t] - x[j])`` for every target t (axis 1) and non-target j (axis 2), masked to valid pairs."""
    z = 1 - (x[:, :, None] - x[:, None, :])
    valid = marks[:, :, None] & ~marks[:, None, :] & (z > 0)
    return z, valid


class MultilabelMarginLossBackward0(Node):
    """Each pair (target t, other j) with 1 - (x_t - x_j) > 0 adds 1/C to x_j's gradient and -1/C to x_t's."""

    def apply(self, grad):
        x = self.unpack("self")
        flat_x = x.reshape(-1, x.shape[-1])
        marks = self.unpack("is_target").reshape(flat_x.shape) > 0
        _, valid = _pair_margins(flat_x, marks)
        slopes = (valid.sum(axis=1) - valid.sum(axis=2)) / flat_x.shape[1]
        scale = _grad_per_element(grad, self._saved_reduction, flat_x.shape[0])
        scale = scale.reshape(-1, 1) if scale.ndim else scale
        return ((slopes * scale).astype(x.dtype).reshape(x.shape), None)


def multilabel_margin_loss(input, target, reduction):  # noqa: A002
    """The multi-label hinge loss of scores ``(N, C)`` (or ``(C,)``) against padded target rows (-1 ends them)."""
    x = input._data.reshape(-1, input.shape[-1])
    labels = target._data.reshape(x.shape)
    marks = _is_target(labels, x.shape[1])
    z, valid = _pair_margins(x, marks)
    losses = (np.where(valid, z, 0).sum(axis=(1, 2)) / x.shape[1]).astype(x.dtype)
    losses = losses if input.ndim > 1 else losses.reshape(())
    is_target = _node.Tensor._wrap(marks.reshape(input.shape).astype(x.dtype))
    return record(MultilabelMarginLossBackward0, apply_loss_reduction(losses, reduction), (input, target),
                  saved={"self": input, "target": target}, attrs={"reduction": reduction, "is_target": is_target})
