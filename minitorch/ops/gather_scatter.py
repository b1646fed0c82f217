"""Reading and writing at indices along one dim: gather, scatter, scatter_add, take.

``gather(x, dim, index)`` reads ``x[index[i][j]][j]`` (for ``dim=0``); ``scatter`` writes the other way.
Each is a copy (never a view). Their backwards are each other: the gradient of a gather is a scatter-add.
"""

from __future__ import annotations

import warnings

import numpy as np

from ..autograd import node as _node
from ..autograd.node import Node, record
from ._formulas import on_tensors
from ._util import as_tensor, is_tensor, wrap_dim
from .broadcasting import expand
from .index_backward_ops import take_backward
from .reshaping import reshape


def _shape_text(shape) -> str:
    return f"[{', '.join(map(str, shape))}]"


def _check_index(a, dim: int, index, op: str) -> None:
    """torch's checks on a gather/scatter index: integer dtype, same number of dims, in range."""
    if index.dtype.name not in ("int64", "int32"):
        raise RuntimeError(f"{op}(): Expected dtype int32/int64 for index")
    if index.ndim != a.ndim and index.numel() and a.ndim:
        raise RuntimeError("Index tensor must have the same number of dimensions as input tensor")
    values = index._data
    if values.size and (values.min() < -a.shape[dim] or values.max() >= a.shape[dim]):
        bad = values.max() if values.max() >= a.shape[dim] else values.min()
        raise RuntimeError(f"index {bad} is out of bounds for dimension {dim} with size {a.shape[dim]}")


def _check_index_fits(a, dim: int, index, src=None) -> None:
    """The index may be smaller than ``a`` (and ``src``) in every dim but ``dim``."""
    too_big = any(n > m for d, (n, m) in enumerate(zip(index.shape, a.shape)) if d != dim)
    if src is None and too_big:
        raise RuntimeError(f"Size does not match at dimension {next(d for d in range(a.ndim) if d != dim)} "
                           f"expected index {_shape_text(index.shape)} to be no larger than self "
                           f"{_shape_text(a.shape)} apart from dimension {dim}")
    if src is not None and (too_big or any(n > m for n, m in zip(index.shape, src.shape))):
        raise RuntimeError(f"Expected index {_shape_text(index.shape)} to be no larger than self "
                           f"{_shape_text(a.shape)} apart from dimension {dim} and to be no larger size than src "
                           f"{_shape_text(src.shape)}")


def positions(index: np.ndarray, dim: int) -> tuple:
    """Numpy fancy indices for element ``[i][j]...`` of ``index``: its value along ``dim``, its place elsewhere."""
    grid = list(np.indices(index.shape, sparse=True))
    grid[dim] = index
    return tuple(grid)


def _leading(array: np.ndarray, shape) -> np.ndarray:
    """The corner of ``array`` with the index's ``shape`` (the part a gather or scatter uses)."""
    return array[tuple(slice(0, n) for n in shape)]


class GatherBackward0(Node):
    """d gather(x, dim, index) / dx: the gradient scatter-added back to where each value was read."""

    _grad_writes = 1  # torch: zeros, then scatter_add_
    double_backward = True

    def apply(self, grad):
        if on_tensors(grad):  # torch's zeros.scatter_add(dim, index, grad): ScatterAddBackward0
            return (scatter_add(zeros_like_input(self, grad), self._axis, self.unpack("index"), grad),)
        out = np.zeros(self.input_shape(0), dtype=grad.dtype)
        np.add.at(out, positions(self._index, self._axis), grad)
        return (out,)


def zeros_like_input(node: Node, grad, index: int = 0):
    """Zeros shaped as ``node``'s input ``index``, of the gradient's dtype (a constant Tensor)."""
    return _node.Tensor._wrap(np.zeros(node.input_shape(index), dtype=grad._data.dtype))


def gather(a, dim, index, *, sparse_grad=False):
    """``out[i][j] = a[index[i][j]][j]`` for ``dim=0`` (and alike for other dims); ``out`` has index's shape."""
    d = wrap_dim(dim, a.ndim)
    _check_index(a, d, index, "gather")
    _check_index_fits(a, d, index)
    data = a._data[positions(index._data, d)] if a.ndim else a._data.copy()
    return record(GatherBackward0, np.array(data), (a,), saved={"self": a},
                  attrs={"dim": dim, "index": index, "sparse_grad": sparse_grad},
                  state={"index": index._data, "axis": d})


class ScatterBackward0(Node):
    """d scatter(x, dim, index, src): x's gradient is zero where src wrote; src gets the gradient read back."""

    double_backward = True

    def apply(self, grad):
        if on_tensors(grad):  # torch's grad.scatter(dim, index, 0) and grad.gather(dim, index)
            index = self.unpack("index")
            grad_self = scatter(grad, self._axis, index, value=0) if self.needs_input_grad(0) else None
            if len(self._input_meta) == 1:
                return (grad_self,)
            return grad_self, gather(grad, self._axis, index) if self.needs_input_grad(1) else None
        where = positions(self._index, self._axis)
        grad_self = grad.copy()
        grad_self[where] = 0
        # src's gradient has the index's shape, as torch's gather: a larger src makes the engine raise torch's error
        grad_src = grad[where] if len(self._input_meta) > 1 else None
        return (grad_self,) if grad_src is None else (grad_self, grad_src)


class ScatterBackward1(ScatterBackward0):
    """d scatter(x, dim, index, value) / dx: zero where the value was written, else 1."""


class ScatterAddBackward0(Node):
    """d scatter_add(x, dim, index, src): x's gradient passes through; src's is the gradient read back."""

    double_backward = True

    def apply(self, grad):
        if on_tensors(grad):  # torch's grad.gather(dim, index) for src
            return grad, gather(grad, self._axis, self.unpack("index")) if self.needs_input_grad(1) else None
        return grad, grad[positions(self._index, self._axis)]  # the index's shape (see ScatterBackward0)


def _scatter_into(a, d, index, src, reduce_add: bool):
    result = a._data.copy()
    where = positions(index._data, d)
    values = _leading(src._data, index.shape).astype(result.dtype) if is_tensor(src) else src
    if reduce_add:
        np.add.at(result, where, values)
    else:
        result[where] = values
    return result


def scatter(a, dim, index, src=None, *, value=None, reduce=None):
    """A copy of ``a`` with ``src`` (a tensor or a number) written at ``index`` along ``dim``."""
    src = value if src is None else src
    if reduce is not None:
        return _scatter_reduce_legacy(a, dim, index, src, reduce)
    d = wrap_dim(dim, a.ndim)
    _check_index(a, d, index, "scatter")
    _check_index_fits(a, d, index, src if is_tensor(src) else None)
    data = _scatter_into(a, d, index, src, reduce_add=False)
    if is_tensor(src):
        out = record(ScatterBackward0, data, (a, src), attrs={"dim": dim, "index": index},
                     state={"index": index._data, "axis": d})
    else:
        out = record(ScatterBackward1, data, (a,), attrs={"dim": dim, "index": index},
                     state={"index": index._data, "axis": d})
    return out


SCATTER_REDUCE_DEPRECATED = (
    "The reduce argument of torch.scatter with Tensor src is deprecated and will be removed in a future PyTorch "
    "release. Use torch.scatter_reduce instead for more reduction options. (Triggered internally at "
    "/__w/pytorch/pytorch/aten/src/ATen/native/TensorAdvancedIndexing.cpp:225.)")


_warned_once = []


class NotImplemented(Node):  # noqa: A001 (torch's name for a node whose derivative does not exist)
    """scatter with ``reduce=`` has no derivative in torch: its backward raises."""

    def apply(self, grad):
        raise RuntimeError("derivative for aten::scatter is not implemented")


def _scatter_reduce_legacy(a, dim, index, src, reduce):
    """``scatter(..., reduce='add'|'multiply')``: values combined into ``a`` at ``index`` (no derivative)."""
    if reduce not in ("add", "multiply"):
        raise RuntimeError("reduce argument must be either add or multiply.")
    if is_tensor(src) and not _warned_once:  # torch warns once per process
        _warned_once.append(True)
        warnings.warn(SCATTER_REDUCE_DEPRECATED, UserWarning, stacklevel=3)
    d = wrap_dim(dim, a.ndim)
    _check_index(a, d, index, "scatter")
    _check_index_fits(a, d, index, src if is_tensor(src) else None)
    result = a._data.copy()
    values = _leading(src._data, index.shape).astype(result.dtype) if is_tensor(src) else src
    (np.add if reduce == "add" else np.multiply).at(result, positions(index._data, d), values)
    return record(NotImplemented, result, (a,))


def scatter_add(a, dim, index, src):
    """A copy of ``a`` with ``src``'s values added at ``index`` along ``dim`` (repeated indices add up)."""
    d = wrap_dim(dim, a.ndim)
    _check_index(a, d, index, "scatter_add")
    _check_index_fits(a, d, index, src)
    return record(ScatterAddBackward0, _scatter_into(a, d, index, src, reduce_add=True), (a, src),
                  attrs={"dim": dim, "index": index}, state={"index": index._data, "axis": d})


class TakeBackward0(Node):
    """d take(x, index) / dx: each gradient added back at its flat position."""

    double_backward = True

    def apply(self, grad):
        return (take_backward(grad, self.input_shape(0), self._index),)


def take(a, index):
    """``a`` read as if flattened, at ``index``; the result has ``index``'s shape."""
    index = as_tensor(index)
    flat = index._data.astype(np.int64)
    if flat.size and (flat.max() >= a.numel() or flat.min() < -a.numel()):
        bad = flat.max() if flat.max() >= a.numel() else flat.min()
        raise IndexError(f"out of range: tried to access index {bad} on a tensor of {a.numel()} elements.")
    return record(TakeBackward0, a._data.reshape(-1)[flat], (a,), saved={"self": a}, attrs={"index": index},
                  state={"index": flat})


def take_along_dim(a, indices, dim=None):
    """``gather`` with ``a`` and ``indices`` broadcast against each other in every dim but ``dim``
    (``dim=None``: both flattened, as ``take``)."""
    if dim is None:
        return gather(reshape(a, -1), 0, reshape(indices, -1))
    d = wrap_dim(dim, a.ndim)
    shape_a, shape_i = list(a.shape), list(indices.shape)
    shape_a[d] = shape_i[d] = 1
    common = list(np.broadcast_shapes(tuple(shape_a), tuple(shape_i)))
    target_a, target_i = common.copy(), common.copy()
    target_a[d], target_i[d] = a.shape[d], indices.shape[d]
    source = a if list(a.shape) == target_a else expand(a, *target_a)
    index = indices if list(indices.shape) == target_i else expand(indices, *target_i)
    return gather(source, d, index)
