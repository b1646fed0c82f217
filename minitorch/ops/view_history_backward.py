"""The gradients of ``CopySlices`` and ``AsStridedBackward0`` written with recorded ops, for
``create_graph=True`` (a gradient penalty through a model that writes into a view: ``x[1] = v``,
``x[:, 0] *= 2``). The steps are torch's (``CopySlices::apply_impl``, ``as_strided_backward``), so the
gradient's graph has torch's nodes: ``CopyBackwards``, ``AsStridedBackward0``, ``CloneBackward0``,
``CopySlices``.
"""

from __future__ import annotations

import numpy as np

from .._strides import empty_strided
from ..autograd import node as _node
from .copy import clone
from .windows import as_strided


def copy_slices_gradients(node, grad) -> tuple:
    """d base for ``CopySlices``: ``grad`` copied into memory laid out as the base, the view's region replaced
    by what the wrapped in-place op's node (``node._fn``) makes of it, recorded."""
    node._fn.check_double_backward()
    shape, dtype, strides = node._layout
    result = _node.Tensor._wrap(empty_strided(shape, [step // dtype.itemsize for step in strides], dtype))
    result.copy_(grad)
    offset, view_shape, view_strides = node._geometry
    grad_slice = as_strided(result, view_shape, view_strides, result.storage_offset() + offset)
    results = node._fn.apply(clone(grad_slice, _contiguous()))
    if results[0] is None:
        return (None,) + tuple(results[1:])
    grad_slice.copy_(results[0])
    return (result,) + tuple(results[1:])


def _contiguous():
    """``torch.contiguous_format`` (the memory format of the clone ``CopySlices`` hands the wrapped node)."""
    from .. import contiguous_format  # cycle: the top-level namespace imports the ops
    return contiguous_format


def _may_overlap(shape, strides) -> bool:
    """torch's quick test: could two elements of this geometry share one place? (dims of size 1 ignored)."""
    dims = sorted((step, n) for n, step in zip(shape, strides) if n != 1)
    reach = 0
    for step, n in dims:
        if step <= reach:
            return True
        reach += step * (n - 1)
    return False


def as_strided_gradient(node, grad):
    """d base for ``AsStridedBackward0``: the view's gradient written into zeros laid out as the base's
    memory (``copy_`` into an ``as_strided`` view of them), read back with the base's geometry, recorded."""
    shape, dtype, strides = node._layout
    own_strides = [step // dtype.itemsize for step in strides]
    offset, view_shape, view_strides = node._geometry
    if _may_overlap(view_shape, view_strides) or _may_overlap(shape, own_strides):
        raise NotImplementedError("minitorch does not implement double backward through AsStridedBackward0 of "
                                  "an overlapping or expanded view; see docs/implemented.md")
    low = min(0, offset)
    span = max(_last(0, shape, own_strides), _last(offset, view_shape, view_strides)) - low + 1
    storage = _node.Tensor._wrap(np.zeros(max(span, 0), grad._data.dtype))
    as_strided(storage, view_shape, view_strides, offset - low).copy_(grad)
    return as_strided(storage, shape, own_strides, -low)


def _last(offset, shape, strides) -> int:
    """The storage place of the last element a geometry reaches (``offset`` - 1 when it has none)."""
    if not all(shape):
        return offset - 1
    return offset + sum((n - 1) * step for n, step in zip(shape, strides))
