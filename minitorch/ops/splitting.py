"""Views that cut or re-arrange dims: unbind, split, chunk, tensor_split, hsplit/vsplit/dsplit, narrow, movedim,
swapaxes, and the in-place shape changes (``unsqueeze_``, ``squeeze_``, ``t_``, ``transpose_``).

Every result shares memory with its input, as in torch.
"""

from __future__ import annotations

import numpy as np

from ..autograd import node as _node
from ..autograd.grad_mode import is_grad_enabled
from ..autograd.node import Node, attach, needs_recording, record_outputs
from . import _formulas
from ._formulas import on_tensors, unsqueeze_to
from ._util import saved_dim, wrap_dim
from .indexing import alias, slice_dim
from .inplace import _old_value, check_inplace, records_inplace, write_values
from .join import cat, stack
from .reshaping import view
from .transposing import permute, transpose


class UnbindBackward0(Node):
    """d x.unbind(dim) / dx: the outputs' grads stacked along dim (zeros for unused ones)."""

    double_backward = True

    def apply(self, *grads):
        shape = self.input_shape(0)
        parts = [np.zeros(shape[:self._axis] + shape[self._axis + 1:], self.input_dtype(0)) if g is None
                 else g for g in grads]
        if any(on_tensors(part) for part in parts):  # create_graph: torch's stack, zeros as constants
            return (stack([p if on_tensors(p) else _node.Tensor._wrap(p) for p in parts], self._axis),)
        return (np.stack(parts, self._axis),)


def unbind(a, dim=0):
    """Split into views along ``dim``, one per index: what ``for row in tensor`` iterates over."""
    if a.ndim == 0:
        raise IndexError("Dimension specified as 0 but tensor has no dimensions")
    d = wrap_dim(dim, a.ndim)
    moved = np.moveaxis(a._data, d, 0)
    outs = tuple(_node.Tensor._view(moved[i, ...], a) for i in range(a.shape[d]))
    if is_grad_enabled():  # torch refuses in-place changes to these views (CreationMeta::MULTI_OUTPUT_NODE)
        for out in outs:
            out._multi_output_view, out._no_grad_view = True, False
    return record_outputs(UnbindBackward0, outs, (a,), attrs={"dim": saved_dim(dim)}, state={"axis": d})


class SplitBackward0(Node):
    """d split(x, size, dim): the pieces' gradients joined back along ``dim`` (zeros for unused pieces)."""

    double_backward = True

    def apply(self, *grads):
        shape, dtype = self._input_meta[0]
        parts = []
        for grad, (start, stop) in zip(grads, self._bounds):
            piece_shape = shape[:self._axis] + (stop - start,) + shape[self._axis + 1:]
            parts.append(np.zeros(piece_shape, dtype) if grad is None else grad)
        if any(on_tensors(part) for part in parts):  # create_graph: torch's cat, zeros as constants
            return (cat([part if on_tensors(part) else _node.Tensor._wrap(part) for part in parts], self._axis),)
        return (np.concatenate(parts, self._axis),)


class SplitWithSizesBackward0(SplitBackward0):
    """d split(x, [sizes], dim): the pieces' gradients joined back along ``dim``."""


def _split_views(a, d: int, sizes, node_cls, attrs):
    """Views of consecutive pieces of ``sizes`` along dim ``d``, all outputs of one node."""
    bounds = list(zip(np.cumsum([0, *sizes[:-1]]), np.cumsum(sizes)))
    moved = np.moveaxis(a._data, d, 0)
    outs = tuple(_node.Tensor._view(np.moveaxis(moved[start:stop], 0, d), a) for start, stop in bounds)
    return record_outputs(node_cls, outs, (a,), attrs={**attrs, "self_sym_sizes": tuple(a.shape)},
                          state={"axis": d, "bounds": [(int(s), int(e)) for s, e in bounds]})


def split(a, split_size_or_sections, dim=0):
    """Pieces of ``split_size`` along ``dim`` (the last may be smaller), or of the given list of sizes."""
    if a.ndim == 0:
        raise RuntimeError("split expects at least a 1-dimensional tensor")
    d = wrap_dim(dim, a.ndim)
    length = a.shape[d]
    if not isinstance(split_size_or_sections, (int, np.integer)):
        sizes = [int(n) for n in split_size_or_sections]
        if any(n < 0 for n in sizes):
            raise RuntimeError(f"split_with_sizes expects split_sizes have only non-negative entries, but got "
                               f"split_sizes=[{', '.join(map(str, sizes))}]")
        if sum(sizes) != length:
            raise RuntimeError(f"split_with_sizes expects split_sizes to sum exactly to {length} (input tensor's "
                               f"size at dimension {d}), but got split_sizes=[{', '.join(map(str, sizes))}]")
        return _split_views(a, d, sizes, SplitWithSizesBackward0, {"dim": dim, "split_sizes": tuple(sizes)})
    size = int(split_size_or_sections)
    if size < 0:
        raise RuntimeError(f"split expects split_size be non-negative, but got split_size={size}")
    if size == 0 and length:
        raise RuntimeError(f"split_size can only be 0 if dimension size is 0, but got dimension size of {length}")
    count = max(-(-length // size), 1) if size else 1
    sizes = [size] * (count - 1) + [length - size * (count - 1)]
    return _split_views(a, d, sizes, SplitBackward0, {"dim": dim, "split_size": size})


def chunk(a, chunks, dim=0):
    """About ``chunks`` equal pieces along ``dim`` (each ``ceil(size / chunks)`` long; maybe fewer pieces)."""
    if a.ndim == 0:
        raise RuntimeError("chunk expects at least a 1-dimensional tensor")
    if chunks <= 0:
        raise RuntimeError(f"chunk expects `chunks` to be greater than 0, got: {chunks}")
    length = a.shape[wrap_dim(dim, a.ndim)]
    if length == 0:  # torch keeps the number of pieces: split_with_sizes of ``chunks`` empty pieces
        return split(a, [0] * chunks, dim)
    return split(a, max(-(-length // chunks), 1), dim)


def tensor_split(a, indices_or_sections, dim=0):
    """Pieces along ``dim``: ``n`` nearly equal ones (the first ones one longer), or cut at the given indices."""
    if a.ndim == 0:
        raise RuntimeError("tensor_split expected at least a 1-dimensional tensor, but got a tensor with 0 dims")
    d = wrap_dim(dim, a.ndim)
    length = a.shape[d]
    if isinstance(indices_or_sections, (int, np.integer)):
        n = int(indices_or_sections)
        if n <= 0:
            raise RuntimeError(f"number of sections must be larger than 0, got {n}")
        sizes = [length // n + (1 if i < length % n else 0) for i in range(n)]
        cuts = list(np.cumsum([0, *sizes]))
    else:
        cuts = [0, *[int(i) for i in indices_or_sections], length]
    return tuple(slice_dim(a, d, slice(min(start, length), max(min(stop, length), min(start, length))))
                 for start, stop in zip(cuts[:-1], cuts[1:]))


def _split_at_dim(name, a, indices_or_sections, min_dims, dim):
    """tensor_split along ``dim`` after torch's checks: enough dims, and whole sections."""
    if a.ndim < min_dims:
        raise RuntimeError(f"torch.{name} requires a tensor with at least {min_dims} dimension, but got a tensor "
                           f"with {a.ndim} dimensions!")
    if isinstance(indices_or_sections, (int, np.integer)) and a.shape[dim] % int(indices_or_sections):
        raise RuntimeError(f"torch.{name} attempted to split along dimension {dim}, but the size of the dimension "
                           f"{a.shape[dim]} is not divisible by the split_size {int(indices_or_sections)}!")
    return tensor_split(a, indices_or_sections, dim)


def hsplit(a, indices_or_sections):
    """tensor_split along the columns: dim 1 (dim 0 of a vector); sections must divide it."""
    return _split_at_dim("hsplit", a, indices_or_sections, 1, 0 if a.ndim == 1 else 1)


def vsplit(a, indices_or_sections):
    """tensor_split along dim 0 of a tensor of at least 2 dims; sections must divide it."""
    return _split_at_dim("vsplit", a, indices_or_sections, 2, 0)


def dsplit(a, indices_or_sections):
    """tensor_split along dim 2 (depth) of a tensor of at least 3 dims; sections must divide it."""
    return _split_at_dim("dsplit", a, indices_or_sections, 3, 2)


def narrow(a, dim, start, length):
    """The ``length`` elements from ``start`` along ``dim`` (a view)."""
    if a.ndim == 0:
        raise RuntimeError("narrow() cannot be applied to a 0-dim tensor.")
    d = wrap_dim(dim, a.ndim)
    start = int(start)
    size = a.shape[d]
    if not -size <= start <= size:
        raise IndexError(f"start out of range (expected to be in range of [{-size}, {size}], but got {start})")
    start = start % size if start < 0 else start
    if start + length > size:
        raise RuntimeError(f"start ({start}) + length ({length}) exceeds dimension size ({size}).")
    return slice_dim(a, d, slice(start, start + length))


def unflatten(a, dim, sizes):
    """Dim ``dim`` split into dims of ``sizes`` (one may be -1), as a view."""
    d = wrap_dim(dim, a.ndim)
    return view(a, *(tuple(a.shape[:d]) + tuple(sizes) + tuple(a.shape[d + 1:])))


def movedim(a, source, destination):
    """Move dims from ``source`` to ``destination`` positions, the others keeping their order (a view)."""
    source = [source] if isinstance(source, int) else list(source)
    destination = [destination] if isinstance(destination, int) else list(destination)
    if len(source) != len(destination):
        raise RuntimeError(f"movedim: Invalid source or destination dims: source ({source} dims) should contain the "
                           f"same number of dims as destination ({destination} dims)")
    src = [wrap_dim(s, a.ndim) for s in source]
    dst = [wrap_dim(s, a.ndim) for s in destination]
    for name, given, dims in (("source", source, src), ("destination", destination, dst)):
        if len(set(dims)) != len(dims):
            raise RuntimeError(f"movedim: repeated dim in `{name}` ({given})")
    if a.ndim == 0:
        return alias(a)  # torch: a 0-d tensor is moved to itself, an alias
    order = [n for n in range(a.ndim) if n not in src]
    for place, dim in sorted(zip(dst, src)):
        order.insert(place, dim)
    return permute(a, *order)


def swapaxes(a, axis0, axis1):
    """``transpose(a, axis0, axis1)`` under numpy's name."""
    return transpose(a, axis0, axis1)


class UnsqueezeBackward1(Node):
    """d x.unsqueeze_(dim) / dx: the gradient with that dim removed again."""

    double_backward = True

    def apply(self, grad):
        if on_tensors(grad):  # torch: grad.squeeze(dim)
            dim = self._saved_dim - 2**64 if self._saved_dim >= 2**63 else self._saved_dim  # (saved unsigned)
            return (grad.squeeze(dim % grad.ndim),)
        return (grad.reshape(self.input_shape(0)),)


class SqueezeBackward3(UnsqueezeBackward1):
    """d x.squeeze_() / dx: the gradient with the squeezed dims put back."""

    def apply(self, grad):
        return (unsqueeze_to(grad, self.input_shape(0)),)


class TBackward1(UnsqueezeBackward1):
    """d x.t_() / dx: the gradient transposed back."""

    def apply(self, grad):
        return (_formulas.t(grad),)


class TransposeBackward1(UnsqueezeBackward1):
    """d x.transpose_(d0, d1) / dx: the gradient with the two dims swapped back."""

    def apply(self, grad):
        return (_formulas.transpose(grad, *self._axes),)


def restride_(a, viewed, node_cls, attrs=None, state=None):
    """Give ``a`` the shape and strides of ``viewed`` (a view of it), in place, as ``unsqueeze_`` does.

    The new node (``node_cls``, with ``record``'s ``attrs`` and ``state``) becomes ``a``'s grad_fn."""
    if records_inplace(a, ()):
        check_inplace(a)
    old = _old_value(a) if needs_recording((a,)) else None
    a._data = viewed._data
    write_values(a, a._data, cast=True, overlap_ok=True)  # the values stay; the version moves on
    if old is not None:
        attach(node_cls(), a, (old,), attrs=attrs, state=state)
    return a
