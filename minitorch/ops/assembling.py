"""Tensors assembled from others: the ``*_scatter`` family (a copy of ``input`` with one region replaced),
masked_scatter, block_diag; and diff, diagflat, cartesian_prod, combinations, which torch builds from
narrow, sub, diag, meshgrid and stack (so their ``grad_fn`` is that of the last op)."""

from __future__ import annotations

import numpy as np

from .._dtype import result_type
from ..autograd import node as _node
from ..autograd.node import Node, record
from ._util import as_tensor, wrap_dim
from .arithmetic import sub
from .broadcasting import meshgrid
from .comparison import logical_xor
from .diagonals import diag
from .index_ops import masked_select
from .join import cat, stack
from .splitting import narrow


class _RegionBackward(Node):
    """The input's gradient is grad outside the region; the source's is grad inside it."""

    def apply(self, grad):
        grad_input = None
        if self.needs_input_grad(0):
            grad_input = grad.copy()
            self._region_of(grad_input)[...] = 0
        grad_src = self._region_of(grad).copy() if self.needs_input_grad(1) else None
        return grad_input, grad_src

    def _region_of(self, array):
        if self._diagonal is not None:
            offset, dim1, dim2 = self._diagonal
            return _diagonal_view(array, offset, dim1, dim2)
        return array[self._index]


class SelectScatterBackward0(_RegionBackward):
    """d select_scatter: grad with the selected slice zeroed for input, that slice of grad for src."""


class SliceScatterBackward0(_RegionBackward):
    """d slice_scatter: grad with the slice zeroed for input, the slice of grad for src."""


class DiagonalScatterBackward0(_RegionBackward):
    """d diagonal_scatter: grad with the diagonal zeroed for input, the diagonal of grad for src."""


def _diagonal_view(array, offset, dim1, dim2):
    """A writable view of a diagonal (``np.diagonal`` returns a read-only one), moved to the last dim."""
    moved = np.moveaxis(array, (dim1, dim2), (-2, -1))
    rows, cols = moved.shape[-2:]
    length = max(0, min(rows, cols - offset) if offset >= 0 else min(rows + offset, cols))
    start = moved[..., max(-offset, 0):, max(offset, 0):] if length else moved[..., :0, :0]
    steps = start.strides[:-2] + (start.strides[-2] + start.strides[-1],)
    return np.lib.stride_tricks.as_strided(start, start.shape[:-2] + (length,), steps)


def _scatter_into(node_cls, input, src, index=None, diagonal=None, attrs=None):  # noqa: A002
    out = input._data.copy()
    region = out[index] if diagonal is None else _diagonal_view(out, *diagonal)
    if region.shape != src.shape:
        raise RuntimeError(f"expected src to have a size equal to the slice of self. src size = {list(src.shape)}, "
                           f"slice size = {list(region.shape)}")
    region[...] = src._data
    return record(node_cls, out, (input, src), attrs=attrs, state={"index": index, "diagonal": diagonal})


def select_scatter(input, src, dim, index):  # noqa: A002 (torch's argument name)
    """A copy of ``input`` with ``input.select(dim, index)`` replaced by ``src``."""
    axis = wrap_dim(dim, input.ndim)
    where = (slice(None),) * axis + (index,)
    return _scatter_into(SelectScatterBackward0, input, src, index=where, attrs={"dim": dim, "index": index})


def slice_scatter(input, src, dim=0, start=None, end=None, step=1):  # noqa: A002
    """A copy of ``input`` with ``input[..., start:end:step, ...]`` (along ``dim``) replaced by ``src``."""
    axis = wrap_dim(dim, input.ndim)
    where = (slice(None),) * axis + (slice(start, end, step),)
    return _scatter_into(SliceScatterBackward0, input, src, index=where,
                         attrs={"dim": dim, "start": start, "end": end, "step": step})


def diagonal_scatter(input, src, offset=0, dim1=0, dim2=1):  # noqa: A002
    """A copy of ``input`` with ``input.diagonal(offset, dim1, dim2)`` replaced by ``src``."""
    dims = (wrap_dim(dim1, input.ndim), wrap_dim(dim2, input.ndim))
    return _scatter_into(DiagonalScatterBackward0, input, src, diagonal=(offset, *dims),
                         attrs={"offset": offset, "dim1": dim1, "dim2": dim2})


class MaskedScatterBackward0(Node):
    """d masked_scatter: grad where the mask is False for input; grad at the mask's places, in order, for source."""

    def apply(self, grad):
        mask = np.broadcast_to(self.unpack("mask"), grad.shape)
        grad_input = np.where(mask, 0, grad).astype(grad.dtype) if self.needs_input_grad(0) else None
        grad_source = None
        if self.needs_input_grad(1):
            picked = grad[mask]
            grad_source = np.zeros(int(np.prod(self._saved_source_sym_sizes, dtype=np.int64)), dtype=grad.dtype)
            grad_source[:picked.size] = picked
            grad_source = grad_source.reshape(self._saved_source_sym_sizes)
        return grad_input, grad_source


def masked_scatter(input, mask, source):  # noqa: A002
    """A copy of ``input`` whose places where ``mask`` is True take ``source``'s values, in order."""
    if mask.dtype.name != "bool":
        raise RuntimeError(f"masked_scatter_ only supports boolean masks, but got mask with dtype "
                           f"{mask.dtype.legacy_name}")
    if input.dtype is not source.dtype:
        raise RuntimeError(f"masked_scatter: expected self and source to have same dtypes but got "
                           f"{input.dtype.legacy_name} and {source.dtype.legacy_name}")
    shape = np.broadcast_shapes(input.shape, mask.shape)
    out = np.broadcast_to(input._data, shape).copy()
    places = np.broadcast_to(mask._data, shape)
    count = int(places.sum())
    if count > source.numel():
        raise RuntimeError("Number of elements of source < number of ones in mask")
    out[places] = source._data.reshape(-1)[:count]
    return record(MaskedScatterBackward0, out, (input, source), saved={"mask": mask},
                  attrs={"source_sym_sizes": tuple(source.shape)})


class BlockDiagBackward0(Node):
    """d block_diag(A, B, ...): each input's gradient is its block of grad."""

    def apply(self, grad):
        grads, row, col = [], 0, 0
        for i, (rows, cols) in enumerate(self._blocks):
            block = grad[row:row + rows, col:col + cols]
            grads.append(block.reshape(self.input_shape(i)).copy() if self.needs_input_grad(i) else None)
            row, col = row + rows, col + cols
        return tuple(grads)


def block_diag(*tensors):
    """A matrix with the inputs on its diagonal as blocks (0-d and 1-d inputs count as one row)."""
    for i, t in enumerate(tensors):
        if t.ndim > 2:
            raise RuntimeError(f"torch.block_diag: Input tensors must have 2 or fewer dimensions. Input {i} has "
                               f"{t.ndim} dimensions")
    blocks = [t._data.reshape((1,) * (2 - t.ndim) + t.shape) for t in tensors]
    dtype = result_type(*tensors).numpy if tensors else np.float32
    out = np.zeros((sum(b.shape[0] for b in blocks), sum(b.shape[1] for b in blocks)), dtype=dtype)
    row = col = 0
    for b in blocks:
        out[row:row + b.shape[0], col:col + b.shape[1]] = b
        row, col = row + b.shape[0], col + b.shape[1]
    return record(BlockDiagBackward0, out, tensors, state={"blocks": [b.shape for b in blocks]})


def diff(input, n=1, dim=-1, prepend=None, append=None):  # noqa: A002
    """Differences of neighbours along ``dim``, ``n`` times (``prepend``/``append`` joined first)."""
    if input.ndim == 0:
        raise RuntimeError("diff expects input to be at least one-dimensional")
    axis = wrap_dim(dim, input.ndim)
    parts = [as_tensor(p) for p in (prepend, input, append) if p is not None]
    result = cat(parts, axis) if len(parts) > 1 else input
    for _ in range(n):
        length = result.shape[axis]
        later, earlier = narrow(result, axis, 1, length - 1), narrow(result, axis, 0, length - 1)
        result = logical_xor(later, earlier) if result.dtype.name == "bool" else sub(later, earlier)
    return result


def diagflat(input, offset=0):  # noqa: A002
    """A matrix with ``input``'s values (flattened) on diagonal ``offset``."""
    return diag(input.ravel(), offset)


def cartesian_prod(*tensors):
    """Every combination of one element from each 1-d input, one per row."""
    if len(tensors) == 1:
        return tensors[0]
    grids = meshgrid(*tensors, indexing="ij")
    return stack([g.flatten() for g in grids], 1)


def combinations(input, r=2, with_replacement=False):  # noqa: A002
    """Every ``r``-element combination of a 1-d input's elements, in order, one per row."""
    if input.ndim != 1:
        raise RuntimeError(f"Expect a 1D vector, but got shape {list(input.shape)}")
    if r == 0:
        return _node.Tensor._wrap(np.empty(0, dtype=input._data.dtype))
    grids = meshgrid(*([input] * r), indexing="ij")
    index = np.indices((input.shape[0],) * r)
    keep = np.ones(index.shape[1:], dtype=bool)
    for i in range(r - 1):
        keep &= (index[i] <= index[i + 1]) if with_replacement else (index[i] < index[i + 1])
    mask = _node.Tensor._wrap(keep)
    return stack([masked_select(g, mask) for g in grids], 1)
