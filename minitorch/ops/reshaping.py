"""view, reshape and flatten: the same values with a new shape, a view of the same memory (and version
counter) whenever the memory allows it, as in torch."""

from __future__ import annotations

import numpy as np

from .._dtype import dtype
from ..autograd.node import Node, record
from . import dtype_view
from ._util import wrap_dim
from .copy import clone


def _target_shape(shape, numel):
    shape = tuple(int(n) for n in (shape[0] if len(shape) == 1 and not isinstance(shape[0], int) else shape))
    if shape.count(-1) > 1:
        raise RuntimeError("only one dimension can be inferred")
    known = int(np.prod([n for n in shape if n != -1]))
    if -1 in shape:
        if known == 0 and numel == 0:
            raise RuntimeError(f"cannot reshape tensor of 0 elements into shape [{', '.join(map(str, shape))}] "
                               "because the unspecified dimension size -1 can be any value and is ambiguous")
        if known == 0 or numel % known:
            raise RuntimeError(f"shape '[{', '.join(map(str, shape))}]' is invalid for input of size {numel}")
        shape = tuple(numel // known if n == -1 else n for n in shape)
    elif known != numel:
        raise RuntimeError(f"shape '[{', '.join(map(str, shape))}]' is invalid for input of size {numel}")
    return shape


class ViewBackward0(Node):
    """d x.view(shape) / dx: grad reshaped back to x's sizes."""

    double_backward = True

    def apply(self, grad):
        return (grad.reshape(self._saved_self_sym_sizes),)


class UnsafeViewBackward0(ViewBackward0):
    """``reshape`` that had to copy. Derivative: grad_self = grad.reshape(self's sizes)."""


class ReshapeAliasBackward0(ViewBackward0):
    """``reshape`` of memory that is not row-major but allows a view. Derivative: grad.reshape(self's sizes)."""


def _numpy_view(array, shape):
    """A numpy view with a new shape, or None when the memory layout makes that impossible."""
    out = array.view()
    try:
        out.shape = shape
    except AttributeError:
        return None
    return out


def view(a, *shape):
    """The same memory seen with a new shape (no copy). Fails when the memory layout doesn't allow it."""
    if len(shape) == 1 and isinstance(shape[0], dtype):
        return dtype_view.view_dtype(a, shape[0])  # x.view(torch.int32): the bytes read as another dtype
    shape = _target_shape(shape, a.numel())
    out = _numpy_view(a._data, shape)
    if out is None:
        raise RuntimeError("view size is not compatible with input tensor's size and stride (at least one "
                           "dimension spans across two contiguous subspaces). Use .reshape(...) instead.")
    return record(ViewBackward0, out, (a,), attrs={"self_sym_sizes": tuple(a.shape)}, view_of=a)


def reshape(a, *shape):
    """Like ``view`` when the memory allows it; otherwise a copy (``clone`` then ``_unsafe_view``)."""
    target = _target_shape(shape, a.numel())
    if a._data.flags.c_contiguous:
        return view(a, *target)
    out = _numpy_view(a._data, target)
    if out is not None:  # a view of memory that is not row-major: torch records _reshape_alias
        return record(ReshapeAliasBackward0, out, (a,), attrs={"self_sym_sizes": tuple(a.shape)}, view_of=a)

    copied = clone(a)
    return record(UnsafeViewBackward0, copied._data.reshape(target), (copied,),
                  attrs={"self_sym_sizes": tuple(a.shape)})


def flatten(a, start_dim=0, end_dim=-1):
    """Merge dims ``start_dim..end_dim`` into one."""
    start, end = wrap_dim(start_dim, a.ndim), wrap_dim(end_dim, a.ndim)
    if a.ndim == 0:
        return reshape(a, 1)
    if start > end:
        raise RuntimeError("flatten() has invalid args: start_dim cannot come after end_dim")
    if start == end:
        return a
    shape = a.shape[:start] + (int(np.prod(a.shape[start:end + 1])),) + a.shape[end + 1:]
    return reshape(a, *shape)
