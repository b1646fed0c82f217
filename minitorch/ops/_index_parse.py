"""Reading an index (``x[0, 1:, None, [2, 0]]``) as torch reads it, and the layout of an advanced-index result.

``parse_index`` splits an index into basic steps (ints, slices, None: views, applied one after another) and
advanced items (integer lists and tensors, masks), each placed at the dim it indexes in the basic view.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .._strides import dense_strides, element_strides

INVALID_INDEX = ("only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid "
                 "indices (got {})")


@dataclass
class ParsedIndex:
    """Basic steps ``(kind, dim, value)`` in order, then advanced items ``{dim: numpy array}`` of the view."""

    steps: list = field(default_factory=list)
    advanced: dict = field(default_factory=dict)
    in_tuple: bool = False


def _is_sequence_index(index) -> bool:
    """torch still reads a list holding lists, slices, None or ``...`` as a tuple (numpy's old rule)."""
    return isinstance(index, list) and any(
        isinstance(i, (list, tuple, slice)) or i is None or i is Ellipsis or hasattr(i, "_data") for i in index)


def _as_index_array(item):
    """An integer or bool numpy array for a list or tensor used as an index."""
    if hasattr(item, "_data"):
        array = item._data
        if array.dtype.kind not in "iub":
            raise IndexError("tensors used as indices must be long, int, byte or bool tensors")
        return array
    array = np.asarray([i.item() if hasattr(i, "_data") else i for i in item] if isinstance(item, list) else item)
    if isinstance(item, list) and not item:
        array = array.astype(np.int64)  # ``x[[]]``: torch reads an empty list as an empty long tensor
    if array.dtype.kind == "f":
        raise IndexError("tensors used as indices must be long, int, byte or bool tensors")
    return array.astype(np.int64) if array.dtype.kind not in "b" else array


def _dims_used(item) -> int:
    if item is None or item is Ellipsis or _flag(item) is not None:
        return 0
    if hasattr(item, "_data") and item._data.dtype.kind == "b":
        return item.ndim
    return 1


def _items(a, index):
    if _is_sequence_index(index):
        index = tuple(index)
    in_tuple = isinstance(index, tuple)
    items = list(index) if in_tuple else [index]
    used = sum(_dims_used(i) for i in items)
    if used > a.ndim:
        raise IndexError(f"too many indices for tensor of dimension {a.ndim}")
    positioned = list(enumerate(items))  # torch's errors name an item by its place in the index
    ellipsis = [k for k, i in positioned if i is Ellipsis]
    if ellipsis:
        in_tuple = True  # torch reads a lone ``...`` like a tuple: whole dims record nothing
        at = ellipsis[0]  # a second ``...`` covers what is left after the first: nothing
        rest = [(k, i) for k, i in positioned[at + 1:] if i is not Ellipsis]
        positioned = positioned[:at] + [(at, slice(None))] * (a.ndim - used) + rest
    return positioned, in_tuple


def _integer(item):
    """The Python int an item stands for (an int, or a 0-d integer tensor), else None."""
    if isinstance(item, (int, np.integer)) and not isinstance(item, (bool, np.bool_)):
        return int(item)
    if hasattr(item, "_data") and item.ndim == 0 and item._data.dtype.kind in "iu":
        return int(item._data)
    return None


def _flag(item):
    """The bool an item stands for (``True``, ``False`` or a 0-d bool tensor), else None."""
    if isinstance(item, (bool, np.bool_)):
        return bool(item)
    if hasattr(item, "_data") and item.ndim == 0 and item._data.dtype == np.bool_:
        return bool(item._data)
    return None


def _check_zero_dim(a, index) -> None:
    if a.ndim == 0 and not isinstance(index, tuple):
        if isinstance(index, slice):
            raise IndexError("slice() cannot be applied to a 0-dim tensor.")
        if _integer(index) is not None:
            raise IndexError("invalid index of a 0-dim tensor. Use `tensor.item()` in Python or "
                             "`tensor.item<T>()` in C++ to convert a 0-dim tensor to a number")


def parse_index(a, index) -> ParsedIndex:
    """Read ``index`` for tensor ``a``: the basic steps and the advanced items, with torch's errors."""
    _check_zero_dim(a, index)
    items, in_tuple = _items(a, index)
    parsed, dim, source_dim = ParsedIndex(in_tuple=in_tuple), 0, 0
    for position, item in items:
        number, flag = _integer(item), _flag(item)
        if item is None or flag is not None:
            parsed.steps.append(("none", dim, None))
            if flag is not None:  # True or False: a new dim of size 1, then all or nothing of it
                parsed.advanced[dim] = np.zeros(1 if flag else 0, dtype=np.int64)
            dim += 1
        elif number is not None:
            size = a.shape[source_dim]
            if not -size <= number < size:
                raise IndexError(f"index {number} is out of bounds for dimension {position} with size {size}")
            parsed.steps.append(("int", dim, number))
            source_dim += 1
        elif isinstance(item, slice):
            parsed.steps.append(("slice", dim, item))
            dim, source_dim = dim + 1, source_dim + 1
        elif isinstance(item, (list, tuple, range, np.ndarray)) or hasattr(item, "_data"):
            array = _as_index_array(item)
            parsed.advanced[dim] = array
            step = array.ndim if array.dtype.kind == "b" else 1
            dim, source_dim = dim + step, source_dim + step
        else:
            raise IndexError(INVALID_INDEX.format(type(item).__name__))
    return parsed


def expand_masks(view, advanced: dict) -> dict:
    """Masks replaced by the integer indices of their true elements (one array per dim they cover)."""
    out = {}
    for dim, array in sorted(advanced.items()):
        if array.dtype.kind != "b":
            out[dim] = array
            continue
        for j, n in enumerate(array.shape):
            if view.shape[dim + j] != n:
                raise IndexError(f"The shape of the mask [{', '.join(map(str, array.shape))}] at index {j} does not "
                                 f"match the shape of the indexed tensor [{', '.join(map(str, view.shape))}] at "
                                 f"index {dim + j}")
        for j, positions in enumerate(np.nonzero(array)):
            out[dim + j] = positions
    return out


def check_bounds(view, advanced: dict) -> None:
    """torch's errors for integer indices out of range or that cannot be broadcast together."""
    for position, (dim, array) in enumerate(sorted(advanced.items())):
        size = view.shape[dim]
        if not array.size or -size <= array.min() and array.max() < size:
            continue
        bad = array[(array >= size) | (array < -size)]
        if size == 0:
            raise IndexError("index is out of bounds for dimension with size 0")
        raise IndexError(f"index {bad.flat[0]} is out of bounds for dimension {position} with size {size}")
    try:
        np.broadcast_shapes(*(array.shape for array in advanced.values()))
    except ValueError:
        shapes = ", ".join(f"[{', '.join(map(str, array.shape))}]" for _, array in sorted(advanced.items()))
        raise IndexError(f"shape mismatch: indexing tensors could not be broadcast together with shapes "
                         f"{shapes}") from None


def numpy_index(ndim: int, advanced: dict) -> tuple:
    """The numpy index that picks the same elements: arrays at the advanced dims, ``:`` elsewhere."""
    return tuple(advanced.get(d, slice(None)) for d in range(ndim))


def result_strides(view, advanced: dict, shape) -> tuple:
    """The strides torch gives an index result: dense, in the dim order its operands suggest."""
    dims = sorted(advanced)
    broadcast = np.broadcast_shapes(*(advanced[d].shape for d in dims))
    adjacent = dims == list(range(dims[0], dims[-1] + 1))
    before = list(range(dims[0])) if adjacent else []
    after = [d for d in range(view.ndim) if d not in dims and d not in before]
    strides = element_strides(view._data)
    rest = [(view.shape[d], strides[d]) for d in after]
    source = [(view.shape[d], strides[d]) for d in before] + [(n, 0) for n in broadcast] + rest
    operands = [source]
    for d in dims:
        steps = element_strides(np.broadcast_to(advanced[d], broadcast))
        operands.append([(n, 0) for n in shape[:len(before)]] + list(zip(broadcast, steps))
                        + [(n, 0) for n, _ in rest])
    return dense_strides(shape, operands)
