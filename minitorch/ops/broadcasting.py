"""Views that repeat values without copying: broadcast_to, broadcast_tensors, meshgrid; and the atleast_*d
reshapes. All are built from ``view``/``unsqueeze`` and ``expand``, as torch builds them."""

from __future__ import annotations

import warnings

import numpy as np

from ._util import check_broadcast
from .shape import expand, reshape, unsqueeze

MESHGRID_WARNING = ("torch.meshgrid: in an upcoming release, it will be required to pass the indexing argument. "
                    "(Triggered internally at /__w/pytorch/pytorch/aten/src/ATen/native/TensorShape.cpp:4215.)")
_warned: list = []


def broadcast_to(a, *size):
    """``a`` expanded to ``size`` (a view; -1 keeps a size)."""
    return expand(a, *size)


def broadcast_tensors(*tensors):
    """All tensors expanded to their common broadcast shape (views)."""
    tensors = tuple(tensors[0]) if len(tensors) == 1 and isinstance(tensors[0], (list, tuple)) else tensors
    shape = ()
    for t in tensors:
        check_broadcast(shape, t.shape)
        shape = np.broadcast_shapes(shape, tuple(t.shape))
    return tuple(expand(t, *shape) for t in tensors)


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
