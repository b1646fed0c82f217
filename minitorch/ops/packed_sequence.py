"""``_pack_padded_sequence``: the steps of a padded batch laid end to end, without the padding, beside its
backward Node (``PackPaddedSequenceBackward0``).

A padded batch ``(T, B, *)`` whose sequences are sorted longest first is read time step by time step: step
``t`` keeps the ``batch_sizes[t]`` sequences that are still running, so ``data`` is ``(sum(lengths), *)``
and ``batch_sizes[t]`` counts the sequences longer than ``t``.
"""

from __future__ import annotations

import numpy as np

from ..autograd import node as _node
from ..autograd.node import FormulaMode, Node, record


class PackPaddedSequenceBackward0(Node):
    """d data / d input: each step's gradient written back into its rows of a zero padded batch."""

    double_backward = True  # with create_graph=True: torch's composite (zeros, one copy_ per step, transpose)

    def apply(self, grad):
        time_major = list(self._input_size)
        if self._batch_first:
            time_major[0], time_major[1] = time_major[1], time_major[0]
        if FormulaMode.on_tensors:
            return (self._recorded(grad, time_major),)
        grad_input = np.zeros(time_major, dtype=grad.dtype)
        offset = 0
        for step, batch_size in enumerate(self._batch_sizes):
            grad_input[step, :batch_size] = grad[offset:offset + batch_size]
            offset += batch_size
        return (np.swapaxes(grad_input, 0, 1) if self._batch_first else grad_input,)

    def _recorded(self, grad, time_major):
        grad_input = _node.Tensor._wrap(np.zeros(time_major, dtype=grad._data.dtype))
        offset = 0
        for step, batch_size in enumerate(self._batch_sizes):
            grad_input.select(0, step).narrow(0, 0, batch_size).copy_(grad.narrow(0, offset, batch_size))
            offset += batch_size
        return grad_input.transpose(0, 1) if self._batch_first else grad_input


def _check_lengths(lengths, batch_size):
    """torch's errors for lengths of another count, a zero length, or lengths not sorted longest first."""
    if len(lengths) != batch_size:
        raise RuntimeError(f"Expected `len(lengths)` to be equal to batch_size, but got {len(lengths)} "
                           f"(batch_size={batch_size})")
    if lengths[-1] <= 0:
        raise RuntimeError("Length of all samples has to be greater than 0, but found an element in 'lengths' that "
                           "is <= 0")
    if any(later > earlier for earlier, later in zip(lengths, lengths[1:])):
        raise RuntimeError("`lengths` array must be sorted in decreasing order when `enforce_sorted` is True. You "
                           "can pass `enforce_sorted=False` to pack_padded_sequence and/or pack_sequence to "
                           "sidestep this requirement if you do not need ONNX exportability.")


def pack_padded_sequence(input, lengths, batch_first):
    """``(data, batch_sizes)`` of a padded batch whose ``lengths`` (a list of ints) are sorted longest first."""
    values = np.swapaxes(input._data, 0, 1) if batch_first else input._data
    if values.size == 0:
        raise RuntimeError("Cannot pack empty tensors.")
    _check_lengths(lengths, values.shape[1])
    batch_sizes = [sum(1 for length in lengths if length > step) for step in range(lengths[0])]
    data = np.concatenate([values[step, :batch_size] for step, batch_size in enumerate(batch_sizes)])
    batch_sizes_tensor = _node.Tensor._wrap(np.array(batch_sizes, dtype=np.int64))
    packed = record(PackPaddedSequenceBackward0, data, (input,),
                    attrs={"batch_first": batch_first, "input_sym_sizes": tuple(input.shape),
                           "result1": batch_sizes_tensor},
                    state={"input_size": tuple(input.shape), "batch_sizes": batch_sizes, "batch_first": batch_first})
    return packed, batch_sizes_tensor
