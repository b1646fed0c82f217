"""Shape ops. Most return *views*: new tensors on the same memory and version counter as their input."""

from __future__ import annotations

import numpy as np

from ..autograd import node as _node
from ..autograd.grad_mode import is_grad_enabled
from ..autograd.node import Node, record, record_outputs
from . import _formulas
from ._formulas import on_tensors, unbroadcast
from ._util import saved_dim, wrap_dim
from .copy import clone
from .join import stack


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
    if start == end:
        return a
    shape = a.shape[:start] + (int(np.prod(a.shape[start:end + 1])),) + a.shape[end + 1:]
    return reshape(a, *shape)


class TransposeBackward0(Node):
    """d x.transpose(d0, d1) / dx: grad with the two dims swapped back."""

    double_backward = True

    def apply(self, grad):
        return (_formulas.transpose(grad, self._dim0, self._dim1),)


def transpose(a, dim0, dim1):
    """Swap two dimensions (a view)."""
    d0, d1 = wrap_dim(dim0, a.ndim), wrap_dim(dim1, a.ndim)
    data = np.swapaxes(a._data, d0, d1) if a.ndim else a._data[...]
    return record(TransposeBackward0, data, (a,),
                  attrs={"dim0": saved_dim(dim0), "dim1": saved_dim(dim1)}, view_of=a, state={"dim0": d0, "dim1": d1})


class TBackward0(Node):
    """d x.t() / dx: grad transposed back."""

    double_backward = True

    def apply(self, grad):
        return (_formulas.t(grad),)


def t(a):
    """Transpose a matrix (tensors of 0, 1 or 2 dims)."""
    if a.ndim > 2:
        raise RuntimeError(f"t() expects a tensor with <= 2 dimensions, but self is {a.ndim}D")
    return record(TBackward0, a._data.T, (a,), view_of=a)


class PermuteBackward0(Node):
    """d x.permute(dims) / dx: grad permuted by the inverse order."""

    double_backward = True

    def apply(self, grad):
        return (_formulas.permute(grad, tuple(int(i) for i in np.argsort(self._order))),)


def permute(a, *dims):
    """Reorder the dimensions (a view)."""
    if not dims:
        raise TypeError('permute() missing 1 required positional arguments: "dims"')
    dims = tuple(dims[0]) if len(dims) == 1 and not isinstance(dims[0], int) else dims
    if len(dims) != a.ndim:
        raise RuntimeError(f"permute(sparse_coo): number of dimensions in the tensor input does not match the "
                           f"length of the desired ordering of dimensions i.e. input.dim() = {a.ndim} is not "
                           f"equal to len(dims) = {len(dims)}")
    order = tuple(wrap_dim(d, a.ndim) for d in dims)
    return record(PermuteBackward0, np.transpose(a._data, order), (a,),
                  attrs={"dims": tuple(saved_dim(d) for d in dims)}, view_of=a, state={"order": order})


class SqueezeBackward0(Node):
    """d x.squeeze() / dx: grad reshaped back to x's sizes."""

    double_backward = True

    def apply(self, grad):
        return (_formulas.unsqueeze_to(grad, self._saved_self_sym_sizes),)


class SqueezeBackward1(SqueezeBackward0):
    """d x.squeeze(dim) / dx: grad reshaped back to x's sizes."""


class SqueezeBackward4(SqueezeBackward0):
    """d x.squeeze_(dim) / dx (also what ``vector @ matrix`` records): grad reshaped back to x's sizes."""


class SqueezeBackward2(Node):
    """d squeeze(x, dims) / dx: the gradient with the removed dims put back (``unsqueeze``, lowest first)."""

    double_backward = True

    def apply(self, grad):
        if not on_tensors(grad):
            return (grad.reshape(self._saved_self_sym_sizes),)
        sizes = self._saved_self_sym_sizes
        for d in sorted({wrap_dim(d, len(sizes)) for d in self._saved_dim}):
            if sizes[d] == 1:
                grad = grad.unsqueeze(d)
        return (grad,)


def squeeze_dims(a, dims):
    """Remove those of ``dims`` that have size 1 (a view)."""
    wrapped = {wrap_dim(d, a.ndim) for d in dims}
    shape = tuple(n for i, n in enumerate(a.shape) if not (i in wrapped and n == 1))
    return record(SqueezeBackward2, a._data.reshape(shape), (a,),
                  attrs={"dim": tuple(saved_dim(d) for d in dims), "self_sym_sizes": tuple(a.shape)}, view_of=a)


def squeeze(a, dim=None):
    """Remove dimensions of size 1 (all of them, only ``dim``, or those of a tuple of dims); a view."""
    if isinstance(dim, (tuple, list)):
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
    """d x.unsqueeze(dim) / dx: grad with that dim squeezed away."""

    double_backward = True

    def apply(self, grad):
        return (_formulas.squeeze(grad, self._axis),)


def unsqueeze(a, dim):
    """Insert a dimension of size 1 at ``dim`` (a view)."""
    d = wrap_dim(dim, a.ndim + 1)
    strides = list(a._data.strides)  # the new dim steps over the dims after it, as torch's unsqueeze
    strides.insert(d, a.shape[d] * strides[d] if d < a.ndim else a._data.itemsize)
    data = np.lib.stride_tricks.as_strided(a._data, a.shape[:d] + (1,) + a.shape[d:], strides,
                                           writeable=a._data.flags.writeable)
    return record(UnsqueezeBackward0, data, (a,), attrs={"dim": saved_dim(dim)}, view_of=a, state={"axis": d})


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

