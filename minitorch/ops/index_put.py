"""``x[index] = value``: torch's ``setitem``, an in-place write into the view the basic part of the index gives.

With only basic items it copies into that view: ``copy_`` (``CopyBackwards``) when the shapes are equal,
``fill_`` (``FillBackward3``) for a number or a 0-d tensor, else ``copy_`` of the value broadcast to the view.
With lists, tensors or masks it is ``index_put_`` (``IndexPutBackward0``) on that view. Whole-dim slices are
skipped, so ``x[:] = v`` writes into ``x`` itself; a write into a smaller view gives ``x`` a ``CopySlices``.
"""

from __future__ import annotations

import warnings

import numpy as np

from .._strides import copy_preserving_layout
from ..autograd import node as _node
from ..autograd.node import record, unbroadcast
from ._formulas import on_tensors
from ._index_parse import check_bounds, expand_masks, numpy_index, parse_index
from ._util import is_tensor
from .broadcasting import expand
from .index_backward_ops import SavesIndexTensors
from .indexing import basic_view
from .inplace import (
    PARTIAL_OVERLAP_ERROR,
    apply_inplace,
    check_inplace,
    has_internal_overlap,
    overlap,
    records_inplace,
    write_values,
)
from .reshaping import view


class IndexPutBackward0(SavesIndexTensors):
    """Derivative: grad_self = grad (its written places zeroed unless accumulate); grad_values = grad there."""

    double_backward = True

    def apply(self, grad):
        if on_tensors(grad):  # torch's formulas, recorded
            return self._recorded(grad)
        grad_self = grad.copy()
        if not self._saved_accumulate:
            grad_self[self._index] = 0
        grad_values = unbroadcast(grad[self._index], self.input_shape(1)) if self.needs_input_grad(1) else None
        return grad_self, grad_values

    def _recorded(self, grad) -> tuple:
        """grad.index_put(indices, zeros, accumulate) (grad itself when accumulating) and grad[indices]."""
        grad_self = grad
        if not self._saved_accumulate and self.needs_input_grad(0):
            zeros = _node.Tensor._wrap(np.zeros(self.input_shape(1), grad._data.dtype))
            grad_self = _index_put(grad, self._index, zeros, (False, self._index_tensors))
        grad_values = unbroadcast(grad[self._index], self.input_shape(1)) if self.needs_input_grad(1) else None
        return grad_self, grad_values


def _index_put(a, index, values, mode=None):
    """The out-of-place half of ``index_put_``: ``a``'s values with ``values`` written (or added) at ``index``."""
    data = copy_preserving_layout(a._data)
    try:
        written = np.broadcast_to(values._data, data[index].shape)
    except ValueError:
        target = data[index].shape
        raise RuntimeError(f"shape mismatch: value tensor of shape [{', '.join(map(str, values.shape))}] cannot be "
                           f"broadcast to indexing result of shape [{', '.join(map(str, target))}]") from None
    accumulate, indices = mode or (False, ())
    if accumulate:
        np.add.at(data, index, written)  # repeated indices add up
    else:
        data[index] = written
    return record(IndexPutBackward0, data, (a, values), attrs={"accumulate": accumulate},
                  state={"index": index, "index_tensors": indices})


def _as_value(target, value):
    """The value as a tensor: a Python number becomes a 0-d tensor of the target's dtype, as torch wraps it."""
    if is_tensor(value):
        return value

    return _node.Tensor._wrap(np.asarray(value).astype(target._data.dtype))  # -1 wraps to 255 in uint8, as torch


def _strip_leading_ones(value):
    """``value`` viewed without its leading size-1 dims (torch's ``slicePrefix1sSize``)."""
    shape = list(value.shape)
    while shape and shape[0] == 1:
        shape.pop(0)
    return view(value, *shape)


def copy_to(target, value) -> None:
    """Write ``value`` into the view ``target`` as torch's setitem does."""
    if target.shape == value.shape:
        target.copy_(value)
    elif value.ndim == 0:
        target.fill_(value)
    else:
        source = _strip_leading_ones(value)
        if source.shape != target.shape:
            source = expand(source, *target.shape)
        target.copy_(source)


def index_put_(target, advanced: dict, value, mode=None) -> None:
    """``target[advanced] = value`` in place (``IndexPutBackward0``); ``value`` must have target's dtype.

    ``mode`` is ``(accumulate, indices)``: add instead of write, and the index tensors the node shows."""
    if records_inplace(target, (value,)):
        check_inplace(target)  # torch checks the leaf first, then the memory, dtypes and indices
    if overlap(target, value) in ("full", "partial"):
        raise RuntimeError(PARTIAL_OVERLAP_ERROR)
    if _fills_a_mask(advanced, value, mode):
        value = _cast_value(value, target.dtype)  # torch runs masked_fill_(mask, value.item()): any dtype
    advanced = expand_masks(target, advanced)
    if value.ndim and value.shape[0] == 1:
        value = _strip_leading_ones(value)
    _check_indices(target, advanced)
    _check_value_shape(target, advanced, value)
    if value.dtype != target.dtype:
        raise RuntimeError(f"Index put requires the source and destination dtypes match, got "
                           f"{target.dtype.legacy_name} for the destination and {value.dtype.legacy_name} for "
                           f"the source.")
    check_bounds(target, advanced)
    if has_internal_overlap(target._data) and not records_inplace(target, (value,)):
        _put_into_expanded(target, numpy_index(target.ndim, advanced), value)
        return
    apply_inplace(target, _index_put, numpy_index(target.ndim, advanced), value, mode=mode)


def _fills_a_mask(advanced: dict, value, mode) -> bool:
    """Whether torch's index_put_ becomes ``masked_fill_``: one bool mask, one value, no accumulation."""
    (array, *others) = advanced.values()
    return not others and array.dtype.kind == "b" and value.numel() == 1 and not (mode and mode[0])


def _cast_value(value, dtype):
    if value.dtype == dtype:
        return value
    if value.requires_grad:
        return value.to(dtype)
    return _node.Tensor._wrap(value._data.astype(dtype.numpy))


def _check_indices(target, advanced: dict) -> None:
    """What torch checks of the indices before the value: they broadcast together, and no dim they index is
    empty (the other bounds are checked last, as its kernel does)."""
    try:
        np.broadcast_shapes(*(array.shape for array in advanced.values()))
    except ValueError:
        shapes = ", ".join(f"[{', '.join(map(str, array.shape))}]" for _, array in sorted(advanced.items()))
        raise IndexError(f"shape mismatch: indexing tensors could not be broadcast together with shapes {shapes}"
                         ) from None
    if any(target.shape[dim] == 0 and array.size for dim, array in advanced.items()):
        raise IndexError("index is out of bounds for dimension with size 0")


def _check_value_shape(target, advanced: dict, value) -> None:
    """torch's shape mismatch error, raised before the dtype and bounds checks (indices clipped into range)."""
    clipped = {d: np.clip(a, -target.shape[d], target.shape[d] - 1) if target.shape[d] else a
               for d, a in advanced.items()}
    try:
        shape = np.broadcast_to(np.empty((), bool), target.shape)[numpy_index(target.ndim, clipped)].shape
    except (IndexError, ValueError):
        return  # indices that do not broadcast, or index an empty dim: check_bounds says so
    padded = (1,) * (len(shape) - value.ndim) + tuple(value.shape)
    if value.ndim > len(shape) or any(v not in (1, n) for v, n in zip(padded, shape)):
        raise RuntimeError(f"shape mismatch: value tensor of shape [{', '.join(map(str, value.shape))}] cannot be "
                           f"broadcast to indexing result of shape [{', '.join(map(str, shape))}]")


def _put_into_expanded(target, index, value) -> None:
    """``index_put_`` on an expanded tensor: torch warns, then writes only the indexed elements, so each
    shared memory place keeps the value written there last."""
    warnings.warn("Use of index_put_ on expanded tensors is deprecated. Please clone() the tensor before "
                  "performing this operation. This also applies to advanced indexing e.g. tensor[indices] = "
                  "tensor", UserWarning, stacklevel=4)
    values = value._data
    try:
        np.broadcast_to(values, target._data[index].shape)
    except ValueError:
        _index_put(target.detach(), index, value)  # raises torch's shape mismatch error
    write_values(target, values, overlap_ok=True, index=index)


def _saved_indices(advanced: dict) -> tuple:
    """The index tensors as torch's ``IndexPutBackward0`` keeps them: None for a dim no tensor indexes."""
    indices = []
    for dim, array in sorted(advanced.items()):
        indices += [None] * (dim - sum(1 if i is None or i.dtype.numpy.kind != "b" else i.ndim for i in indices))
        indices.append(_node.Tensor._wrap(array))
    return tuple(indices)


def setitem(a, index, value) -> None:
    """``a[index] = value``."""
    parsed = parse_index(a, index)
    target = basic_view(a, parsed.steps, in_tuple=True)
    value = _as_value(target, value)
    if parsed.advanced:
        index_put_(target, parsed.advanced, value, (False, _saved_indices(parsed.advanced)))
    else:
        copy_to(target, value)
