"""Shape ops. Most return *views*: new tensors on the same memory and version counter as their input."""

from __future__ import annotations

import numpy as np

from ..autograd.node import Node, attach, needs_recording, record, unbroadcast
from ._util import saved_dim, wrap_dim


def _target_shape(shape, numel):
    shape = tuple(int(n) for n in (shape[0] if len(shape) == 1 and not isinstance(shape[0], int) else shape))
    if shape.count(-1) > 1:
        raise RuntimeError("only one dimension can be inferred")
    known = int(np.prod([n for n in shape if n != -1]))
    if -1 in shape:
        if known == 0 or numel % known:
            raise RuntimeError(f"shape '[{', '.join(map(str, shape))}]' is invalid for input of size {numel}")
        shape = tuple(numel // known if n == -1 else n for n in shape)
    elif known != numel:
        raise RuntimeError(f"shape '[{', '.join(map(str, shape))}]' is invalid for input of size {numel}")
    return shape


class ViewBackward0(Node):
    def apply(self, grad):
        return (grad.reshape(self._saved_self_sym_sizes),)


class UnsafeViewBackward0(ViewBackward0):
    pass


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
    shape = _target_shape(shape, a.numel())
    out = _numpy_view(a._data, shape)
    if out is None:
        raise RuntimeError("view size is not compatible with input tensor's size and stride (at least one "
                           "dimension spans across two contiguous subspaces). Use .reshape(...) instead.")
    return record(ViewBackward0, out, (a,), attrs={"self_sym_sizes": tuple(a.shape)}, view_of=a)


def reshape(a, *shape):
    """Like ``view`` when the memory allows it; otherwise a copy (``clone`` then ``_unsafe_view``)."""
    target = _target_shape(shape, a.numel())
    if _numpy_view(a._data, target) is not None:
        return view(a, *target)
    from .copy import clone

    copied = clone(a)
    return record(UnsafeViewBackward0, copied._data.reshape(target), (copied,),
                  attrs={"self_sym_sizes": tuple(a.shape)})


def flatten(a, start_dim=0, end_dim=-1):
    """Merge dims ``start_dim..end_dim`` into one."""
    if a.ndim == 0:
        return reshape(a, 1)
    start, end = wrap_dim(start_dim, a.ndim), wrap_dim(end_dim, a.ndim)
    if start == end:
        return a
    shape = a.shape[:start] + (int(np.prod(a.shape[start:end + 1])),) + a.shape[end + 1:]
    return reshape(a, *shape)


class TransposeBackward0(Node):
    def apply(self, grad):
        return (np.swapaxes(grad, self._dim0, self._dim1) if grad.ndim else grad,)


def transpose(a, dim0, dim1):
    """Swap two dimensions (a view)."""
    d0, d1 = wrap_dim(dim0, a.ndim), wrap_dim(dim1, a.ndim)
    data = np.swapaxes(a._data, d0, d1) if a.ndim else a._data[...]
    out = record(TransposeBackward0, data, (a,),
                 attrs={"dim0": saved_dim(dim0), "dim1": saved_dim(dim1)}, view_of=a)
    if out._grad_fn is not None:
        out._grad_fn._dim0, out._grad_fn._dim1 = d0, d1
    return out


class TBackward0(Node):
    def apply(self, grad):
        return (grad.T,)


def t(a):
    """Transpose a matrix (tensors of 0, 1 or 2 dims)."""
    if a.ndim > 2:
        raise RuntimeError(f"t() expects a tensor with <= 2 dimensions, but self is {a.ndim}D")
    return record(TBackward0, a._data.T, (a,), view_of=a)


class PermuteBackward0(Node):
    def apply(self, grad):
        return (np.transpose(grad, np.argsort(self._order)),)


def permute(a, *dims):
    """Reorder the dimensions (a view)."""
    dims = tuple(dims[0]) if len(dims) == 1 and not isinstance(dims[0], int) else dims
    if len(dims) != a.ndim:
        raise RuntimeError(f"permute(sparse_coo): number of dimensions in the tensor input does not match the "
                           f"length of the desired ordering of dimensions i.e. input.dim() = {a.ndim} is not "
                           f"equal to len(dims) = {len(dims)}")
    order = tuple(wrap_dim(d, a.ndim) for d in dims)
    out = record(PermuteBackward0, np.transpose(a._data, order), (a,),
                 attrs={"dims": tuple(saved_dim(d) for d in dims)}, view_of=a)
    if out._grad_fn is not None:
        out._grad_fn._order = order
    return out


class SqueezeBackward0(Node):
    def apply(self, grad):
        return (grad.reshape(self._saved_self_sym_sizes),)


class SqueezeBackward1(SqueezeBackward0):
    pass


class SqueezeBackward4(SqueezeBackward0):
    """Squeezing a list of dims (what ``vector @ matrix`` records)."""


def squeeze(a, dim=None):
    """Remove dimensions of size 1 (all of them, only ``dim``, or those of a tuple of dims); a view."""
    if isinstance(dim, (tuple, list)):
        from .splitting import squeeze_dims

        return squeeze_dims(a, dim)
    if dim is None:
        shape = tuple(n for n in a.shape if n != 1)
        return record(SqueezeBackward0, a._data.reshape(shape), (a,), attrs={"self_sym_sizes": tuple(a.shape)},
                      view_of=a)
    d = wrap_dim(dim, a.ndim)
    data = a._data.squeeze(d) if a.ndim and a.shape[d] == 1 else a._data[...]
    return record(SqueezeBackward1, data, (a,), attrs={"dim": saved_dim(dim), "self_sym_sizes": tuple(a.shape)},
                  view_of=a)


class UnsqueezeBackward0(Node):
    def apply(self, grad):
        return (np.squeeze(grad, self._axis),)


def unsqueeze(a, dim):
    """Insert a dimension of size 1 at ``dim`` (a view)."""
    d = wrap_dim(dim, a.ndim + 1)
    out = record(UnsqueezeBackward0, np.expand_dims(a._data, d), (a,), attrs={"dim": saved_dim(dim)},
                 view_of=a)
    if out._grad_fn is not None:
        out._grad_fn._axis = d
    return out


class ExpandBackward0(Node):
    def apply(self, grad):
        return (unbroadcast(grad, self._saved_self_sym_sizes),)


def expand(a, *sizes):
    """Repeat dimensions of size 1 without copying (a read-only view; -1 keeps a size)."""
    sizes = tuple(sizes[0]) if len(sizes) == 1 and not isinstance(sizes[0], int) else sizes
    if len(sizes) < a.ndim:
        raise RuntimeError(f"expand(torch.{a.dtype.legacy_name}Tensor{{[{', '.join(map(str, a.shape))}]}}, size=[{', '.join(map(str, sizes))}]): the number of sizes provided ({len(sizes)}) must be greater or equal to the number of dimensions in the tensor ({a.ndim})")  # noqa: E501
    lead = len(sizes) - a.ndim
    target = tuple(a.shape[i - lead] if n == -1 else n for i, n in enumerate(sizes))
    for i in reversed(range(a.ndim)):  # torch reports the right-most mismatch
        n = a.shape[i]
        if n != 1 and n != target[lead + i]:
            raise RuntimeError(f"The expanded size of the tensor ({target[lead + i]}) must match the existing "
                               f"size ({n}) at non-singleton dimension {lead + i}.  Target sizes: "
                               f"[{', '.join(map(str, sizes))}].  Tensor sizes: [{', '.join(map(str, a.shape))}]")
    strides = (0,) * lead + tuple(0 if n == 1 and t != 1 else st
                                  for n, t, st in zip(a.shape, target[lead:], a._data.strides))
    data = np.lib.stride_tricks.as_strided(a._data, target, strides, writeable=a._data.flags.writeable)
    return record(ExpandBackward0, data, (a,), attrs={"self_sym_sizes": tuple(a.shape)}, view_of=a)


class CatBackward0(Node):
    def apply(self, grad):
        sizes = [meta[0][self._axis] if kept else 0 for meta, kept in zip(self._input_meta, self._kept)]
        pieces = np.split(grad, np.cumsum(sizes)[:-1], axis=self._axis)
        return tuple(piece if kept else np.zeros(0, grad.dtype) for piece, kept in zip(pieces, self._kept))


def cat(tensors, dim=0):
    """Join tensors along an existing dimension (1-d empty tensors are skipped, as torch does)."""
    tensors = list(tensors)
    for i, t in enumerate(tensors):
        if t.ndim == 0:
            raise RuntimeError(f"zero-dimensional tensor (at position {i}) cannot be concatenated")
    kept = [not (t.ndim == 1 and t.shape[0] == 0) for t in tensors]
    joined = [t for t, keep in zip(tensors, kept) if keep] or tensors[:1]
    first = joined[0]
    for t in joined[1:]:
        if t.ndim != first.ndim:
            raise RuntimeError(f"Tensors must have same number of dimensions: got {first.ndim} and {t.ndim}")
    d = wrap_dim(dim, first.ndim)
    for position, t in enumerate(tensors):
        for k in range(first.ndim if kept[position] else 0):
            if k != d and t.shape[k] != first.shape[k]:
                raise RuntimeError(f"Sizes of tensors must match except in dimension {d}. Expected size "
                                   f"{first.shape[k]} but got size {t.shape[k]} for tensor number "
                                   f"{position} in the list.")
    from .._dtype import result_type

    dtype = result_type(*tensors)
    out = record(CatBackward0, np.concatenate([t._data.astype(dtype.numpy, copy=False) for t in joined], d),
                 tensors, attrs={"dim": saved_dim(dim)})
    if out._grad_fn is not None:
        out._grad_fn._axis, out._grad_fn._kept = d, kept
    return out


class StackBackward0(Node):
    def apply(self, grad):
        return tuple(np.moveaxis(grad, self._axis, 0))


def stack(tensors, dim=0):
    """Join same-shaped tensors along a new dimension."""
    tensors = list(tensors)
    for i, t in enumerate(tensors[1:], 1):
        if t.shape != tensors[0].shape:
            raise RuntimeError(f"stack expects each tensor to be equal size, but got [{', '.join(map(str, tensors[0].shape))}] at entry 0 and [{', '.join(map(str, t.shape))}] at entry {i}")  # noqa: E501
    d = wrap_dim(dim, tensors[0].ndim + 1)
    from .._dtype import result_type

    dtype = result_type(*tensors)
    data = np.stack([t._data.astype(dtype.numpy, copy=False) for t in tensors], d)
    out = record(StackBackward0, data, tensors, attrs={"dim": saved_dim(dim)})
    if out._grad_fn is not None:
        out._grad_fn._axis = d
    return out


class UnbindBackward0(Node):
    def apply(self, *grads):
        shape = self._input_meta[0][0]
        parts = [np.zeros(shape[:self._axis] + shape[self._axis + 1:], self._input_meta[0][1]) if g is None
                 else g for g in grads]
        return (np.stack(parts, self._axis),)


def unbind(a, dim=0):
    """Split into views along ``dim``, one per index: what ``for row in tensor`` iterates over."""
    from ..tensor import Tensor

    d = wrap_dim(dim, a.ndim)
    moved = np.moveaxis(a._data, d, 0)
    outs = tuple(Tensor._view(moved[i, ...], a) for i in range(a.shape[d]))
    if needs_recording((a,)):
        node = UnbindBackward0()
        node._axis, node._num_outputs = d, len(outs)
        for i, out in enumerate(outs):
            attach(node, out, (a,), attrs={"dim": saved_dim(dim)}, output_nr=i)
    return outs

