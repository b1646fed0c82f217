"""Indexing. Ints and slices give views (``SelectBackward0``, ``SliceBackward0``), one node per indexed dim,
as torch chains them; lists, tensors and masks give copies (``IndexBackward0``). ``x[i] = v`` is an
in-place copy into the view ``x[i]`` (or ``IndexPutBackward0`` for advanced indices).
"""

from __future__ import annotations

import numpy as np

from ..autograd.node import Node, record
from ._util import is_tensor, saved_dim
from .inplace import apply_inplace

INT64_MAX = 2**63 - 1


class SelectBackward0(Node):
    def apply(self, grad):
        out = np.zeros(self._saved_self_sym_sizes, dtype=grad.dtype)
        np.moveaxis(out, self._axis, 0)[self._position] = grad
        return (out,)


def select(a, dim, index):
    """The slice at ``index`` along ``dim``, with that dim removed (a view)."""
    size = a.shape[dim]
    if not -size <= index < size:
        raise IndexError(f"index {index} is out of bounds for dimension {dim} with size {size}")
    data = np.moveaxis(a._data, dim, 0)[index, ...]
    out = record(SelectBackward0, data, (a,), attrs={"dim": saved_dim(dim), "index": index,
                                                     "self_sym_sizes": tuple(a.shape)}, view_of=a)
    if out._grad_fn is not None:
        out._grad_fn._axis, out._grad_fn._position = dim, index
    return out


class SliceBackward0(Node):
    def apply(self, grad):
        out = np.zeros(self._saved_self_sym_sizes, dtype=grad.dtype)
        out[(slice(None),) * self._axis + (self._slice,)] = grad
        return (out,)


def slice_dim(a, dim, piece: slice):
    """``a[..., start:end:step, ...]`` along one dim (a view)."""
    if piece.step is not None and piece.step <= 0:
        raise ValueError("step must be greater than zero")
    data = a._data[(slice(None),) * dim + (piece,)]
    start, stop, step = piece.indices(a.shape[dim])
    attrs = {"dim": dim, "start": 0 if piece.start is None else piece.start,
             "end": INT64_MAX if piece.stop is None else piece.stop, "step": step, "self_sym_sizes": tuple(a.shape)}
    out = record(SliceBackward0, data, (a,), attrs=attrs, view_of=a)
    if out._grad_fn is not None:
        out._grad_fn._axis, out._grad_fn._slice = dim, slice(start, stop, step)
    return out


class IndexBackward0(Node):
    _holds_saved_state = True  # the indices, freed after backward as torch frees them

    def apply(self, grad):
        out = np.zeros(self._saved_self_sym_sizes, dtype=grad.dtype)
        np.add.at(out, self._index, grad)
        return (out,)


def _numpy_index(item):
    if is_tensor(item):
        return item._data
    if isinstance(item, (list, tuple)):
        return np.asarray([_numpy_index(i) for i in item])
    return item


def _is_basic(item) -> bool:
    return item is None or item is Ellipsis or isinstance(item, (int, np.integer, slice)) and not isinstance(
        item, bool)


def _expand_ellipsis(items, ndim):
    used = sum(1 for i in items if i is not None and i is not Ellipsis)
    if Ellipsis in items:
        at = items.index(Ellipsis)
        return items[:at] + [slice(None)] * (ndim - used) + items[at + 1:]
    return items


def getitem(a, index):
    """``a[index]``: views for ints/slices/None/..., an ``IndexBackward0`` copy for lists, tensors, masks."""
    items = list(index) if isinstance(index, tuple) else [index]
    if not all(_is_basic(i) for i in items):
        return _advanced(a, tuple(_numpy_index(i) for i in items))
    if a.ndim == 0 and not isinstance(index, tuple):  # a lone index on a 0-d tensor
        if isinstance(index, slice):
            raise IndexError("slice() cannot be applied to a 0-dim tensor.")
        if isinstance(index, (int, np.integer)):
            raise IndexError("invalid index of a 0-dim tensor. Use `tensor.item()` in Python or "
                             "`tensor.item<T>()` in C++ to convert a 0-dim tensor to a number")
    items = _expand_ellipsis(items, a.ndim)
    if len([i for i in items if i is not None]) > a.ndim:
        raise IndexError(f"too many indices for tensor of dimension {a.ndim}")
    out, dim = a, 0
    single = len(items) == 1
    for item in items:
        if item is None:
            from .shape import unsqueeze

            out, dim = unsqueeze(out, dim), dim + 1
        elif isinstance(item, slice):
            if single or item != slice(None):
                out = slice_dim(out, dim, item)
            dim += 1
        else:
            out = select(out, dim, int(item))
    return out


def _advanced(a, index):
    try:
        data = a._data[index]
    except IndexError as error:
        text = str(error).replace(" axis ", " dimension ")
        if text.startswith("too many indices"):
            text = f"too many indices for tensor of dimension {a.ndim}"
        raise IndexError(text) from None
    out = record(IndexBackward0, np.array(data), (a,),
                 attrs={"indices": list(index), "self_sym_sizes": tuple(a.shape)})
    if out._grad_fn is not None:
        out._grad_fn._index = index
    return out


class IndexPutBackward0(Node):
    _holds_saved_state = True  # the indices, freed after backward as torch frees them

    def apply(self, grad):
        grad_self = grad.copy()
        grad_self[self._index] = 0
        from ..autograd.node import unbroadcast

        grad_values = unbroadcast(grad[self._index], self._input_meta[1][0]) if self.needs_grad(1) else None
        return grad_self, grad_values


def _index_put(a, index, values):
    from ._util import as_tensor

    values = as_tensor(values)
    data = a._data.copy()
    data[index] = values._data
    out = record(IndexPutBackward0, data, (a, values))
    if out._grad_fn is not None:
        out._grad_fn._index = index
    return out


def setitem(a, index, value):
    """``a[index] = value``: an in-place write, recorded like ``a[index].copy_(value)``."""
    items = list(index) if isinstance(index, tuple) else [index]
    if all(_is_basic(i) for i in items):
        target = getitem(a, index)
        if is_tensor(value):
            if value.shape != target.shape:
                from ..autograd.grad_mode import no_grad
                from .shape import expand

                with no_grad():
                    expand(value, *target.shape)  # torch expands the value first: its error, not copy_'s
            target.copy_(value)
        else:
            from ._util import as_tensor

            target.copy_(as_tensor(value))  # torch copies from the number wrapped as a 0-d tensor
        return
    apply_inplace(a, _index_put, tuple(_numpy_index(i) for i in items), value)
