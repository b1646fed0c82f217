"""``torch.nn.utils.rnn``: sequences of different lengths in one batch, padded or packed.

``pad_sequence`` is written as torch's ATen code does it: a tensor full of the padding value, then each
sequence copied into its place (so its ``grad_fn`` is a chain of ``CopySlices``).

A ``PackedSequence`` holds the same sequences without padding: their steps laid end to end, time step by
time step (``data``), how many sequences are still running at each step (``batch_sizes``), and the
permutation that sorted the batch longest first (``sorted_indices``, undone by ``unsorted_indices``). The
recurrent layers take one and skip the padding: each sequence's last hidden state is its own last step's.
"""

from __future__ import annotations

from typing import NamedTuple

from ... import _dtype, _factories, _ranges
from ...ops import index_ops
from ...ops._util import is_tensor
from ...ops.packed_sequence import pack_padded_sequence as _pack_padded
from ...ops.sorting import sort


def pad_sequence(sequences, batch_first=False, padding_value=0.0, padding_side="right"):
    """Stack sequences of shape ``(length_i, *)`` into ``(longest, batch, *)`` (or ``(batch, longest, *)`` with
    ``batch_first``), filling the missing steps with ``padding_value`` on the right (or the left)."""
    if padding_side not in ("left", "right"):
        raise RuntimeError(f"Expected padding_side to be one of left or right, but got {padding_side}.")
    sequences = list(sequences.unbind(0)) if is_tensor(sequences) else list(sequences)
    if not sequences:
        raise RuntimeError("received an empty list of sequences")
    longest = max(len(sequence) for sequence in sequences)
    trailing = tuple(sequences[0].shape[1:])
    shape = (len(sequences), longest) + trailing if batch_first else (longest, len(sequences)) + trailing
    out = _factories.full(shape, padding_value, dtype=sequences[0].dtype)
    for i, sequence in enumerate(sequences):
        start = longest - len(sequence) if padding_side == "left" else 0
        out.select(0 if batch_first else 1, i).narrow(0, start, len(sequence)).copy_(sequence)
    return out


def unpad_sequence(padded_sequences, lengths, batch_first=False):
    """The list of sequences ``pad_sequence`` padded, each cut back to its length (by a mask, as torch's).

    Without ``batch_first`` the padded tensor is transposed in place, as torch's function does."""
    if not batch_first:
        padded_sequences.transpose_(0, 1)  # in place, as torch's own code does
    longest = padded_sequences.shape[1]
    return [sequence[_ranges.arange(longest) < length] for sequence, length in zip(padded_sequences, lengths)]


class PackedSequence_(NamedTuple):
    """The four fields of a ``PackedSequence``."""

    data: object
    batch_sizes: object
    sorted_indices: object
    unsorted_indices: object


class PackedSequence(PackedSequence_):
    """``(data, batch_sizes, sorted_indices, unsorted_indices)``; made by ``pack_padded_sequence`` or
    ``pack_sequence``, never by hand. Prints as torch's ``PackedSequence(data=..., batch_sizes=..., ...)``."""

    def __new__(cls, data, batch_sizes=None, sorted_indices=None, unsorted_indices=None):
        """As torch's: ``unsorted_indices`` is the inverse of ``sorted_indices`` unless given; without
        ``batch_sizes``, ``data`` is the pair ``(data, batch_sizes)``."""
        if unsorted_indices is None:
            unsorted_indices = invert_permutation(sorted_indices)
        if batch_sizes is None:
            if not (isinstance(data, (list, tuple)) and len(data) == 2):
                raise AssertionError("Expected data to be a list or tuple of length 2")
            data, batch_sizes = data
        return super().__new__(cls, data, batch_sizes, sorted_indices, unsorted_indices)

    def to(self, *args, **kwargs):
        """The same sequence with ``data`` converted (``self`` when nothing changes)."""
        data = self.data.to(*args, **kwargs)
        return self if data is self.data else type(self)(data, self.batch_sizes, self.sorted_indices,
                                                         self.unsorted_indices)

    def cpu(self, *args, **kwargs):
        """``self``: everything already lives on the CPU."""
        return self.to(*args, **kwargs)

    def cuda(self, *args, **kwargs):
        """torch's CPU-only error, as ``Tensor.cuda``."""
        return type(self)(self.data.cuda(*args, **kwargs), self.batch_sizes, self.sorted_indices,
                          self.unsorted_indices)

    def pin_memory(self):
        """``self`` (pinned memory means nothing without a GPU)."""
        return self

    def double(self):
        """``data`` as float64."""
        return self.to(dtype=_dtype.float64)

    def float(self):
        """``data`` as float32."""
        return self.to(dtype=_dtype.float32)

    def half(self):
        """``data`` as float16."""
        return self.to(dtype=_dtype.float16)

    def long(self):
        """``data`` as int64."""
        return self.to(dtype=_dtype.int64)

    def int(self):
        """``data`` as int32."""
        return self.to(dtype=_dtype.int32)

    def short(self):
        """``data`` as int16."""
        return self.to(dtype=_dtype.int16)

    def char(self):
        """``data`` as int8."""
        return self.to(dtype=_dtype.int8)

    def byte(self):
        """``data`` as uint8."""
        return self.to(dtype=_dtype.uint8)

    @property
    def is_cuda(self):
        """False: minitorch runs on the CPU."""
        return self.data.is_cuda

    def is_pinned(self):
        """False."""
        return False


def invert_permutation(permutation):
    """The permutation that undoes ``permutation`` (None for None)."""
    if permutation is None:
        return None
    output = _factories.empty_like(permutation)
    return output.scatter_(0, permutation, _ranges.arange(0, permutation.numel()))


def pack_padded_sequence(input, lengths, batch_first=False, enforce_sorted=True):
    """Pack a padded batch ``(T, B, *)`` (``(B, T, *)`` with ``batch_first``) of sequences of ``lengths``;
    with ``enforce_sorted=False`` the batch is first sorted longest first (and unsorted again later)."""
    if is_tensor(lengths):
        lengths = lengths.to(dtype=_dtype.int64)
    else:
        lengths = _factories.as_tensor(lengths, dtype=_dtype.int64)
    sorted_indices = None
    if not enforce_sorted:
        lengths, sorted_indices = sort(lengths, descending=True)
        input = index_ops.index_select(input, 0 if batch_first else 1, sorted_indices)
    if lengths.dim() != 1:
        raise RuntimeError(f"'lengths' argument should be a 1D CPU int64 tensor, but got {lengths.dim()}D cpu Long "
                           "tensor")
    data, batch_sizes = _pack_padded(input, lengths.tolist(), batch_first)
    return PackedSequence(data, batch_sizes, sorted_indices, None)


def pad_packed_sequence(sequence, batch_first=False, padding_value=0.0, total_length=None):
    """The padded batch ``(T, B, *)`` (or ``(B, T, *)``) and the lengths (int64) of a packed sequence, in the
    order the batch had before packing; ``total_length`` pads to at least that many steps."""
    batch_sizes = sequence.batch_sizes.tolist()
    max_seq_length = len(batch_sizes)
    if total_length is not None:
        if total_length < max_seq_length:
            raise ValueError("Expected total_length to be at least the length of the longest sequence in input, but "
                             f"got total_length={total_length} and max sequence length being {max_seq_length}")
        max_seq_length = total_length
    padded, lengths = _pad_packed(sequence.data, batch_sizes, batch_first, padding_value, max_seq_length)
    if sequence.unsorted_indices is not None:
        return (index_ops.index_select(padded, 0 if batch_first else 1, sequence.unsorted_indices),
                lengths[sequence.unsorted_indices])
    return padded, lengths


def _pad_packed(data, batch_sizes, batch_first, padding_value, max_seq_length):
    """ATen's ``_pad_packed_sequence``: a full tensor, then one copy per run of steps with the same batch size."""
    output = _factories.full((max_seq_length, batch_sizes[0]) + tuple(data.shape[1:]), padding_value,
                             dtype=data.dtype)
    lengths = [0] * batch_sizes[0]
    offset, start = 0, 0
    for step in range(len(batch_sizes) + 1):
        batch_size = batch_sizes[step] if step < len(batch_sizes) else 0
        previous = batch_sizes[start] if start < len(batch_sizes) else 0
        if batch_size == previous:
            continue
        count = previous * (step - start)
        block = data.narrow(0, offset, count).view(step - start, previous, *data.shape[1:])
        output.narrow(0, start, step - start).narrow(1, 0, previous).copy_(block)
        offset, start = offset + count, step
        for i in range(batch_size, previous):
            lengths[i] = step
    output = output.transpose(0, 1) if batch_first else output
    return output, _factories.tensor(lengths, dtype=_dtype.int64)


def pack_sequence(sequences, enforce_sorted=True):
    """Pack a list of sequences ``(length_i, *)`` (longest first unless ``enforce_sorted=False``)."""
    lengths = _factories.as_tensor([v.size(0) for v in sequences])
    return pack_padded_sequence(pad_sequence(sequences), lengths, enforce_sorted=enforce_sorted)


def unpack_sequence(packed_sequences):
    """The list of sequences a ``PackedSequence`` holds, in their original order."""
    padded_sequences, lengths = pad_packed_sequence(packed_sequences, batch_first=True)
    return unpad_sequence(padded_sequences, lengths, batch_first=True)
