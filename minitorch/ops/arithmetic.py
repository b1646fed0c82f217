"""Arithmetic: + - * / ** and their reflected forms, neg and reciprocal, each beside its backward Node."""

from __future__ import annotations

import math

import numpy as np

from .._dtype import get_default_dtype, result_type
from ..autograd.node import Node, record
from ._bool_rules import add_bools, check_alpha, check_negation, check_subtraction
from ._formulas import log, scale, where, zeros_like
from ._util import as_tensor, binary_operands, elementwise_result, float_values, fused_multiply_add, is_tensor, values


class AddBackward0(Node):
    """d(a + alpha*b) = grad for a, alpha * grad for b (the engine sums each over the dims broadcasting added)."""

    double_backward = True
    needs_input_meta = False

    def apply(self, grad):
        grad_a = grad if self.needs_input_grad(0) else None
        return grad_a, scale(grad, self._saved_alpha) if self.needs_input_grad(1) else None


def add(a, b, alpha=1):
    """``a + alpha * b`` with broadcasting."""
    x, y, dtype = binary_operands(a, b)
    if alpha != 1 or type(alpha) is not int:
        check_alpha(dtype.numpy, alpha)
    if dtype.numpy.kind == "b":
        return record(AddBackward0, elementwise_result(add_bools(x, y, alpha), a, b), (a, b), attrs={"alpha": alpha})
    out = elementwise_result(x + y if alpha == 1 else fused_multiply_add(x, alpha, y), a, b)  # a*b+c rounded once
    return record(AddBackward0, out, (a, b), attrs={"alpha": alpha})


class SubBackward0(Node):
    """d(a - alpha*b) = grad for a, -alpha * grad for b (the engine sums each over the dims broadcasting added)."""

    double_backward = True
    needs_input_meta = False

    def apply(self, grad):
        grad_a = grad if self.needs_input_grad(0) else None
        return grad_a, scale(-grad, self._saved_alpha) if self.needs_input_grad(1) else None


def sub(a, b, alpha=1):
    """``a - alpha * b`` with broadcasting."""
    check_subtraction(a, b)
    x, y, dtype = binary_operands(a, b)
    if alpha != 1 or type(alpha) is not int:
        check_alpha(dtype.numpy, alpha)
    out = elementwise_result(x - y if alpha == 1 else fused_multiply_add(x, -alpha, y), a, b)
    return record(SubBackward0, out, (a, b), attrs={"alpha": alpha})


class RsubBackward1(Node):
    """d(c - alpha*a)/da = -alpha."""

    double_backward = True
    needs_input_meta = False

    def apply(self, grad):
        return (scale(-grad, self._saved_alpha),)


def rsub(a, number, alpha=1):
    """``number - alpha * a``: what ``1 - x`` runs."""
    check_subtraction(number, a)
    x, y, _ = binary_operands(a, number)
    return record(RsubBackward1, elementwise_result(y - alpha * x, a), (a,), attrs={"alpha": alpha})


class MulBackward0(Node):
    """d(a * b) = grad * b for a, grad * a for b (the engine sums each over the dims broadcasting added)."""

    double_backward = True
    needs_input_meta = False

    def apply(self, grad):
        grad_a = grad * self.unpack("other") if self.needs_input_grad(0) else None
        return grad_a, grad * self.unpack("self") if self.needs_input_grad(1) else None


def mul(a, b):
    """``a * b`` with broadcasting. Saves each operand only when the other one needs its gradient."""
    x, y, _ = binary_operands(a, b)
    b_requires_grad = is_tensor(b) and b.requires_grad
    saved = {"other": as_tensor(b) if a.requires_grad else None, "self": a if b_requires_grad else None}
    return record(MulBackward0, elementwise_result(x * y, a, b), (a, b), saved=saved)


class DivBackward0(Node):
    """d(a / b) = grad / b for a, -grad * (a / b) / b for b."""

    double_backward = True
    needs_input_meta = False

    def apply(self, grad):
        other = self.unpack("other")
        grad_a = grad / other if self.needs_input_grad(0) else None
        grad_b = None
        if self.needs_input_grad(1):
            grad_b = -grad * ((self.unpack("self") / other) / other)
        return grad_a, grad_b


def div(a, b):
    """True division ``a / b``: integer operands give the default float type."""
    x, y, dtype = binary_operands(a, b)
    if not dtype.is_floating_point:
        x, y = x.astype(get_default_dtype().numpy), y.astype(get_default_dtype().numpy)
    b = as_tensor(b)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = elementwise_result(x / y, a, b)
    return record(DivBackward0, out, (a, b), saved={"other": b, "self": a if b.requires_grad else None})


def rdiv(a, number):
    """``number / a``, computed as torch does: ``a.reciprocal() * number``."""
    return mul(reciprocal(a), number)


class NegBackward0(Node):
    """d(-a)/da = -1."""

    double_backward = True
    needs_input_meta = False

    def apply(self, grad):
        return (-grad,)


def neg(a):
    """``-a``."""
    check_negation(a)
    return record(NegBackward0, -a._data, (a,))


class ReciprocalBackward0(Node):
    """d(1/a)/da = -result**2."""

    double_backward = True
    needs_input_meta = False

    def apply(self, grad):
        result = self.unpack("result")
        return (-grad * (result * result),)


def reciprocal(a):
    """``1 / a`` element-wise."""
    with np.errstate(divide="ignore"):
        return record(ReciprocalBackward0, 1 / float_values(a), (a,), save_result=True)


def _power(base: np.ndarray, exponent: np.ndarray) -> np.ndarray:
    """``base ** exponent``; for integers, a negative exponent truncates as torch does (0, or +-1 for +-1)."""
    if base.dtype.kind == "f":
        with np.errstate(all="ignore"):
            return base ** exponent
    base, exponent = np.broadcast_arrays(base, exponent)
    negative = exponent < 0
    result = base ** np.where(negative, 0, exponent)
    special = np.where(base == 1, 1, np.where(base == -1, np.where(exponent % 2 == 0, 1, -1), 0))
    return np.where(negative, special, result).astype(base.dtype)


class PowBackward0(Node):
    """d(a ** n)/da = n * a ** (n - 1) for a number n."""

    double_backward = True
    needs_input_meta = False

    def apply(self, grad):
        exponent = self._saved_exponent
        if exponent == 0:
            return (zeros_like(grad),)
        return (grad * scale(self.unpack("self") ** (exponent - 1), exponent),)


class PowBackward1(Node):
    """d(a ** b) = b * a ** (b - 1) for a, result * log(a) for b."""

    double_backward = True
    needs_input_meta = False

    def apply(self, grad):
        base, exponent, result = self.unpack("self"), self.unpack("exponent"), self.unpack("result")
        with np.errstate(divide="ignore", invalid="ignore"):
            grad_base = where(exponent == 0, 0, grad * (exponent * base ** (exponent - 1)))  # torch: 0 at 0 ** 0
            special = (base == 0) & (exponent >= 0)  # torch's one special case: 0 ** b for b >= 0
            grad_exp = grad * where(special, 0, result * log(base))
        return grad_base, grad_exp  # the engine sums each over the dims broadcasting added


class PowBackward2(Node):
    """d(c ** b)/db = result * log(c) for a number c."""

    double_backward = True
    needs_input_meta = False

    def apply(self, grad):
        base = self._base
        if base == 0:
            return (grad * where(self.unpack("exponent") >= 0, 0, scale(self.unpack("result"), -np.inf)),)
        return (grad * scale(self.unpack("result"), math.log(base)),)


def pow(a, exponent):  # noqa: A001 (torch's name)
    """``a ** exponent`` for a tensor base; the exponent is a number or a tensor."""
    if is_tensor(exponent):
        x, y, dtype = binary_operands(a, exponent)
        if dtype.category == 0:
            raise NotImplementedError("\"pow\" not implemented for 'Bool'")
        return record(PowBackward1, elementwise_result(_power(x, y), a, exponent), (a, exponent),
                      saved={"self": a, "exponent": exponent}, save_result=True)
    if a.dtype.category == 1 and isinstance(exponent, int) and exponent < 0:
        raise RuntimeError("Integers to negative integer powers are not allowed.")
    x = values(a, result_type(a, exponent))
    with np.errstate(all="ignore"):
        out = (x ** exponent).astype(x.dtype, copy=False)  # numpy makes bool ** bool an int8
    return record(PowBackward0, out, (a,), saved={"self": a}, attrs={"exponent": exponent})


def rpow(a, number):
    """``number ** a`` for a number base."""
    base, y, _ = binary_operands(number, a)
    return record(PowBackward2, _power(base, y), (a,), saved={"self": as_tensor(number)},
                  attrs={"exponent": a}, save_result=True, state={"base": number})


