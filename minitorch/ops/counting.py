"""Counting and looking up values (no gradient): bincount, histc, searchsorted, bucketize, isin, the
indices of a triangle, and the integer and sign tests gcd, lcm, signbit, heaviside."""

from __future__ import annotations

import numpy as np

from .._dtype import Size, int32, int64
from ..autograd import node as _node
from ._out import with_out
from ._util import as_tensor, binary_operands


def _wrap(array) -> object:
    return _node.Tensor._wrap(np.asarray(array))


def _not_for(name: str, dtype) -> NotImplementedError:
    return NotImplementedError(f"\"{name}\" not implemented for '{dtype.legacy_name}'")


def bincount(input, weights=None, minlength=0):  # noqa: A002 (torch's argument name)
    """How often each non-negative integer occurs in a 1-d tensor (the sum of ``weights`` at them, if given)."""
    if input.dtype.is_floating_point or input.dtype.name == "bool":
        raise _not_for("bincount_cpu", input.dtype)
    if input.ndim != 1 or (input.numel() and input._data.min() < 0):
        raise RuntimeError("bincount only supports 1-d non-negative integral inputs.")
    values = None if weights is None else weights._data.astype(np.float64)
    counts = np.bincount(input._data, weights=values, minlength=minlength)
    if weights is None:
        return _wrap(counts.astype(np.int64))
    return _wrap(counts.astype(np.float64 if weights.dtype.name == "float64" else np.float32))


def histc(input, bins=100, min=0, max=0, *, out=None):  # noqa: A002 (torch's argument names)
    """A histogram of ``bins`` equal bins between ``min`` and ``max`` (the data's range when both are 0)."""
    return with_out("histc", _histc, out, input, bins, min, max)


def _histc(input, bins, low, high):  # noqa: A002
    if not input.dtype.is_floating_point:
        raise _not_for("histogram_cpu", input.dtype)
    data = input._data
    if low == high and data.size:
        low, high = float(data.min()), float(data.max())
    if low == high:
        low, high = low - 1, high + 1
    inside = data[(data >= low) & (data <= high)].astype(np.float64)
    index = np.minimum(((inside - low) * bins / (high - low)).astype(np.int64), bins - 1)
    return _wrap(np.bincount(index, minlength=bins).astype(data.dtype))


def searchsorted(sorted_sequence, input, *, out_int32=False, right=False, side=None, sorter=None,  # noqa: A002
                 out=None):
    """Where each value would be inserted into ``sorted_sequence`` (each row on its own) to keep it sorted."""
    side = side or ("right" if right else "left")
    values = as_tensor(input)._data
    ordered = sorted_sequence._data
    if sorter is not None:
        ordered = np.take_along_axis(ordered, sorter._data, axis=-1)
    if ordered.ndim == 1:
        found = np.searchsorted(ordered, values, side=side)
    else:
        rows = ordered.reshape(-1, ordered.shape[-1])
        asked = values.reshape(rows.shape[0], -1)
        found = np.stack([np.searchsorted(r, v, side=side) for r, v in zip(rows, asked)]).reshape(values.shape)
    result = _wrap(np.asarray(found, dtype=np.int32 if out_int32 else np.int64))
    return result if out is None else with_out("searchsorted", lambda: result, out)


def bucketize(input, boundaries, *, out_int32=False, right=False, out=None):  # noqa: A002
    """The index of the bucket of ``boundaries`` each value falls in (``searchsorted`` with the roles swapped)."""
    return searchsorted(boundaries, input, out_int32=out_int32, right=right, out=out)


def isin(elements, test_elements, *, assume_unique=False, invert=False):
    """Whether each element occurs in ``test_elements`` (``invert=True``: does not)."""
    found = np.isin(as_tensor(elements)._data, as_tensor(test_elements)._data, invert=invert)
    return _wrap(found)


def _triangle_indices(name, row, col, offset, dtype, lower):
    if dtype is not None and not dtype.is_floating_point and dtype not in (int32, int64):
        raise RuntimeError(f"\"{name}\" not implemented for '{dtype.legacy_name}'")
    rows, cols = np.indices((row, col)).reshape(2, -1)
    keep = (cols - rows <= offset) if lower else (cols - rows >= offset)
    return _wrap(np.stack([rows[keep], cols[keep]]).astype((dtype or int64).numpy))


def tril_indices(row, col, offset=0, *, dtype=None, device=None, layout=None):
    """The (row, column) indices of the lower triangle of a ``row x col`` matrix, row by row."""
    return _triangle_indices("tril_indices", row, col, offset, dtype, lower=True)


def triu_indices(row, col, offset=0, *, dtype=None, device=None, layout=None):
    """The (row, column) indices of the upper triangle of a ``row x col`` matrix, row by row."""
    return _triangle_indices("triu_indices", row, col, offset, dtype, lower=False)


def signbit(input, *, out=None):  # noqa: A002
    """Whether the sign bit is set (``-0.0`` and ``-nan`` included; never for a bool); ``out`` must be bool."""
    if out is not None and out.dtype.name != "bool":
        raise RuntimeError("signbit does not support non-boolean outputs.")
    data = input._data
    signs = np.signbit(data) if data.dtype.kind in "fiu" else np.zeros(data.shape, bool)
    return with_out("signbit", lambda: _wrap(signs), out)


def _integer_op(name, numpy_op):
    def op(input, other, *, out=None):  # noqa: A002
        x, y, dtype = binary_operands(input, other)
        if dtype.is_floating_point:
            raise _not_for(f"{name}_cpu", dtype)
        return with_out(name, lambda: _wrap(numpy_op(x, y).astype(dtype.numpy)), out)

    op.__name__, op.__doc__ = name, f"The element-wise {name} of two integer tensors."
    return op


gcd = _integer_op("gcd", np.gcd)
lcm = _integer_op("lcm", np.lcm)


def heaviside(input, values, *, out=None):  # noqa: A002
    """0 where ``input`` < 0, 1 where > 0, ``values`` where it is 0."""
    if input.dtype is not values.dtype:
        raise RuntimeError("heaviside is not yet implemented for tensors with different dtypes.")
    x, v = np.broadcast_arrays(input._data, values._data)
    step = np.where(x == 0, v, (x > 0).astype(x.dtype))
    return with_out("heaviside", lambda: _wrap(step.astype(input._data.dtype)), out)


def broadcast_shapes(*shapes):
    """The shape that tensors of ``shapes`` broadcast to."""
    result = []
    for index, shape in enumerate(shapes):
        shape = (shape,) if isinstance(shape, int) else tuple(shape)
        padded = [1] * (len(shape) - len(result)) + result
        for i, n in enumerate(shape[::-1]):
            have = padded[-1 - i]
            if have != n and 1 not in (have, n):
                raise RuntimeError(f"Attempting to broadcast a dimension of length {n} at {-1 - i}! Mismatching "
                                   f"argument at index {index} had {shape}; but expected shape should be "
                                   f"broadcastable to {padded}")
            padded[-1 - i] = n if have == 1 else have
        result = padded
    return Size(result)

