"""``unsafe_split`` / ``unsafe_chunk``: ``split`` whose pieces are not tracked as views.

torch's recurrent cells cut their gate pre-activations ``(batch, k * hidden)`` into ``k`` pieces with
``unsafe_chunk(k, 1)``: the pieces are plain tensors (no ``_base``, no view history), so changing one in
place does not rewrite the history of the others. Their node is ``UnsafeSplitBackward0``.
"""

import numpy as np

from ..autograd import node as _node
from ..autograd.node import Node, record_outputs
from ._formulas import on_tensors
from ._util import wrap_dim
from .join import cat


class UnsafeSplitBackward0(Node):
    """d unsafe_split(x, size, dim): the pieces' gradients joined back along ``dim`` (zeros for unused pieces)."""

    double_backward = True

    def apply(self, *grads):
        shape, dtype = self._input_meta[0]
        parts = []
        for grad, (start, stop) in zip(grads, self._bounds):
            piece_shape = shape[:self._axis] + (stop - start,) + shape[self._axis + 1:]
            parts.append(np.zeros(piece_shape, dtype) if grad is None else grad)
        if any(on_tensors(part) for part in parts):  # create_graph: torch's cat, zeros as constants
            return (cat([part if on_tensors(part) else _node.Tensor._wrap(part) for part in parts], self._axis),)
        return (np.concatenate(parts, self._axis),)


def unsafe_split(a, split_size, dim=0):
    """Pieces of ``split_size`` along ``dim`` (the last may be smaller), not tracked as views of ``a``."""
    d = wrap_dim(dim, a.ndim)
    length = a.shape[d]
    size = int(split_size)
    if size == 0 and length:
        raise RuntimeError(f"split_size can only be 0 if dimension size is 0, but got dimension size of {length}")
    count = max(-(-length // size), 1) if size else 1
    starts = [size * i for i in range(count)]
    bounds = [(start, min(start + size, length) if i < count - 1 else length) for i, start in enumerate(starts)]
    moved = np.moveaxis(a._data, d, 0)
    outs = tuple(_node.Tensor._wrap(np.moveaxis(moved[start:stop], 0, d)) for start, stop in bounds)
    attrs = {"dim": dim, "self_sym_sizes": tuple(a.shape), "split_size": size}
    return record_outputs(UnsafeSplitBackward0, outs, (a,), attrs=attrs, state={"axis": d, "bounds": bounds})


def unsafe_chunk(a, chunks, dim=0):
    """About ``chunks`` equal pieces along ``dim``, as ``chunk``, not tracked as views of ``a``."""
    if chunks <= 0:
        raise RuntimeError(f"chunk expects `chunks` to be greater than 0, got: {chunks}")
    length = a.shape[wrap_dim(dim, a.ndim)]
    return unsafe_split(a, max(-(-length // chunks), 1) if length else 0, dim)
