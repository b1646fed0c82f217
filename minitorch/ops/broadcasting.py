"""Views that repeat values without copying: expand, and broadcast_to, broadcast_tensors, meshgrid built
from it (with ``reshape``/``unsqueeze``), as torch builds them; and the atleast_*d reshapes."""

from __future__ import annotations

import warnings

import numpy as np

from ..autograd.node import Node, record
from ._formulas import unbroadcast
from ._util import check_broadcast
from .reshaping import reshape
from .squeezing import unsqueeze

MESHGRID_WARNING = ("torch.meshgrid: in an upcoming release, it will be required to pass the indexing argument. "
                    "(Triggered internally at /__w/pytorch/pytorch/aten/src/ATen/native/TensorShape.cpp:4215.)")
_warned: list = []


def _expanded_strides(a, target) -> tuple:
    """Byte strides of ``a`` expanded to ``target``: 0 where a size-1 dim grows, torch's choice elsewhere."""
    lead, strides = len(target) - a.ndim, [0] * len(target)
    if a.ndim == 0:  # torch gives every dim of an expanded 0-d tensor stride 0
        return tuple(strides)
    for i in reversed(range(len(target))):
        if i >= lead:
            size, stride = a.shape[i - lead], a._data.strides[i - lead]
        else:  # a new leading dim: torch gives it the stride a dim of the same size would have
            size = 1
            stride = target[i + 1] * strides[i + 1] if i + 1 < len(target) else a._data.itemsize
        strides[i] = 0 if size != target[i] else stride
    return tuple(strides)


class ExpandBackward0(Node):
    """d x.expand(sizes) / dx: grad summed over the expanded dims."""

    double_backward = True

    def apply(self, grad):
        return (unbroadcast(grad, self._saved_self_sym_sizes),)


def expand(a, *sizes):
    """Repeat dimensions of size 1 without copying (a read-only view; -1 keeps a size)."""
    sizes = tuple(sizes[0]) if len(sizes) == 1 and not isinstance(sizes[0], int) else sizes
    if len(sizes) < a.ndim:
        kind = "CPUBoolType" if a.dtype.legacy_name == "Bool" else f"torch.{a.dtype.legacy_name}Tensor"
        raise RuntimeError(f"expand({kind}{{[{', '.join(map(str, a.shape))}]}}, size=[{', '.join(map(str, sizes))}]): the number of sizes provided ({len(sizes)}) must be greater or equal to the number of dimensions in the tensor ({a.ndim})")  # noqa: E501
    lead = len(sizes) - a.ndim
    for i in range(lead):
        if sizes[i] == -1 and a.ndim:
            raise RuntimeError(f"The expanded size of the tensor ({sizes[i]}) isn't allowed in a leading, "
                               f"non-existing dimension {i}")
        if sizes[i] < 0:
            raise RuntimeError("numel: integer multiplication overflow")
    target = tuple(a.shape[i - lead] if n == -1 else n for i, n in enumerate(sizes))
    for i in reversed(range(a.ndim)):  # torch reports the right-most mismatch
        n = a.shape[i]
        if n != 1 and n != target[lead + i]:
            raise RuntimeError(f"The expanded size of the tensor ({target[lead + i]}) must match the existing "
                               f"size ({n}) at non-singleton dimension {lead + i}.  Target sizes: "
                               f"[{', '.join(map(str, sizes))}].  Tensor sizes: [{', '.join(map(str, a.shape))}]")
    data = np.lib.stride_tricks.as_strided(a._data, target, _expanded_strides(a, target),
                                           writeable=a._data.flags.writeable)
    return record(ExpandBackward0, data, (a,), attrs={"self_sym_sizes": tuple(a.shape)}, view_of=a)


def broadcast_to(a, *size):
    """``a`` expanded to ``size`` (a view; -1 keeps a size)."""
    return expand(a, *size)


def broadcast_tensors(*tensors):
    """All tensors expanded to their common broadcast shape (views); one of that shape already is returned itself."""
    tensors = tuple(tensors[0]) if len(tensors) == 1 and isinstance(tensors[0], (list, tuple)) else tensors
    shape = ()
    for t in tensors:
        check_broadcast(shape, t.shape)
        shape = np.broadcast_shapes(shape, tuple(t.shape))
    return tuple(t if tuple(t.shape) == tuple(shape) else expand(t, *shape) for t in tensors)


def meshgrid(*tensors, indexing=None):
    """Coordinate grids: output ``i`` repeats input ``i`` along every other dim ('ij'), or with the first two
    dims swapped ('xy', the default of numpy and of the warning-free future)."""
    tensors = list(tensors[0]) if len(tensors) == 1 and isinstance(tensors[0], (list, tuple)) else list(tensors)
    if indexing is None:
        if not _warned:
            _warned.append(True)
            warnings.warn(MESHGRID_WARNING, UserWarning, stacklevel=2)
        indexing = "ij"
    if indexing not in ("ij", "xy"):
        raise RuntimeError(f"torch.meshgrid: indexing must be one of \"xy\" or \"ij\", but received: {indexing}")
    swap = indexing == "xy" and len(tensors) >= 2
    order = [1, 0, *range(2, len(tensors))] if swap else list(range(len(tensors)))
    sizes = [tensors[i].numel() for i in order]
    grids = []
    for position, i in enumerate(order):
        shape = [1] * len(tensors)
        shape[position] = -1
        grids.append((i, expand(reshape(tensors[i], *shape), *sizes)))
    return tuple(grid for _, grid in sorted(grids, key=lambda pair: pair[0]))


def atleast_1d(*tensors):
    """Each tensor with at least one dim (0-d ones become shape ``(1,)``)."""
    return _at_least(tensors, 1)


def atleast_2d(*tensors):
    """Each tensor with at least two dims (a vector becomes a row)."""
    return _at_least(tensors, 2)


def atleast_3d(*tensors):
    """Each tensor with at least three dims."""
    return _at_least(tensors, 3)


def _at_least(tensors, ndim):
    single = len(tensors) == 1 and not isinstance(tensors[0], (list, tuple))
    tensors = tensors if not (len(tensors) == 1 and isinstance(tensors[0], (list, tuple))) else tensors[0]
    results = tuple(_grow(t, ndim) for t in tensors)
    return results[0] if single else results


def _grow(t, ndim):
    """``t`` with ``ndim`` dims: a 0-d tensor reshaped, a vector made a row, then a trailing dim added."""
    if t.ndim >= ndim:
        return t
    if t.ndim == 0:
        return reshape(t, *(1,) * ndim)
    if t.ndim == 1:
        t = unsqueeze(t, 0)
    return t if t.ndim >= ndim else unsqueeze(t, -1)
