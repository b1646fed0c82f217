"""Views given by their strides: ``as_strided`` (any geometry inside the storage) and ``unfold`` (sliding windows).

Both read the memory of their input in place, so writes through them show in the input; their backwards add
each output gradient back at the storage place (or input element) it was read from.
"""

from __future__ import annotations

import numpy as np

from .._strides import element_strides, view_at
from ..autograd import node as _node
from ..autograd.node import Node, record
from ._util import wrap_dim


def _positions(offset, shape, strides) -> np.ndarray:
    """The storage position of every element of a view with this geometry, laid out in its shape."""
    positions = np.full(tuple(shape), offset, dtype=np.int64)
    for dim, (size, step) in enumerate(zip(shape, strides)):
        axis = [1] * len(shape)
        axis[dim] = size
        positions = positions + (np.arange(size, dtype=np.int64) * step).reshape(axis)
    return positions


class AsStridedBackward0(Node):
    """d as_strided(x) / dx: each gradient added at the storage place it read, shared among the x elements there."""

    def apply(self, grad):
        read = _positions(self._saved_storage_offset, self._saved_size, self._saved_stride)
        own = _positions(*self._input_geometry)
        low = min(read.min(initial=0), own.min(initial=0))
        length = max(read.max(initial=0), own.max(initial=0)) - low + 1
        storage = np.zeros(length, dtype=grad.dtype)
        np.add.at(storage, (read - low).ravel(), grad.ravel())
        count = np.zeros(length, dtype=np.int64)
        np.add.at(count, (own - low).ravel(), 1)
        share = storage / np.maximum(count, 1)  # an expanded input: its copies of one place share that gradient
        return (share[own - low].astype(grad.dtype, copy=False),)


def as_strided(a, size, stride, storage_offset=None):
    """A view of ``a``'s storage with the given sizes, strides (in elements) and storage offset."""
    size, stride = tuple(int(n) for n in size), tuple(int(s) for s in stride)
    offset = a.storage_offset() if storage_offset is None else int(storage_offset)
    if len(size) != len(stride):
        raise RuntimeError("mismatch in length of strides and shape")
    if offset < 0:
        raise RuntimeError(f"Tensor: invalid storage offset {offset}")
    if any(s < 0 for s in stride):
        raise RuntimeError(f"as_strided: Negative strides are not supported at the moment, got strides: "
                           f"[{', '.join(map(str, stride))}]")
    if any(n < 0 for n in size):
        raise RuntimeError(f"Trying to create tensor with negative dimension {min(size)}: "
                           f"[{', '.join(map(str, size))}]")
    itemsize = a._data.itemsize
    needed = 0 if 0 in size else (offset + sum((n - 1) * s for n, s in zip(size, stride)) + 1) * itemsize
    available = a.untyped_storage().nbytes()
    if needed > available:
        raise RuntimeError(f"setStorage: sizes [{', '.join(map(str, size))}], strides [{', '.join(map(str, stride))}],"
                           f" storage offset {offset}, and itemsize {itemsize} requiring a storage size of {needed} "
                           f"are out of bounds for storage of size {available}")
    data = view_at(a._data, (offset - a.storage_offset()) * itemsize, size, tuple(s * itemsize for s in stride))
    geometry = (a.storage_offset(), a._data.shape, element_strides(a._data))
    return record(AsStridedBackward0, data, (a,), view_of=a,
                  attrs={"size": size, "stride": stride, "storage_offset": offset},
                  state={"input_geometry": geometry})


class UnfoldBackward0(Node):
    """d x.unfold(dim, size, step) / dx: each window's gradient added back at the elements it covers."""

    def apply(self, grad):
        shape = self._saved_self_sym_sizes
        places = _unfold_geometry(shape, element_strides(np.empty(shape, np.int8)), self._dim, self._saved_size,
                                  self._saved_step)
        out = np.zeros(int(np.prod(shape)), dtype=grad.dtype)
        np.add.at(out, _positions(0, *places).ravel(), grad.ravel())
        return (out.reshape(shape),)


def _unfold_geometry(shape, strides, d, size, step):
    """The (shape, strides) of ``unfold``: dim ``d`` counts windows, a new last dim walks through one."""
    if not shape:
        return (size,), (1,)
    shape, strides, along = list(shape), list(strides), strides[d]
    shape[d], strides[d] = (shape[d] - size) // step + 1, along * step
    return tuple(shape) + (size,), tuple(strides) + (along,)


def unfold(a, dimension, size, step):
    """Windows of ``size`` elements every ``step`` along ``dimension`` (a view; the window is the last dim)."""
    d = wrap_dim(dimension, a.ndim)
    longest = a.shape[d] if a.ndim else 1
    if size > longest:
        raise RuntimeError(f"maximum size for tensor at dimension {d} is {longest} but size is {size}")
    if size < 0:
        raise RuntimeError(f"size is {size} but must be >= 0")
    if step <= 0:
        raise RuntimeError(f"step is {step} but must be > 0")
    itemsize = a._data.itemsize
    shape, strides = _unfold_geometry(a.shape, element_strides(a._data), d, size, step)
    data = view_at(a._data, 0, shape, tuple(s * itemsize for s in strides))
    return record(UnfoldBackward0, data, (a,), view_of=a,
                  attrs={"dimension": d, "size": size, "step": step, "self_sym_sizes": tuple(a.shape)},
                  state={"dim": d})


def _view_dtype_problem(a, ratio: int, text: str):
    """What stops ``a.view(dtype)`` when the new element is ``ratio`` times as wide (torch's order of checks)."""
    strides = element_strides(a._data)
    if a._data.shape[-1] % ratio:
        return f"self.size(-1) must be divisible by {ratio} to view {text}, but got {a._data.shape[-1]}"
    if strides[-1] != 1:
        return f"self.stride(-1) must be 1 to view {text}, but got {strides[-1]}"
    if a.storage_offset() % ratio:
        return f"self.storage_offset() must be divisible by {ratio} to view {text}, but got {a.storage_offset()}"
    for dim, step in enumerate(strides[:-1]):
        if step % ratio:
            return f"self.stride({dim}) must be divisible by {ratio} to view {text}, but got {step}"
    return None


def view_dtype(a, dtype):
    """The same bytes read as ``dtype`` (the last dim grows or shrinks with the element size); no gradient."""
    old, new = a._data.itemsize, dtype.numpy.itemsize
    text = f"{a.dtype.legacy_name} as {dtype.legacy_name} (different element sizes)"
    if old != new and a.ndim == 0:
        raise RuntimeError(f"self.dim() cannot be 0 to view {text}")
    if old > new and element_strides(a._data)[-1] != 1:
        raise RuntimeError(f"self.stride(-1) must be 1 to view {text}, but got {element_strides(a._data)[-1]}")
    problem = _view_dtype_problem(a, new // old, text) if new > old else None
    if problem:
        raise RuntimeError(problem)
    return _node.Tensor._alias(a._data.view(dtype.numpy), a._version_counter)
