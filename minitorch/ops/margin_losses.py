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
from .loss import MEAN, NONE, apply_loss_reduction, check_no_requires_grad


class SoftMarginLossBackward0(Node):
    """d log(1 + exp(-y x)) / dx = -y * exp(-y x) / (1 + exp(-y x)), computed as torch: y z (-norm) / (1 + z)."""

    def apply(self, grad):
        x, y = self.unpack("self"), self.unpack("target")
        z = np.exp(-y * x).astype(x.dtype)
        count = np.broadcast(x, y).size
        scale = x.dtype.type(-(1.0 / count if self._saved_reduction == MEAN else 1.0))
        return (((y * z * scale) / (z + 1) * grad).astype(x.dtype),)


def soft_margin_loss(input, target, reduction):  # noqa: A002
    """``log(1 + exp(-target * input))``, reduced."""
    check_no_requires_grad(target, "target", "soft_margin_loss")
    check_broadcast(input.shape, target.shape)
    if not input.dtype.is_floating_point:  # its exp() gives floats that an integer result cannot hold
        raise RuntimeError(f"result type Float can't be cast to the desired output type {input.dtype.legacy_name}")
    x, y = input._data, target._data.astype(input._data.dtype)
    losses = np.log1p(np.exp(-x * y)).astype(x.dtype)
    return record(SoftMarginLossBackward0, apply_loss_reduction(losses, reduction), (input,),
                  saved={"self": input, "target": target}, attrs={"reduction": reduction})


def _sequential_sum(values, axis=-1):
    """The sum along ``axis`` added left to right, as a C loop adds (numpy's sum adds pairwise)."""
    return np.cumsum(values, axis=axis).take(-1, axis=axis) if values.shape[axis] else values.sum(axis=axis)


def _reduced(per_sample, reduction, count=None):
    """The per-sample losses, or their sum (or mean over ``count``) accumulated in float64 as torch's kernels do."""
    if reduction == NONE:
        return per_sample
    total = _sequential_sum(per_sample.reshape(-1).astype(np.float64), 0)
    return np.asarray(total / (count or per_sample.size) if reduction == MEAN else total, dtype=per_sample.dtype)


def _margins(x, target, margin):
    """``margin - x[t] + x[d]`` for every sample and class, in the input's precision, and where it counts."""
    rows = np.arange(x.shape[0])
    z = (x.dtype.type(margin) - x[rows, target])[:, None] + x
    counts = z > 0
    counts[rows, target] = False
    return z, counts


class MultiMarginLossBackward0(Node):
    """d/dx_d = w[t] * (1 or 2 z_d) / C where z_d = margin - x_t + x_d > 0 (d != t); x_t gets minus their sum."""

    def apply(self, grad):
        x, target = self.unpack("self"), self.unpack("target")
        weight = None if self._saved_weight is None else self.unpack("weight")
        flat_x, flat_t = x.reshape(-1, x.shape[-1]), target.reshape(-1)
        z, counts = _margins(flat_x, flat_t, self._saved_margin)
        samples, classes = flat_x.shape
        g = flat_x.dtype.type(1.0 / (samples * classes) if self._saved_reduction == MEAN else 1.0 / classes)
        slopes = np.where(counts, g if self._saved_p == 1 else 2 * g * z, 0).astype(flat_x.dtype)
        if weight is not None:
            slopes = slopes * weight[flat_t][:, None]
        rows = np.arange(samples)
        slopes[rows, flat_t] = 0.0 - _sequential_sum(slopes, 1)  # +0 when no margin counts, as torch
        scale = np.asarray(grad, dtype=flat_x.dtype)
        scale = scale.reshape(-1, 1) if scale.ndim else scale
        return ((slopes * scale).reshape(x.shape),)


def multi_margin_loss(input, target, p, margin, weight, reduction):  # noqa: A002
    """The multi-class hinge loss of scores ``(N, C)`` (or ``(C,)``) against class indices ``(N,)``: per sample
    ``sum over d != t of w[t] * max(0, margin - x[t] + x[d]) ** p / C``, added in the input's precision."""
    check_no_requires_grad(weight, "weight", "multi_margin_loss")
    x = input._data.reshape(-1, input.shape[-1]) if input.ndim else input._data.reshape(1, 1)
    t = target._data.reshape(-1)
    z, counts = _margins(x, t, margin)
    terms = np.where(counts, z if p == 1 else z * z, 0).astype(x.dtype)
    if weight is not None:
        terms = terms * weight._data[t][:, None]
    losses = _sequential_sum(terms, 1) / x.dtype.type(x.shape[1])
    losses = losses.reshape(target.shape) if input.ndim > 1 else losses.reshape(())
    return record(MultiMarginLossBackward0, _reduced(losses, reduction), (input,),
                  saved={"self": input, "target": target, "weight": weight},
                  attrs={"p": p, "margin": margin, "reduction": reduction})


def _labels(row):
    """The target classes of one sample: its entries before the first -1 (repeats count again)."""
    ends = np.flatnonzero(row < 0)
    return row[:ends[0] if ends.size else row.size]


def _pair_terms(x_row, labels, marks):
    """``1 - x[t] + x[d]`` for each listed target t (rows, in order) and each class d outside the targets."""
    return (1 - x_row[labels])[:, None] + x_row[None, ~marks]


class MultilabelMarginLossBackward0(Node):
    """Each pair (target t, other class d) with 1 - x_t + x_d > 0 adds g = 1/C to x_d's gradient and -g to x_t's."""

    def apply(self, grad):
        x, target = self.unpack("self"), self.unpack("target")
        flat_x, flat_t = x.reshape(-1, x.shape[-1]), target.reshape(-1, x.shape[-1])
        marks = self.unpack("is_target").reshape(flat_x.shape) > 0
        samples, classes = flat_x.shape
        g = flat_x.dtype.type(1.0 / (samples * classes) if self._saved_reduction == MEAN else 1.0 / classes)
        hits = np.zeros(flat_x.shape, dtype=np.int64)  # signed count of the g's each entry receives
        for row, (x_row, labels_row, mark_row) in enumerate(zip(flat_x, flat_t, marks)):
            labels = _labels(labels_row)
            counted = _pair_terms(x_row, labels, mark_row) > 0
            np.subtract.at(hits[row], labels, counted.sum(axis=1))
            hits[row, ~mark_row] += counted.sum(axis=0)
        out = _repeated_sum(g, hits)
        scale = np.asarray(grad, dtype=flat_x.dtype)
        scale = scale.reshape(-1, 1) if scale.ndim else scale
        return ((out * scale).reshape(x.shape),)


def _repeated_sum(g, counts):
    """``g`` added ``|count|`` times (subtracted when negative), one at a time in the input's precision, as the
    kernel's loop adds it."""
    steps = np.cumsum(np.full(max(int(np.abs(counts).max(initial=0)), 1), g))
    values = np.where(counts == 0, 0, steps[np.maximum(np.abs(counts) - 1, 0)])
    return (np.sign(counts) * values).astype(g.dtype) + g.dtype.type(0)


def multilabel_margin_loss(input, target, reduction):  # noqa: A002
    """The multi-label hinge loss of scores ``(N, C)`` (or ``(C,)``) against padded target rows (-1 ends them):
    per sample ``sum over listed targets t, classes d outside them of max(0, 1 - x[t] + x[d]) / C``."""
    if not input.dtype.is_floating_point:
        raise NotImplementedError("\"multilabel_margin_loss_forward_out_frame\" not implemented for "
                                  f"'{input.dtype.legacy_name}'")
    x = input._data.reshape(-1, input.shape[-1])
    labels = target._data.reshape(x.shape)
    marks = np.zeros(x.shape, dtype=bool)
    sums = np.zeros(x.shape[0], dtype=np.float64)
    for row in range(x.shape[0]):
        marks[row, _labels(labels[row])] = True
        terms = _pair_terms(x[row], _labels(labels[row]), marks[row])
        sums[row] = _sequential_sum(np.where(terms > 0, terms, 0).astype(np.float64).reshape(-1), 0)
    if reduction == NONE and input.ndim > 1:
        out = sums.astype(x.dtype) / x.dtype.type(x.shape[1])
    else:
        total = _sequential_sum(sums.astype(x.dtype).astype(np.float64), 0) / x.shape[1]
        out = np.asarray(total / x.shape[0] if reduction == MEAN else total, dtype=x.dtype)
    is_target = _node.Tensor._wrap(marks.reshape(input.shape).astype(x.dtype))
    return record(MultilabelMarginLossBackward0, out, (input,),
                  saved={"self": input, "target": target}, attrs={"reduction": reduction, "is_target": is_target})
