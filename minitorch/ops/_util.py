"""Small helpers the op files share: turning operands into arrays of the promoted dtype, broadcasting."""

from __future__ import annotations

import numpy as np

from .._dtype import get_default_dtype, result_type
from .._strides import element_strides, empty_strided, iterator_strides
from ..autograd import node as _node


def is_tensor(value) -> bool:
    """True for a minitorch Tensor (Parameters included): ``minitorch.is_tensor``."""
    return isinstance(value, _node.Tensor)


def as_tensor(value):
    """A tensor for ``value``; a Python number becomes a 0-d tensor of its own type, as torch wraps it."""
    if is_tensor(value):
        return value
    wrapped = _node.Tensor._wrap(np.asarray(value))
    wrapped._is_wrapped_number = True  # saved-tensor hooks skip these, as torch's do
    return wrapped


def values(value, dtype) -> np.ndarray:
    """The numpy values of a tensor or number, converted to ``dtype`` when needed."""
    array = value._data if is_tensor(value) else np.asarray(value)
    return array if array.dtype == dtype.numpy else array.astype(dtype.numpy)


def check_broadcast(shape_a, shape_b) -> None:
    """Raise torch's error when two shapes cannot be broadcast together."""
    ndim = max(len(shape_a), len(shape_b))
    padded_a = (1,) * (ndim - len(shape_a)) + tuple(shape_a)
    padded_b = (1,) * (ndim - len(shape_b)) + tuple(shape_b)
    for dim in reversed(range(ndim)):  # torch reports the right-most mismatch
        m, n = padded_a[dim], padded_b[dim]
        if m != n and m != 1 and n != 1:
            raise RuntimeError(f"The size of tensor a ({m}) must match the size of tensor b ({n}) at "
                               f"non-singleton dimension {dim}")


def binary_operands(a, b):
    """Promote two operands like torch and return their arrays and the result dtype."""
    # Fast paths for the per-op figure of benchmarks/bench_small_ops.py (`y - 0.25`, `y * w` with equal shapes).
    if type(b) in (float, int) and a._data.dtype.kind == "f":  # the common case: float tensor and a number
        return a._data, b, a.dtype
    other = getattr(b, "_data", None)
    if other is not None and is_tensor(a) and other.dtype == a._data.dtype and other.shape == a._data.shape:
        return a._data, other, a.dtype  # same dtype and shape: nothing to promote or check
    dtype = result_type(a, b)
    shape_a, shape_b = np.shape(a._data if is_tensor(a) else a), np.shape(b._data if is_tensor(b) else b)
    if shape_a != shape_b:
        check_broadcast(shape_a, shape_b)
    return values(a, dtype), values(b, dtype), dtype


def elementwise_result(out: np.ndarray, *operands) -> np.ndarray:
    """``out``, the result of an element-wise op on ``operands``, laid out as torch lays it out.

    numpy picks row-major when its operands' layouts disagree; torch's TensorIterator follows the operands'
    memory order, the first one deciding (``x.t() + y`` is transposed). Numbers and 0-d tensors say nothing.
    """
    if out.ndim < 2:  # one dimension has one layout (checked first: bench_small_ops' per-op figure)
        return out
    arrays = [a._data if is_tensor(a) else a for a in operands]
    arrays = [a for a in arrays if isinstance(a, np.ndarray) and a.ndim]
    if not arrays or all(a.flags.c_contiguous and 1 not in a.shape for a in arrays):
        return out  # all row-major: so is the result
    strides = iterator_strides(out.shape, arrays)
    if strides == element_strides(out):
        return out
    relaid = empty_strided(out.shape, strides, out.dtype)
    relaid[...] = out
    return relaid


def wrap_dim(dim: int, ndim: int) -> int:
    """A dimension index made non-negative, with torch's IndexError when out of range."""
    low, high = -max(ndim, 1), max(ndim, 1) - 1
    if not low <= dim <= high:
        raise IndexError(f"Dimension out of range (expected to be in range of [{low}, {high}], but got {dim})")
    return dim % max(ndim, 1)


def saved_dim(dim: int) -> int:
    """A dimension as torch shows it in ``_saved_dim``: negative ones wrap around as unsigned 64-bit."""
    return dim % 2**64


def fused_multiply_add(x, a, y):
    """``x + a * y`` rounded once, as torch's CPU kernels (a fused multiply-add) round it.

    ``a`` is a number or an array. For float32 the exact product of two float32 values fits in a float64,
    so computing in float64 and rounding at the end gives the fused result.
    """
    dtype = np.result_type(x, y)
    if dtype != np.float32:
        return x + a * y
    a = np.asarray(a, dtype=np.float32).astype(np.float64)
    # ufuncs with dtype= cast inside and lay the result out from the inputs' strides (np.asarray(x, float64) of
    # an expanded x would pick another order than torch's)
    return np.add(x, np.multiply(a, y, dtype=np.float64), dtype=np.float64).astype(np.float32)


def wide(numpy_fn):
    """Compute float32 in float64 and round once: closer to torch's float32 kernels than numpy's own."""
    # the ufunc casts inside and lays its result out from x's strides (x.astype would reorder an expanded x)
    return lambda x: numpy_fn(x, dtype=np.float64) if x.dtype == np.float32 else numpy_fn(x)


def float_values(a) -> np.ndarray:
    """Values for ops that need floats: integer and bool tensors become the default float."""
    if a.dtype.is_floating_point:
        return a._data
    return elementwise_result(a._data.astype(get_default_dtype().numpy), a)  # astype reorders an expanded array
