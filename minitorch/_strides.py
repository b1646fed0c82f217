"""Strides as torch counts them (in elements), and the layouts torch gives new tensors.

A tensor is a view of a storage: a shape, a stride per dimension (how many elements to step in memory to move
one place along it) and an offset. minitorch keeps that view as a numpy array over the storage's buffer;
this module turns numpy's byte strides into torch's element strides and decides, as torch does, the strides
of tensors that ops create (``clone`` keeps its input's layout; an indexing result follows its operands').
"""

from __future__ import annotations

import numpy as np


def element_strides(array: np.ndarray) -> tuple[int, ...]:
    """``array``'s strides in elements, as ``Tensor.stride()`` reports them."""
    return tuple(step // array.itemsize for step in array.strides)


def contiguous_strides(shape) -> tuple[int, ...]:
    """Row-major strides in elements, as torch computes them (a size of 0 counts as 1)."""
    strides, step = [], 1
    for size in reversed(shape):
        strides.append(step)
        step *= max(size, 1)
    return tuple(reversed(strides))


def storage_root(array: np.ndarray):
    """The object that owns ``array``'s memory (the start of its storage)."""
    root = array
    while getattr(root, "base", None) is not None:
        root = root.base
    return root


def storage_start(array: np.ndarray) -> int:
    """The address where ``array``'s storage starts."""
    return storage_root(array).__array_interface__["data"][0]


def is_non_overlapping_and_dense(shape, strides) -> bool:
    """True when the elements fill a block of memory exactly, in some order of the dimensions."""
    dims = sorted((stride, size) for size, stride in zip(shape, strides) if size != 1)
    expected = 1
    for stride, size in dims:
        if size == 0:
            return True
        if stride != expected:
            return False
        expected *= size
    return True


def _compare(dim0, dim1, shape, operands) -> int:
    """torch's rule for ordering two dims: 1 when ``dim0`` moves faster in memory, -1 when slower, 0 unsure."""
    for strides in operands:
        stride0, stride1 = strides[dim0], strides[dim1]
        if stride0 == 0 or stride1 == 0:
            continue  # a broadcast dim says nothing about the order
        if stride0 != stride1:
            return -1 if stride0 < stride1 else 1
        if shape[dim0] > shape[dim1]:
            return 1
    return 0


def dense_strides(shape, operands) -> tuple[int, ...]:
    """Compact strides for ``shape`` whose dim order follows the operands' strides (TensorIterator's rule).

    ``operands`` holds, for each input, its ``(size, stride)`` per dim of ``shape`` (a size-1 dim of an input
    broadcast along it counts as stride 0); when none of them decides, the result is row-major.
    """
    ndim = len(shape)
    operands = [[0 if shape[d] != 1 and size == 1 else s for d, (size, s) in enumerate(op)] for op in operands]
    perm = list(reversed(range(ndim)))  # perm[0]: the fastest-moving dim
    for i in range(1, ndim):
        dim1 = i
        for dim0 in range(i - 1, -1, -1):
            order = _compare(perm[dim0], perm[dim1], shape, operands)
            if order > 0:
                perm[dim0], perm[dim1] = perm[dim1], perm[dim0]
                dim1 = dim0
            elif order < 0:
                break
    strides, step = [0] * ndim, 1
    for dim in perm:
        strides[dim] = step
        step *= max(shape[dim], 1)
    return tuple(strides)


def iterator_strides(shape, arrays) -> tuple[int, ...]:
    """The strides TensorIterator gives the result of an element-wise op on ``arrays`` (broadcast to ``shape``).

    Its dims follow the operands' memory order, the first operand deciding where they disagree; an operand
    with fewer dims is padded in front with broadcast dims.
    """
    operands = []
    for array in arrays:
        pad = len(shape) - array.ndim
        operands.append([(1, 0)] * pad + list(zip(array.shape, element_strides(array))))
    return dense_strides(shape, operands)


def empty_strided(shape, strides, dtype) -> np.ndarray:
    """New (uninitialised) memory seen with the given element strides, as ``torch.empty_strided``."""
    shape, strides = tuple(shape), tuple(strides)
    span = 1 + sum((n - 1) * s for n, s in zip(shape, strides)) if all(shape) else 0
    buffer = np.empty(span, dtype=dtype)
    itemsize = buffer.itemsize
    return np.lib.stride_tricks.as_strided(buffer, shape, tuple(s * itemsize for s in strides))


def expanded(array: np.ndarray, shape) -> np.ndarray:
    """``array`` repeated to ``shape`` without copying, as ``Tensor.expand``: stride 0 where a dim grows.

    Unlike ``np.broadcast_to`` the view stays writable when ``array`` is (torch's expanded tensors are).
    """
    steps = np.broadcast_to(array, shape).strides
    return np.lib.stride_tricks.as_strided(array, tuple(shape), steps, writeable=array.flags.writeable)


def preserved_strides(array: np.ndarray) -> tuple[int, ...]:
    """The strides of a ``preserve_format`` copy of ``array``: its own when dense, else dense in its dims' order."""
    strides, shape = element_strides(array), array.shape
    if is_non_overlapping_and_dense(shape, strides):
        return strides
    return dense_strides(shape, [tuple(zip(shape, strides))])


def empty_preserving_layout(array: np.ndarray, dtype=None) -> np.ndarray:
    """New memory shaped as ``array`` with its ``preserve_format`` layout, as ``torch.empty_like``."""
    dtype = array.dtype if dtype is None else dtype
    if array.flags.c_contiguous and 1 not in array.shape:  # row-major either way
        return np.empty(array.shape, dtype)
    return empty_strided(array.shape, preserved_strides(array), dtype)


def copy_preserving_layout(array: np.ndarray, dtype=None) -> np.ndarray:
    """A copy with torch's ``preserve_format`` layout: same strides when dense, else dense in the same order."""
    if array.flags.c_contiguous and 1 not in array.shape:  # the common case, 3x faster (row-major either way)
        return array.astype(array.dtype if dtype is None else dtype, order="C", copy=True)
    out = empty_strided(array.shape, preserved_strides(array), array.dtype if dtype is None else dtype)
    out[...] = array
    return out


def restride(array: np.ndarray, shape, strides) -> np.ndarray:
    """A numpy view of ``array``'s memory (same start) with element ``strides``."""
    itemsize = array.itemsize
    return np.lib.stride_tricks.as_strided(array, tuple(shape), tuple(s * itemsize for s in strides),
                                           writeable=array.flags.writeable)


class _Window:
    """A bare ``__array_interface__`` over memory ``base`` owns (numpy builds the array; ``base`` keeps it alive)."""

    def __init__(self, interface: dict, base: np.ndarray):
        self.__array_interface__, self.base = interface, base


def view_at(array: np.ndarray, byte_offset: int, shape, byte_strides) -> np.ndarray:
    """A view of ``array``'s memory starting ``byte_offset`` bytes in (numpy will not place an empty view)."""
    start = array.__array_interface__["data"][0] + byte_offset
    interface = {"data": (start, not array.flags.writeable), "shape": tuple(shape), "strides": tuple(byte_strides),
                 "typestr": array.dtype.str, "version": 3}
    return np.asarray(_Window(interface, array))
