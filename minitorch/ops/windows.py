"""Views that read memory with strides of their own: ``x.unfold`` (sliding windows) and ``torch.as_strided``."""

from __future__ import annotations

import numpy as np

from .._strides import storage_root, view_at
from ..autograd.node import Node, record
from ..autograd.view_history import AsStridedBackward0, _base_layout
from ._util import saved_dim, wrap_dim


class UnfoldBackward0(Node):
    """d x.unfold(dim, size, step) / dx: each window's gradient added back where the window sits."""

    def apply(self, grad):
        axis, size, step = self._axis, self._saved_size, self._saved_step
        out = np.zeros(self.input_shape(0), dtype=grad.dtype)
        if out.ndim == 0:
            return (grad.reshape(()).copy(),)
        for i in range(grad.shape[axis]):
            window = np.moveaxis(np.take(grad, i, axis=axis), -1, axis)
            index = (slice(None),) * axis + (slice(i * step, i * step + size),)
            out[index] += window
        return (out,)


def unfold(a, dimension, size, step):
    """A view of every window of ``size`` elements along ``dimension``, ``step`` apart, as a new last dim."""
    axis = wrap_dim(dimension, a.ndim)
    length = a.shape[axis] if a.ndim else 1
    if size > length:
        raise RuntimeError(f"maximum size for tensor at dimension {axis} is {length} but size is {size}")
    if size < 0:
        raise RuntimeError(f"size is {size} but must be >= 0")
    if step <= 0:
        raise RuntimeError(f"step is {step} but must be > 0")
    strides = a._data.strides if a.ndim else (a._data.itemsize,)
    shape = list(a.shape[:axis]) + [(length - size) // step + 1] + list(a.shape[axis + 1:]) + [size]
    steps = list(strides[:axis]) + [strides[axis] * step] + list(strides[axis + 1:]) + [strides[axis]]
    if a.ndim == 0:
        shape, steps = [size], [a._data.itemsize]
    data = np.lib.stride_tricks.as_strided(a._data, tuple(shape), tuple(steps), writeable=a._data.flags.writeable)
    return record(UnfoldBackward0, data, (a,), attrs={"dimension": saved_dim(dimension), "size": size,
                                                      "step": step, "self_sym_sizes": a.shape},
                  state={"axis": axis}, view_of=a)


def _check_geometry(a, size, stride, offset) -> None:
    if offset < 0:
        raise RuntimeError(f"Tensor: invalid storage offset {offset}")
    if any(s < 0 for s in stride):
        raise RuntimeError(f"as_strided: Negative strides are not supported at the moment, got strides: "
                           f"{list(stride)}")
    if any(n < 0 for n in size) and all(size):
        raise RuntimeError(f"Storage size calculation overflowed with sizes={list(size)} and strides={list(stride)}")
    itemsize, storage = a._data.itemsize, storage_root(a._data)
    needed = offset + 1 + sum((n - 1) * s for n, s in zip(size, stride)) if all(size) else 0
    if needed * itemsize > storage.nbytes:
        raise RuntimeError(f"setStorage: sizes {list(size)}, strides {list(stride)}, storage offset {offset}, "
                           f"and itemsize {itemsize} requiring a storage size of {needed * itemsize} are out of "
                           f"bounds for storage of size {storage.nbytes}")


def as_strided(input, size, stride, storage_offset=None):  # noqa: A002 (torch's argument name)
    """A view of ``input``'s memory with the given shape, element strides and storage offset."""
    size, stride = tuple(size), tuple(stride)
    if len(size) != len(stride):
        raise RuntimeError("mismatch in length of strides and shape")
    offset = input.storage_offset() if storage_offset is None else storage_offset
    _check_geometry(input, size, stride, offset)
    itemsize = input._data.itemsize
    start = (offset - input.storage_offset()) * itemsize
    data = view_at(input._data, start, size, tuple(s * itemsize for s in stride))
    geometry = (offset - input.storage_offset(), size, stride)
    return record(AsStridedBackward0, data, (input,), view_of=input,
                  attrs={"size": size, "stride": stride, "storage_offset": offset},
                  state={"geometry": geometry, "layout": _base_layout(input)})
