"""unique and unique_consecutive: the distinct values of a tensor (no gradient, as in torch)."""

from __future__ import annotations

import numpy as np

from ..autograd import node as _node
from ..autograd.node import Node, record
from ._util import wrap_dim


class _NoDerivative(Node):
    """torch records these ops but gives them no derivative (grad: not implemented): their backward raises."""

    op_name = ""

    def apply(self, grad):
        raise RuntimeError(f"the derivative for '{self.op_name}' is not implemented.")


class Unique2Backward0(_NoDerivative):
    """d unique2 / dx: not implemented in torch (backward raises)."""

    op_name = "_unique2"


class UniqueDimBackward0(_NoDerivative):
    """d unique_dim / dx: not implemented in torch (backward raises)."""

    op_name = "unique_dim"


class UniqueConsecutiveBackward0(_NoDerivative):
    """d unique_consecutive / dx: not implemented in torch (backward raises)."""

    op_name = "unique_consecutive"


def _wrap(data, dtype=None):
    return _node.Tensor._wrap(np.array(data, dtype=dtype, order="C"))


def _results(node_cls, a, values, inverse, counts, return_inverse, return_counts):
    """The tensor alone, or a tuple with the inverse indices and/or counts, as torch returns them."""
    results = [record(node_cls, np.array(values, order="C"), (a,))]
    if return_inverse:
        results.append(_wrap(inverse, np.int64))
    if return_counts:
        results.append(_wrap(counts, np.int64))
    return results[0] if len(results) == 1 else tuple(results)


def unique(input, sorted=True, return_inverse=False, return_counts=False, dim=None):  # noqa: A002
    """The distinct elements in ascending order (or distinct slices along ``dim``).

    ``return_inverse`` adds, for each element, the index of its value in the result; ``return_counts``
    adds how often each value occurs.
    """
    data = input._data
    axis = None if dim is None else wrap_dim(dim, input.ndim)
    values, inverse, counts = np.unique(data, return_inverse=True, return_counts=True, axis=axis)
    inverse = inverse.reshape(data.shape) if axis is None else inverse.reshape(-1)
    node_cls = Unique2Backward0 if axis is None else UniqueDimBackward0
    return _results(node_cls, input, values, inverse, counts, return_inverse, return_counts)


def unique_consecutive(input, return_inverse=False, return_counts=False, dim=None):  # noqa: A002
    """Collapse each run of equal consecutive elements (or slices along ``dim``) to one."""
    axis = 0 if dim is None else wrap_dim(dim, input.ndim)
    data = input._data.reshape(-1) if dim is None else np.moveaxis(input._data, axis, 0)
    if data.shape[0] == 0:
        empty = np.zeros(0, np.int64)
        return _results(UniqueConsecutiveBackward0, input, data, empty.reshape(input.shape), empty, return_inverse,
                        return_counts)
    changed = np.any((data[1:] != data[:-1]).reshape(data.shape[0] - 1, -1), axis=1)
    starts = np.concatenate([[True], changed])
    values = data[starts]
    inverse = np.cumsum(starts) - 1
    counts = np.diff(np.append(np.flatnonzero(starts), data.shape[0]))
    if dim is None:
        inverse = inverse.reshape(input.shape)
    else:
        values = np.moveaxis(values, 0, axis)
    return _results(UniqueConsecutiveBackward0, input, values, inverse, counts, return_inverse, return_counts)
