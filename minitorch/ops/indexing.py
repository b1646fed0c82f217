"""Indexing, in torch's two steps. First the basic items (ints, slices, None, ...) give a view, one node per
indexed dim as torch chains them (``SelectBackward0``, ``SliceBackward0``, ``UnsqueezeBackward0``; a slice
that keeps a whole dim records nothing, and an index that changes nothing gives ``AliasBackward0``). Then the
advanced items (lists, integer tensors, masks) index that view into a copy (``IndexBackward0``).
"""

from __future__ import annotations

import numpy as np

from .._strides import empty_strided, view_at
from ..autograd import node as _node
from ..autograd.node import Node, record
from ._index_parse import check_bounds, expand_masks, numpy_index, parse_index, result_strides
from ._util import saved_dim
from .index_backward_ops import SavesIndexTensors, index_backward, select_backward, slice_backward
from .squeezing import unsqueeze

INT64_MAX = 2**63 - 1


class SelectBackward0(Node):
    """Derivative: grad_self = zeros with grad written at ``index`` along ``dim``."""

    double_backward = True

    def apply(self, grad):
        return (select_backward(grad, self._saved_self_sym_sizes, self._axis, self._position),)


def select(a, dim, index):
    """The slice at ``index`` along ``dim``, with that dim removed (a view); ``dim`` may count from the end."""
    axis = dim % a.ndim
    size = a.shape[axis]
    if not -size <= index < size:
        raise IndexError(f"index {index} is out of bounds for dimension {axis} with size {size}")
    data = a._data[(slice(None),) * axis + (index, Ellipsis)]  # with ..., a 0-d view (not a copy)
    return record(SelectBackward0, data, (a,), attrs={"dim": saved_dim(dim), "index": saved_dim(index),
                                                      "self_sym_sizes": tuple(a.shape)},
                  view_of=a, state={"axis": axis, "position": index})


class SliceBackward0(Node):
    """Derivative: grad_self = zeros with grad written into the slice."""

    double_backward = True

    def apply(self, grad):
        return (slice_backward(grad, self._saved_self_sym_sizes, self._axis, self._slice,
                               (self._saved_start, self._saved_end, self._saved_step)),)


def slice_dim(a, dim, piece: slice):
    """``a[..., start:end:step, ...]`` along one dim (a view)."""
    if piece.step == 0:
        raise ValueError("slice step cannot be zero")
    if piece.step is not None and piece.step < 0:
        raise ValueError("step must be greater than zero")
    data = a._data[(slice(None),) * dim + (piece,)]
    start, stop, step = piece.indices(a.shape[dim])
    if data.size == 0:  # numpy leaves an empty slice at the start; torch places it at ``start``
        strides = list(a._data.strides)
        strides[dim] *= step
        data = view_at(a._data, start * a._data.strides[dim], data.shape, strides)
    attrs = {"dim": dim, "start": 0 if piece.start is None else piece.start,
             "end": INT64_MAX if piece.stop is None else piece.stop, "step": step, "self_sym_sizes": tuple(a.shape)}
    return record(SliceBackward0, data, (a,), attrs=attrs, view_of=a,
                  state={"axis": dim, "slice": slice(start, stop, step)})


def keeps_whole_dim(piece: slice, size: int) -> bool:
    """True for a slice torch skips inside a tuple index: from 0 to at least the end, step 1."""
    return piece.start in (None, 0) and piece.step in (None, 1) and (piece.stop is None or piece.stop >= size)


class AliasBackward0(Node):
    """``x[...]``: the same tensor seen again. Derivative: grad_self = grad."""

    double_backward = True

    def apply(self, grad):
        return (grad,)


def alias(a):
    """A view of all of ``a``, recorded as ``AliasBackward0``."""
    return record(AliasBackward0, a._data[...], (a,), view_of=a)


class IndexBackward0(SavesIndexTensors):
    """Derivative: grad_self = zeros with grad added at the indexed places (repeats add up)."""

    _grad_writes = 1  # torch: zeros, then index_put_
    double_backward = True

    def apply(self, grad):
        return (index_backward(grad, self._saved_self_sym_sizes, self._index, self._index_tensors),)


def basic_view(a, steps, in_tuple: bool):
    """Apply the basic steps of a parsed index (views); a whole-dim slice in a tuple records nothing."""
    out = a
    for kind, dim, value in steps:
        if kind == "none":
            out = unsqueeze(out, dim)
        elif kind == "int":
            out = select(out, dim, value)
        elif not (in_tuple and keeps_whole_dim(value, out.shape[dim])):
            out = slice_dim(out, dim, value)
    return out


def getitem(a, index):
    """``a[index]``: a view for basic indices, an ``IndexBackward0`` copy when lists, tensors or masks are in."""
    if type(index) is int and a.ndim:  # the common cases first: x[0] and x[1:] (a quarter of the time)
        return select(a, 0, index)
    if type(index) is slice and a.ndim:
        return slice_dim(a, 0, index)
    parsed = parse_index(a, index)
    out = basic_view(a, parsed.steps, parsed.in_tuple)
    if parsed.advanced:
        return gather(out, parsed.advanced)
    if out is a and (parsed.in_tuple or parsed.steps == []):
        return alias(a)
    return out


def gather(view, advanced):
    """Index ``view`` with its advanced indices (dim -> numpy index array): a copy in torch's layout."""
    index_tensors = tuple(None if d not in advanced else _node.Tensor._wrap(advanced[d])  # a mask stays one
                          for d in range(max(advanced) + 1))
    advanced = expand_masks(view, advanced)
    check_bounds(view, advanced)
    index = numpy_index(view.ndim, advanced)
    values = view._data[index]
    if (len(advanced) == 1 and 1 not in values.shape and view._data.flags.c_contiguous
            and next(iter(advanced.values())).flags.c_contiguous):
        data = np.ascontiguousarray(values)  # one index into row-major memory: torch's result is row-major
    else:
        data = empty_strided(values.shape, result_strides(view, advanced, values.shape), values.dtype)
        data[...] = values
    return record(IndexBackward0, data, (view,),
                  attrs={"self_sym_sizes": tuple(view.shape)}, state={"index": index, "index_tensors": index_tensors})
