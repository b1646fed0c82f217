"""The gradients of indexing as ops of their own, as torch's ``select_backward``, ``slice_backward`` and
``index_put`` (``IndexBackward0``'s formula): zeros with the gradient written into the indexed place.

A plain backward runs them on numpy arrays. With ``create_graph=True`` they are recorded
(``SelectBackwardBackward0``, ``SliceBackwardBackward0``, ``IndexPutImplBackward0``), and their own backward
indexes the gradient again as the forward did, so the result can be differentiated again.
"""

from __future__ import annotations

import numpy as np

from ..autograd import node as _node
from ..autograd.node import FREED_ERROR, Node, record
from ._formulas import on_tensors


def _values(x):
    return x._data if on_tensors(x) else x


class SavesIndexTensors(Node):
    """A node whose gradient is written at index tensors, kept as torch's ``indices`` (None for a dim no
    tensor indexes)."""

    _holds_saved_state = True  # the indices, freed after backward as torch frees them

    @property
    def _saved_indices(self) -> tuple:
        """The index tensors, as torch saves them: gone after backward."""
        if self._released:
            raise RuntimeError(FREED_ERROR)
        return self._index_tensors


class SelectBackwardBackward0(Node):
    """d select_backward(g, dim, index) = grad.select(dim, index)."""

    double_backward = True

    def apply(self, grad):
        return (grad[(slice(None),) * self._axis + (self._position,)],)  # on a Tensor: SelectBackward0


def select_backward(grad, sizes, axis: int, position: int):
    """Zeros of ``sizes`` with ``grad`` written at ``position`` along ``axis``: the gradient of ``select``."""
    out = np.zeros(sizes, dtype=_values(grad).dtype)
    np.moveaxis(out, axis, 0)[position] = _values(grad)
    if not on_tensors(grad):
        return out
    return record(SelectBackwardBackward0, out, (grad,), attrs={"dim": axis, "index": position},
                  state={"axis": axis, "position": position})


class SliceBackwardBackward0(Node):
    """d slice_backward(g, dim, start, end, step) = grad.slice(dim, start, end, step)."""

    double_backward = True

    def apply(self, grad):
        if on_tensors(grad) and self._axis == 0:
            return (grad[self._slice],)  # a bare slice: recorded as SliceBackward0 even when it keeps the dim
        return (grad[(slice(None),) * self._axis + (self._slice,)],)


def slice_backward(grad, sizes, axis: int, piece: slice, shown: tuple):
    """Zeros of ``sizes`` with ``grad`` written into ``piece`` along ``axis``: the gradient of a slice.

    ``shown``: the slice's (start, end, step) as its ``SliceBackward0`` shows them (an open end is INT64_MAX)."""
    out = np.zeros(sizes, dtype=_values(grad).dtype)
    out[(slice(None),) * axis + (piece,)] = _values(grad)
    if not on_tensors(grad):
        return out
    return record(SliceBackwardBackward0, out, (grad,),
                  attrs={"dim": axis, "start": shown[0], "end": shown[1], "step": shown[2]},
                  state={"axis": axis, "slice": piece})


class IndexPutImplBackward0(SavesIndexTensors):
    """d zeros.index_put(index, g, accumulate=True) = grad[index] for g (zeros: a constant)."""

    double_backward = True

    def apply(self, grad):
        return None, grad[self._index] if self.needs_input_grad(1) else None


def index_backward(grad, sizes, index: tuple, index_tensors: tuple):
    """Zeros of ``sizes`` with ``grad`` added at ``index`` (repeats add up): the gradient of ``x[index]``
    (``index_tensors``: the index as torch's node keeps it)."""
    out = np.zeros(sizes, dtype=_values(grad).dtype)
    np.add.at(out, index, _values(grad))
    if not on_tensors(grad):
        return out
    zeros = _node.Tensor._wrap(np.zeros(sizes, dtype=out.dtype))
    return record(IndexPutImplBackward0, out, (zeros, grad), attrs={"accumulate": True},
                  state={"index": index, "index_tensors": index_tensors})


class MaskedScatterBackward0(Node):
    """d zeros.masked_scatter(mask, g) = grad.masked_select(mask) for g (zeros: a constant)."""

    double_backward = True

    def apply(self, grad):
        if not self.needs_input_grad(1):
            return None, None
        mask = self._mask
        return None, grad.masked_select(_node.Tensor._wrap(mask)) if on_tensors(grad) else grad[mask]


def masked_select_backward(grad, sizes, mask):
    """Zeros of ``sizes`` with ``grad`` written, in order, where ``mask`` (of those sizes) is true: the gradient
    of ``masked_select``, recorded as torch's ``zeros.masked_scatter_(mask, grad)``."""
    out = np.zeros(sizes, dtype=_values(grad).dtype)
    out[mask] = _values(grad)
    if not on_tensors(grad):
        return out
    zeros = _node.Tensor._wrap(np.zeros(sizes, dtype=out.dtype))
    return record(MaskedScatterBackward0, out, (zeros, grad), state={"mask": mask},
                  attrs={"mask": _node.Tensor._wrap(np.ascontiguousarray(mask)), "source_sym_sizes": tuple(grad.shape)})


class PutBackward0(Node):
    """d zeros.put_(index, g, accumulate=True) = grad.take(index) for g (zeros: a constant)."""

    double_backward = True

    def apply(self, grad):
        if not self.needs_input_grad(1):
            return None, None
        if on_tensors(grad):
            return None, grad.take(_node.Tensor._wrap(self._index)).reshape(self.input_shape(1))
        return None, grad.reshape(-1)[self._index].reshape(self.input_shape(1))


def take_backward(grad, sizes, index):
    """Zeros of ``sizes`` with ``grad`` added at the flat positions ``index``: the gradient of ``take``, recorded
    as torch's ``zeros.put_(index, grad, accumulate=True)``."""
    out = np.zeros(sizes, dtype=_values(grad).dtype)
    np.add.at(out.reshape(-1), index, _values(grad))
    if not on_tensors(grad):
        return out
    zeros = _node.Tensor._wrap(np.zeros(sizes, dtype=out.dtype))
    return record(PutBackward0, out, (zeros, grad), saved={"source": grad}, state={"index": index},
                  attrs={"accumulate": True, "index": _node.Tensor._wrap(np.asarray(index))})
