"""Element-wise functions: exp/log, activations, clamp, where, maximum, comparisons; each beside its backward Node."""

from __future__ import annotations

import operator

import numpy as np

from .._dtype import result_type
from ..autograd import node as _node
from ..autograd.node import Node, record
from ._bool_rules import check_abs
from ._formulas import divide, on_tensors, scale, sgn, unbroadcast
from ._formulas import where as select
from ._util import (
    as_tensor,
    binary_operands,
    check_broadcast,
    elementwise_result,
    float_values,
    is_tensor,
    values,
    wide,
)
from .backward_ops import sigmoid_backward, tanh_backward, threshold_backward


class ExpBackward0(Node):
    """d exp(x)/dx = exp(x) = result."""

    double_backward = True
    needs_input_meta = False

    def apply(self, grad):
        return (grad * self.unpack("result"),)


def _as_input(numpy_fn, a):
    """``numpy_fn`` of ``a``'s float values, in their dtype (float32 is computed wide, then rounded once)."""
    x = float_values(a)
    return numpy_fn(x).astype(x.dtype, copy=False)


def exp(a):
    """``e ** a``. Saves its result, which is also its derivative."""
    with np.errstate(over="ignore"):
        return record(ExpBackward0, _as_input(wide(np.exp), a), (a,), save_result=True)


class LogBackward0(Node):
    """d log(x)/dx = 1 / x."""

    double_backward = True
    needs_input_meta = False

    def apply(self, grad):
        return (grad / self.unpack("self"),)


def log(a):
    """Natural logarithm. Saves its input."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return record(LogBackward0, _as_input(wide(np.log), a), (a,), saved={"self": a})


class SqrtBackward0(Node):
    """d sqrt(x)/dx = 1 / (2 * result)."""

    double_backward = True
    needs_input_meta = False

    def apply(self, grad):
        return (grad / scale(self.unpack("result"), 2),)


def sqrt(a):
    """Square root. Saves its result."""
    with np.errstate(invalid="ignore"):
        return record(SqrtBackward0, np.sqrt(float_values(a)), (a,), save_result=True)


class AbsBackward0(Node):
    """d|x|/dx = sgn(x) (0 at 0 and at NaN, as torch's ``sgn``)."""

    double_backward = True
    needs_input_meta = False

    def apply(self, grad):
        return (grad * sgn(self.unpack("self")),)


def abs(a):  # noqa: A001
    """Absolute value. Its gradient is the sign of the input (0 at 0)."""
    check_abs(a)
    return record(AbsBackward0, np.abs(a._data), (a,), saved={"self": a})


class SigmoidBackward0(Node):
    """d sigmoid(x)/dx = result * (1 - result)."""

    double_backward = True
    needs_input_meta = False

    def apply(self, grad):
        return (sigmoid_backward(grad, self.unpack("result")),)


def sigmoid(a):
    """``1 / (1 + exp(-a))``. Saves its *output*: the derivative is ``result * (1 - result)``."""
    x = float_values(a)
    if x.dtype == np.float16:  # computed in float32 and rounded once, as torch's kernel
        return record(SigmoidBackward0, _sigmoid(x.astype(np.float32)).astype(x.dtype), (a,), save_result=True)
    return record(SigmoidBackward0, _sigmoid(x), (a,), save_result=True)


def _sigmoid(x: np.ndarray) -> np.ndarray:
    """``1 / (1 + exp(-x))``; below -88 ``exp(-x)`` overflows to inf (the result is 0, as torch's), silently.

    ``np.errstate`` costs more than the arithmetic on a few numbers (a third of the time of a small
    sigmoid: benchmarks/bench_small_ops.py's per-op figure), so a small tensor that cannot overflow skips it.
    """
    if x.size <= 16 and min(x.ravel().tolist(), default=0) > -88 and x.ndim:  # (a NaN first: the slow way)
        out = np.negative(x)  # the same steps, in one buffer: exp(-x), + 1, then 1 / that
        np.exp(out, out=out)
        out += 1
        return np.reciprocal(out, out=out)
    with np.errstate(over="ignore"):
        return 1 / (1 + np.exp(-x))


class TanhBackward0(Node):
    """d tanh(x)/dx = 1 - result**2."""

    double_backward = True
    needs_input_meta = False

    def apply(self, grad):
        return (tanh_backward(grad, self.unpack("result")),)


def tanh(a):
    """Hyperbolic tangent. Saves its output: the derivative is ``1 - result**2``."""
    return record(TanhBackward0, _as_input(wide(np.tanh), a), (a,), save_result=True)


class ReluBackward0(Node):
    """d relu(x)/dx = 1 where the result is positive, else 0: torch selects, so a NaN gradient stays put."""

    double_backward = True
    needs_input_meta = False

    def apply(self, grad):
        return (threshold_backward(grad, self.unpack("result"), 0),)


def relu(a):
    """``max(a, 0)``. Saves its output: the gradient passes where the output is positive."""
    if a._data.dtype == np.bool_:
        raise RuntimeError("Boolean inputs not supported for relu")
    return record(ReluBackward0, np.maximum(a._data, 0).astype(a._data.dtype), (a,), save_result=True)


class ClampBackward1(Node):
    """d clamp(x)/dx = 1 where min <= x <= max, else 0 (selected, so NaN gradients stay where they are)."""

    double_backward = True

    def apply(self, grad):
        x, low, high = self.unpack("self"), self._saved_min, self._saved_max
        if low is None:
            inside = x <= high
        else:
            inside = x >= low if high is None else (x >= low) & (x <= high)
        return (select(inside, grad, 0),)


class ClampBackward0(Node):
    """grad of clamp(x, lo, hi): to x where lo <= x <= hi, to lo where x < lo < hi, to hi where x > hi or hi < lo."""

    double_backward = True

    def apply(self, grad):
        x = self.unpack("self")
        low, high = (None if self._saved[name] is None else self.unpack(name) for name in ("min", "max"))
        if on_tensors(grad):  # torch's clamp_backward and clamp_backward_min_max: where(mask, grad, 0), recorded
            masks = _clamp_masks(x._data, None if low is None else low._data, None if high is None else high._data)
            zero = _node.Tensor._wrap(np.zeros((), grad._data.dtype))
            return tuple(None if mask is None or not self.needs_input_grad(i) else
                         unbroadcast(select(_node.Tensor._wrap(mask), grad, zero), self.input_shape(i))
                         for i, mask in enumerate(masks))
        masks = _clamp_masks(x, low, high)
        return tuple(None if mask is None else unbroadcast(np.where(mask, grad, 0).astype(grad.dtype),
                                                           self.input_shape(i)) for i, mask in enumerate(masks))


def _clamp_masks(x, low, high):
    """Where the gradient goes to x, to min and to max (None for a bound that was not given)."""
    if high is None:
        return x >= low, x < low, None
    if low is None:
        return x <= high, None, x > high
    return (x >= low) & (x <= high), (x < low) & (low < high), (x > high) | (high < low)


def clamp(a, min=None, max=None):  # noqa: A002
    """Limit values to ``[min, max]`` (numbers, or tensors that broadcast); the gradient is 0 where clipped."""
    if min is None and max is None:
        raise RuntimeError("torch.clamp: At least one of 'min' or 'max' must not be None")
    dtype = result_type(a, *(v for v in (min, max) if v is not None))
    _check_shapes(a, min, max)
    out = values(a, dtype)
    if min is not None:
        out = np.maximum(out, values(min, dtype))
    if max is not None:
        out = np.minimum(out, values(max, dtype))
    out = np.asarray(out).astype(dtype.numpy, copy=False)
    if is_tensor(min) or is_tensor(max):
        return record(ClampBackward0, elementwise_result(out, a, min, max), (a, min, max),
                      saved={"self": a, "min": min, "max": max})
    return record(ClampBackward1, out, (a,), saved={"self": a}, attrs={"min": min, "max": max})


def _check_shapes(*operands) -> None:
    """torch's broadcast error for several operands: each one against the shape of those before it."""
    shapes = [np.shape(t._data) for t in operands if is_tensor(t)]
    for i in range(1, len(shapes)):
        check_broadcast(np.broadcast_shapes(*shapes[:i]), shapes[i])


class WhereBackward0(Node):
    """d where(c, a, b) = grad where c for a, grad where not c for b."""

    double_backward = True
    needs_input_meta = False

    def apply(self, grad):
        condition = self.unpack("condition")  # (the engine sums each gradient over the dims broadcasting added)
        grad_a = select(condition, grad, 0) if self.needs_input_grad(0) else None
        return grad_a, select(condition, 0, grad) if self.needs_input_grad(1) else None


def where(condition, a=None, b=None):
    """Elements of ``a`` where ``condition`` holds, else of ``b``; ``where(condition)`` gives its indices."""
    if a is None and b is None:
        return tuple(_node.Tensor._wrap(i) for i in np.nonzero(np.atleast_1d(condition._data)))
    if not is_tensor(a) and not is_tensor(b):  # two numbers: torch.where(mask, 1.0, 0.0)
        a = _node.Tensor._wrap(np.asarray(a, dtype=result_type(a, b).numpy))
    _check_shapes(condition, a, b)
    x, y, _ = binary_operands(a, b)
    a, b = as_tensor(a), as_tensor(b)
    out = elementwise_result(np.where(condition._data, x, y), condition, a, b)
    return record(WhereBackward0, out, (a, b), saved={"condition": condition})


class MaximumBackward0(Node):
    """d max(x, y) = grad to the larger input, half to each on ties (and to both where a NaN compares false)."""

    loses = staticmethod(operator.lt)  # where the first input lost: its gradient is 0 there
    double_backward = True

    def apply(self, grad):
        x, y = self.unpack("self"), self.unpack("other")
        grads = []
        for index, (mine, theirs) in enumerate(((x, y), (y, x))):
            if not self.needs_input_grad(index):
                grads.append(None)
                continue
            shared = select(x == y, divide(grad, 2), grad)  # torch: where(x == y, grad / 2, grad).masked_fill_(...)
            lost = self.loses(mine, theirs)
            kept = shared.masked_fill(lost, 0) if on_tensors(shared) else np.where(lost, 0, shared).astype(grad.dtype)
            grads.append(unbroadcast(kept, self.input_shape(index)))
        return tuple(grads)


class MinimumBackward0(MaximumBackward0):
    """d min(x, y) = grad to the smaller input, half to each on ties (and to both where a NaN compares false)."""

    loses = staticmethod(operator.gt)


def check_other_is_tensor(name, other, position) -> None:
    """torch's TypeError when an op that takes two tensors (maximum, minimum) gets a number."""
    if not is_tensor(other):
        raise TypeError(f"{name}(): argument 'other' (position {position}) must be Tensor, not {type(other).__name__}")


def maximum(a, b, *, _position=1):
    """Element-wise maximum of two tensors (ties share the gradient equally)."""
    check_other_is_tensor("maximum", b, _position)
    x, y, _ = binary_operands(a, b)
    return record(MaximumBackward0, elementwise_result(np.maximum(x, y), a, b), (a, b), saved={"self": a, "other": b})


def minimum(a, b, *, _position=1):
    """Element-wise minimum of two tensors (ties share the gradient equally)."""
    check_other_is_tensor("minimum", b, _position)
    x, y, _ = binary_operands(a, b)
    return record(MinimumBackward0, elementwise_result(np.minimum(x, y), a, b), (a, b), saved={"self": a, "other": b})


def compare(a, b, numpy_op):
    """A comparison (``a < b`` ...): a bool tensor that never requires grad."""
    x, y, _ = binary_operands(a, b)
    return _node.Tensor._wrap(elementwise_result(numpy_op(x, y), a, b))
