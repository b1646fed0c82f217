"""Division with torch's rounding modes: div(rounding_mode='trunc'|'floor'), floor_divide, true_divide."""

from __future__ import annotations

import numpy as np

from ..autograd.node import Node, record
from . import arithmetic
from ._formulas import zero_gradients
from ._out import with_out
from ._util import as_tensor, binary_operands, elementwise_result


class DivBackward2(Node):
    """Rounded division is piecewise constant: d/dx = d/dy = 0."""

    double_backward = True

    def apply(self, grad):
        return zero_gradients(self, grad)


def _integer_division(x, y, rounding_mode):
    if np.any(y == 0):
        raise RuntimeError("ZeroDivisionError")
    quotient = np.floor_divide(x, y)
    if rounding_mode == "trunc":
        quotient = quotient + ((np.mod(x, y) != 0) & ((x < 0) != (y < 0)))
    return quotient


def _rounded_division(a, b, rounding_mode):
    return elementwise_result(_rounded_values(a, b, rounding_mode), a, b)


def _rounded_values(a, b, rounding_mode):
    x, y, dtype = binary_operands(a, b)
    if not dtype.is_floating_point:
        return _integer_division(np.asarray(x), np.asarray(y), rounding_mode).astype(dtype.numpy)
    with np.errstate(all="ignore"):
        quotient = np.divide(x, y)
        return (np.trunc(quotient) if rounding_mode == "trunc" else np.floor_divide(x, y)).astype(dtype.numpy)


def div(input, other, *, rounding_mode=None, out=None):  # noqa: A002
    """``input / other``; ``rounding_mode='trunc'`` rounds toward zero, ``'floor'`` down (both keep ints)."""
    if rounding_mode not in (None, "trunc", "floor"):
        raise RuntimeError("div expected rounding_mode to be one of None, 'trunc', or 'floor' but found "
                           f"'{rounding_mode}'")

    def compute(a, b):
        if rounding_mode is None:
            return arithmetic.div(a, b)
        other = as_tensor(b)  # torch saves a number as a 0-d tensor
        saved = {"self": a if other.requires_grad else None, "other": other if a.requires_grad else None}
        return record(DivBackward2, _rounded_division(a, b, rounding_mode), (a, b), saved=saved,
                      attrs={"rounding_mode": rounding_mode})
    return with_out("div", compute, out, input, other)


class NotImplemented(Node):  # noqa: A001 (torch's node name)
    """floor_divide has no derivative in torch: its backward raises."""

    def name(self):
        return "torch::autograd::NotImplemented"

    def apply(self, grad):
        raise RuntimeError("derivative for aten::floor_divide is not implemented")


def floor_divide(input, other, *, out=None):  # noqa: A002
    """``input // other`` (rounds down); torch gives it no derivative."""
    def compute(a, b):
        return record(NotImplemented, _rounded_division(a, b, "floor"), (a, b))
    return with_out("floor_divide", compute, out, input, other, differentiable=False)


def true_divide(input, other, *, out=None):  # noqa: A002
    """``input / other``, always true division."""
    return div(input, other, out=out)


divide = div
