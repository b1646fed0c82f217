"""``torch.nn.utils.rnn``: padding a list of sequences of different lengths into one tensor, and back.

``pad_sequence`` is written as torch's ATen code does it: a tensor full of the padding value, then each
sequence copied into its place (so its ``grad_fn`` is a chain of ``CopySlices``). Packed sequences
(``PackedSequence`` and the ``pack_*`` functions) are not implemented: they raise a clear error.
"""

from __future__ import annotations

from ... import _factories, _ranges
from ...ops._util import is_tensor

_PACKED = ("minitorch does not implement packed sequences (torch.nn.utils.rnn.{name}); pad the sequences with "
           "pad_sequence and give the recurrent layer the padded tensor instead")


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


def _not_implemented(name: str):
    def refuse(*args, **kwargs):
        raise NotImplementedError(_PACKED.format(name=name))

    refuse.__name__ = refuse.__qualname__ = name
    refuse.__doc__ = f"Not implemented in minitorch: ``{name}`` raises NotImplementedError."
    return refuse


pack_padded_sequence = _not_implemented("pack_padded_sequence")
pad_packed_sequence = _not_implemented("pad_packed_sequence")
pack_sequence = _not_implemented("pack_sequence")
unpack_sequence = _not_implemented("unpack_sequence")
PackedSequence = _not_implemented("PackedSequence")
