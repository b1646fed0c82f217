"""Copies that re-arrange values: flip, rot90, roll, repeat/tile, repeat_interleave, the stacks (hstack,
vstack, dstack, column_stack), outer and cross."""

from __future__ import annotations

import warnings

import numpy as np

from ..autograd import node as _node
from ..autograd.node import Node, record
from ._formulas import on_tensors, unbroadcast
from ._util import binary_operands, is_tensor, saved_dim, wrap_dim
from .arithmetic import mul
from .broadcasting import _grow, expand
from .copy import clone
from .index_ops import index_select
from .join import cat
from .reshaping import reshape
from .squeezing import unsqueeze


def _dims(dims) -> tuple:
    return (dims,) if isinstance(dims, (int, np.integer)) else tuple(dims)


class FlipBackward0(Node):
    """d flip(x, dims) / dx: the gradient flipped back."""

    double_backward = True

    def apply(self, grad):
        return (grad.flip(self._axes) if on_tensors(grad) else np.flip(grad, self._axes).copy(),)


def flip(a, *dims):
    """The values in reverse order along ``dims`` (a copy, unlike numpy's flip)."""
    dims = _dims(dims[0]) if len(dims) == 1 else dims
    axes = tuple(wrap_dim(d, a.ndim) for d in dims)
    return record(FlipBackward0, np.flip(a._data, axes).copy(), (a,), attrs={"dims": tuple(dims)}, state={"axes": axes})


def fliplr(a):
    """Flip the columns (dim 1)."""
    if a.ndim < 2:
        raise RuntimeError("Input must be >= 2-d.")
    return flip(a, 1)


def flipud(a):
    """Flip the rows (dim 0)."""
    if a.ndim < 1:
        raise RuntimeError("Input must be >= 1-d.")
    return flip(a, 0)


class Rot90Backward0(Node):
    """d rot90(x, k, dims) / dx: the gradient rotated back by -k."""

    double_backward = True

    def apply(self, grad):
        if on_tensors(grad):
            return (rot90(grad, -self._k, self._axes),)
        return (np.rot90(grad, -self._k, self._axes).copy(),)


def rot90(a, k=1, dims=(0, 1)):
    """The tensor rotated by ``k`` quarter turns in the plane of ``dims`` (from the first towards the second)."""
    if len(dims) != 2:
        raise RuntimeError(f"expected total rotation dims == 2, but got dims = {len(dims)}")
    axes = tuple(wrap_dim(d, a.ndim) for d in dims)
    return record(Rot90Backward0, np.rot90(a._data, k, axes).copy(), (a,), attrs={"k": k, "dims": tuple(dims)},
                  state={"k": k, "axes": axes})


class RollBackward0(Node):
    """d roll(x, shifts, dims) / dx: the gradient rolled back."""

    double_backward = True

    def apply(self, grad):
        shifts = tuple(-s for s in self._shifts)
        if on_tensors(grad):
            return (grad.roll(shifts, self._axes) if self._axes else grad.roll(shifts[0]),)
        return (np.roll(grad, shifts, self._axes) if self._axes else np.roll(grad, shifts[0]).reshape(grad.shape),)


def roll(a, shifts, dims=None):
    """Values shifted along ``dims`` (or along the flattened tensor), wrapping around at the end."""
    shifts, dims = _dims(shifts), () if dims is None else _dims(dims)
    axes = tuple(wrap_dim(d, a.ndim) for d in dims)
    data = np.roll(a._data, shifts, axes) if axes else np.roll(a._data, shifts[0])
    return record(RollBackward0, data, (a,), attrs={"shifts": shifts, "dims": dims},
                  state={"shifts": shifts, "axes": axes})


class RepeatBackward0(Node):
    """d repeat(x, sizes) / dx: the gradient of every copy summed back onto x."""

    double_backward = True

    def apply(self, grad):
        shape, repeats = self.input_shape(0), self._saved_repeats
        if 0 in repeats:
            return (_zeros(grad, shape),)
        lead = len(repeats) - len(shape)
        for _ in range(lead):  # torch's repeat_backward: the new leading dims summed away one by one
            grad = grad.sum(0)
        split, summed = [], []
        for repeat, n in zip(repeats[lead:], shape):
            if repeat != 1:  # a dim repeated r times: (r, n), summed over r
                summed.append(len(split))
                split.append(repeat)
            split.append(n)
        if summed:
            grad = grad.reshape(tuple(split)).sum(tuple(summed))
        return (grad if on_tensors(grad) else np.asarray(grad),)


def _zeros(grad, shape):
    """Zeros of ``shape`` and the gradient's dtype (a constant)."""
    values = np.zeros(shape, dtype=grad._data.dtype if on_tensors(grad) else grad.dtype)
    return _node.Tensor._wrap(values) if on_tensors(grad) else values


def repeat(a, *sizes):
    """The tensor tiled ``sizes[i]`` times along each dim (a copy; ``sizes`` may add leading dims)."""
    sizes = tuple(sizes[0]) if len(sizes) == 1 and not isinstance(sizes[0], (int, np.integer)) else sizes
    if len(sizes) < a.ndim:
        raise RuntimeError("Number of dimensions of repeat dims can not be smaller than number of dimensions "
                           "of tensor")
    data = np.tile(a._data.reshape((1,) * (len(sizes) - a.ndim) + a.shape), sizes)
    return record(RepeatBackward0, data, (a,), attrs={"repeats": tuple(int(n) for n in sizes),
                                                     "self_sym_sizes": tuple(a.shape)})


def tile(a, dims):
    """``repeat`` that also accepts fewer sizes than dims (missing leading ones count as 1)."""
    dims = _dims(dims)
    return repeat(a, *((1,) * (a.ndim - len(dims)) + dims))


def repeat_interleave(a, repeats=None, dim=None, *, output_size=None):
    """Each element (or slice along ``dim``) repeated ``repeats`` times in place: [1, 2] -> [1, 1, 2, 2]."""
    if repeats is None:  # torch.repeat_interleave(counts): each index repeated counts[i] times
        return _wrap_int64(np.repeat(np.arange(a.numel()), a._data.reshape(-1)))
    source = reshape(a, -1) if dim is None else a
    d = 0 if dim is None else wrap_dim(dim, a.ndim)
    if is_tensor(repeats) and repeats.numel() != 1:
        rows = np.repeat(np.arange(source.shape[d]), repeats._data.reshape(-1))
        return index_select(source, d, _wrap_int64(rows))
    count = int(repeats)
    shape = tuple(source.shape)
    widened = expand(unsqueeze(source, d + 1), *(shape[:d + 1] + (count,) + shape[d + 1:]))
    return reshape(clone(widened), *(shape[:d] + (shape[d] * count,) + shape[d + 1:]))


def _wrap_int64(values: np.ndarray):
    return _node.Tensor._wrap(values.astype(np.int64))


def _at_least(tensors, ndim: int):
    return [_grow(t, ndim) for t in tensors]


def hstack(tensors):
    """Join along dim 1 (dim 0 for 1-d tensors)."""
    tensors = _at_least(list(tensors), 1)
    return cat(tensors, 0 if tensors[0].ndim == 1 else 1)


def vstack(tensors):
    """Join along dim 0, 1-d tensors becoming rows."""
    return cat(_at_least(list(tensors), 2), 0)


def dstack(tensors):
    """Join along dim 2, lower-dim tensors first made 3-d."""
    return cat(_at_least(list(tensors), 3), 2)


def column_stack(tensors):
    """Join along dim 1, 0-d and 1-d tensors becoming columns."""
    columns = [reshape(t, t.numel(), 1) if t.ndim <= 1 else t for t in tensors]
    return cat(columns, 1)


def outer(a, b):
    """The outer product ``a[i] * b[j]`` of two vectors."""
    return mul(reshape(a, -1, 1), b)


class LinalgCrossBackward0(Node):
    """d cross(a, b): grad_a = b x grad, grad_b = grad x a."""

    double_backward = True

    def apply(self, grad):
        a, b = self.unpack("self"), self.unpack("other")
        if on_tensors(grad):  # torch's linalg_cross(other, grad) and linalg_cross(grad, self), recorded
            def product(u, v):
                return cross(u, v, self._axis)
        else:  # the operands broadcast against each other, and so against grad
            a, b = np.broadcast_to(a, grad.shape), np.broadcast_to(b, grad.shape)

            def product(u, v):
                return np.cross(u, v, axis=self._axis)
        return (unbroadcast(product(b, grad), self.input_shape(0)) if self.needs_input_grad(0) else None,
                unbroadcast(product(grad, a), self.input_shape(1)) if self.needs_input_grad(1) else None)


CROSS_DIM_WARNING = (
    "Using torch.cross without specifying the dim arg is deprecated.\nPlease either pass the dim explicitly or "
    "simply use torch.linalg.cross.\nThe default value of dim will change to agree with that of linalg.cross in a "
    "future release. (Triggered internally at /__w/pytorch/pytorch/aten/src/ATen/native/Cross.cpp:63.)")
_warned_cross: list = []


def cross(a, b, dim=None):
    """The cross product of 3-vectors along ``dim`` (the first dim of size 3 when not given, with a warning)."""
    if dim is None:
        if not _warned_cross:
            _warned_cross.append(True)  # torch warns once per process
            warnings.warn(CROSS_DIM_WARNING, UserWarning, stacklevel=2)
        dim = next((i for i, n in enumerate(a.shape) if n == 3), -1)
    if a.ndim != b.ndim:
        raise RuntimeError("linalg.cross: inputs must have the same number of dimensions.")
    x, y, _ = binary_operands(a, b)
    x, y = np.broadcast_arrays(x, y)
    d = wrap_dim(dim, x.ndim)
    if a.shape[d - x.ndim] != 3 or b.shape[d - x.ndim] != 3:
        raise RuntimeError(f"linalg.cross: inputs dimension {dim} must have length 3. Got {a.shape[d - x.ndim]} and "
                           f"{b.shape[d - x.ndim]}")
    return record(LinalgCrossBackward0, np.cross(x, y, axis=d), (a, b), saved={"self": a, "other": b},
                  attrs={"dim": saved_dim(dim)}, state={"axis": d})
