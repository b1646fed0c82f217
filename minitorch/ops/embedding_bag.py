"""``embedding_bag``: the sum, mean or max of bags of embedding rows, without building the rows in between.

``indices`` is one flat list; ``offsets[b]`` is where bag ``b`` starts in it (the last bag runs to the end,
or to a final offset with ``include_last_offset``). In ``'sum'`` mode each row may be scaled by its
``per_sample_weights`` entry; an empty bag gives zeros; rows at ``padding_idx`` are left out (and not counted
by the mean). Recorded as torch's ``EmbeddingBagBackward0``, with edges to the weight and the per-sample
weights.
"""

import numpy as np

from ..autograd.node import Node, record

MODES = {"sum": 0, "mean": 1, "max": 2}


def bags(offsets, count, include_last_offset):
    """The ``(start, end)`` of every bag in the flat index list of ``count`` entries."""
    starts = [int(o) for o in offsets]
    if include_last_offset:
        return [(start, min(end, count)) for start, end in zip(starts[:-1], starts[1:])]
    return list(zip(starts, starts[1:] + [count]))


def _bag_rows(indices, start, end, padding_idx):
    """Positions in ``indices[start:end]`` that take part (those not at ``padding_idx``)."""
    return [i for i in range(start, end) if indices[i] != padding_idx]


def _reduce(weight, indices, spans, mode, per_sample_weights, padding_idx):
    """The bag values ``(B, dim)``, and for max mode the row each value came from (-1 for an empty bag)."""
    out = np.zeros((len(spans), weight.shape[1]), dtype=weight.dtype)
    argmax = np.full(out.shape, -1, dtype=np.int64)
    for b, (start, end) in enumerate(spans):
        members = _bag_rows(indices, start, end, padding_idx)
        if not members:
            continue
        if mode == "max":
            rows = weight[indices[members]]
            best = rows.argmax(axis=0)
            out[b] = rows[best, np.arange(rows.shape[1])]
            argmax[b] = indices[members][best]
            continue
        for i in members:  # one row at a time, in order, in the weight's dtype
            row = weight[indices[i]]
            out[b] += row if per_sample_weights is None else row * per_sample_weights[i]
        if mode == "mean":
            out[b] /= len(members)
    return out, argmax


class EmbeddingBagBackward0(Node):
    """d bag(w)[b] / d w[i] = 1 (sum; times the sample's weight), 1 / bag size (mean), or 1 at the max (max);
    d bag[b] / d per_sample_weight[i] = w[indices[i]] . grad[b]."""

    def apply(self, grad):
        weight, indices, psw = self.unpack("weight"), self.unpack("indices"), self._psw
        grad_weight = np.zeros(self.input_shape(0), dtype=grad.dtype) if self.needs_input_grad(0) else None
        grad_psw = np.zeros(indices.shape, dtype=grad.dtype) if self.needs_input_grad(1) else None
        for b, (start, end) in enumerate(self._spans):
            members = _bag_rows(indices, start, end, self._padding_idx)
            if grad_weight is not None and self._mode == "max" and members:
                np.add.at(grad_weight, (self._argmax[b], np.arange(grad.shape[1])), grad[b])
            elif grad_weight is not None and members:
                # torch scales by the reciprocal of the bag size, in the gradient's precision
                share = grad[b] * grad.dtype.type(1.0 / len(members)) if self._mode == "mean" else grad[b]
                for i in members:
                    grad_weight[indices[i]] += share if psw is None else share * psw[i]
            if grad_psw is not None:
                for i in members:
                    grad_psw[i] = weight[indices[i]] @ grad[b]
        return grad_weight, grad_psw


def embedding_bag(weight, indices, offsets, mode, per_sample_weights, include_last_offset, padding_idx):
    """Record the bags' sums, means or maxima; the arguments are already checked."""
    num = weight.shape[0]
    idx = indices._data.astype(np.int64)
    bad = np.flatnonzero((idx < 0) | (idx >= num))
    if bad.size:
        raise RuntimeError(f"Index {bad[0]} of input takes value {idx[bad[0]]} which is not in the valid range "
                           f"[0, {num})")
    padding = -1 if padding_idx is None else padding_idx % num
    spans = bags(offsets._data, idx.size, include_last_offset)
    psw = None if per_sample_weights is None else per_sample_weights._data
    out, argmax = _reduce(weight._data, idx, spans, mode, psw, padding)
    return record(EmbeddingBagBackward0, out, (weight, per_sample_weights),
                  saved={"weight": weight, "indices": indices, "offsets": offsets},
                  attrs={"mode": MODES[mode], "padding_idx": padding % 2**64, "weight_sym_argsize_0": num},
                  state={"spans": spans, "padding_idx": padding, "mode": mode, "argmax": argmax, "psw": psw})
