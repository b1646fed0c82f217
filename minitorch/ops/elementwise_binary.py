"""Element-wise ops of two tensors as a table: one ``BinaryOp`` entry per function (atan2, hypot, fmod...).

An entry names its numpy forward and its two partial derivatives, each written in terms of ``x`` (the input),
``y`` (the other operand) and ``r`` (the result). ``other`` may be a Python number: torch then records the
op's scalar variant (``FmodBackward0`` instead of ``FmodBackward1``), which has one input.
"""

from __future__ import annotations

import numpy as np

from .._dtype import get_default_dtype
from ..autograd.node import Node, record
from . import _formulas as f
from ._formulas import on_tensors, zero_gradients
from ._out import with_out
from ._two_operands import TwoOperandFunction
from ._util import binary_operands, elementwise_result, is_tensor
from .elementwise_binary_grads import GRADIENTS


class BinaryBackward(Node):
    """Backward of a table entry: ``grad * d_self(x, y, r)`` and ``grad * d_other(x, y, r)``."""

    d_self = d_other = None  # d_other None: a zero gradient (torch's zeros_like, whatever grad holds)
    op = ""  # the table entry's name: its gradients on Tensors are GRADIENTS[op] (create_graph=True)

    def apply(self, grad):
        x, y, r = (self.unpack(name) if name in self._saved else None for name in ("self", "other", "result"))
        y = self._other_value if len(self._input_meta) == 1 else y
        if on_tensors(grad):
            return self._recorded(grad, x, y, r)
        with np.errstate(all="ignore"):
            grad_self = grad * self.d_self(x, y, r)
            if len(self._input_meta) == 1:
                return (grad_self.astype(grad.dtype, copy=False),)
            grad_other = np.zeros_like(grad) if self.d_other is None else grad * self.d_other(x, y, r)
        # (the engine sums each over the dims broadcasting added)
        return grad_self.astype(grad.dtype, copy=False), grad_other.astype(grad.dtype, copy=False)

    def _recorded(self, grad, x, y, r) -> tuple:
        """torch's formula, recorded (``elementwise_binary_grads.py``; the engine sums each gradient over the
        dims broadcasting added, recorded too)."""
        scalar = len(self._input_meta) == 1
        grad_self, grad_other = GRADIENTS[self.op](grad, x, np.asarray(y).item() if scalar else y, r)
        if scalar:
            return (grad_self,)
        if grad_other is None:
            grad_other = zero_gradients(self, grad)[1]
        return (grad_self if self.needs_input_grad(0) else None, grad_other if self.needs_input_grad(1) else None)


def _node(name, op, d_self, d_other, formula):
    return type(name, (BinaryBackward,), {"d_self": staticmethod(d_self), "d_other": staticmethod(d_other),
                                          "op": op, "double_backward": op in GRADIENTS,
                                          "__doc__": formula, "__module__": __name__})


class BinaryOp(TwoOperandFunction):
    """One element-wise function of two operands: ``op(input, other, *, out=None)``.

    ``ints``: ``"float"`` computes integer inputs in the default float type (atan2), ``"keep"`` keeps
    them (fmod; an integer division by zero raises), ``"none"`` raises torch's "not implemented for 'Long'"
    (hypot). ``numbers``: whether ``other`` may be a Python number (torch has no such variant of atan2).
    ``saves`` and ``scalar_saves``: what torch's node saves, of ``"self"``, ``"other"`` and ``"result"`` (the
    scalar variant shows a number ``other`` as ``_saved_other``); the formulas get None for the rest.
    """

    def __init__(self, name, forward, d_self, d_other, nodes, ints="float", formula="", numbers=True,
                 saves=("self", "other"), scalar_saves=()):
        self.__name__ = self.name = name
        self.forward, self.ints, self.numbers = forward, ints, numbers
        self.saves, self.scalar_saves = saves, scalar_saves
        self.tensor_node = _node(nodes[0], name, d_self, d_other, formula)
        self.scalar_node = _node(nodes[-1], name, d_self, d_other, formula)
        self.__doc__ = f"torch.{name}: {formula}"

    def _operands(self, a, b):
        self.check_other(b)
        x, y, dtype = binary_operands(a, b)
        if dtype.is_floating_point:
            return x, y
        if self.ints == "keep":
            if dtype.category == 0:
                raise NotImplementedError(f"\"{self.name}_cpu\" not implemented for 'Bool'")
            if np.any(np.asarray(y) == 0) and self.name in ("fmod", "remainder"):
                raise RuntimeError("ZeroDivisionError")
            return x, y
        if self.ints == "none":
            raise NotImplementedError(f"\"{self.name}_cpu\" not implemented for '{dtype.legacy_name}'")
        return np.asarray(x, get_default_dtype().numpy), np.asarray(y, get_default_dtype().numpy)

    def compute(self, a, b):
        """The op without ``out=``: promotion, values and the graph node."""
        x, y = self._operands(a, b)
        with np.errstate(all="ignore"):
            out = np.asarray(self.forward(x, y)).astype(np.result_type(x, y), copy=False)
        out = elementwise_result(out, a, b)
        if is_tensor(b):
            saved = {name: t for name, t in (("self", a), ("other", b)) if name in self.saves}
            return record(self.tensor_node, out, (a, b), saved=saved, save_result="result" in self.saves)
        return record(self.scalar_node, out, (a,), saved={"self": a} if "self" in self.scalar_saves else None,
                      attrs={"other": b} if "other" in self.scalar_saves else None,
                      save_result="result" in self.scalar_saves, state={"other_value": y})


def _remainder(x, y):
    """Python's ``x % y``, as torch computes it: ``fmod``, then ``+ y`` where the signs differ (so 0 keeps x's sign)."""
    mod = np.fmod(x, y)
    if mod.dtype.kind != "f":
        return np.mod(x, y)
    return np.where((mod != 0) & ((np.asarray(y) < 0) != (mod < 0)), mod + y, mod)


def _xlogy(x, y):
    return np.where((x == 0) & ~np.isnan(y), 0, x * np.log(y))


def _fmax_picks_self(x, y):
    return (x >= y) | np.isnan(y)


def _fmin_picks_self(x, y):
    return (x <= y) | np.isnan(y)


def _over_squares(numerator, x, y):
    """``numerator * (1 / (x**2 + y**2))``, the reciprocal taken as 0 where x**2 + y**2 is 0 (as torch)."""
    squares = x * x + y * y
    return numerator * np.where(squares == 0, 0, 1 / np.where(squares == 0, 1, squares))


atan2 = BinaryOp("atan2", np.arctan2, lambda x, y, r: _over_squares(y, x, y), lambda x, y, r: _over_squares(-x, x, y),
                 ("Atan2Backward0",), numbers=False,
                 formula="d/dx atan2(x, y) = y / (x**2 + y**2), d/dy = -x / (x**2 + y**2)")
hypot = BinaryOp("hypot", np.hypot, lambda x, y, r: x / r, lambda x, y, r: y / r, ("HypotBackward0",), numbers=False,
                 ints="none", saves=("self", "other", "result"), formula="d/dx sqrt(x**2 + y**2) = x / r, d/dy = y / r")
fmod = BinaryOp("fmod", np.fmod, lambda x, y, r: 1.0, lambda x, y, r: -np.trunc(x / y),
                ("FmodBackward1", "FmodBackward0"), ints="keep",
                formula="d/dx fmod(x, y) = 1, d/dy = -trunc(x / y)")
class RemainderOp(BinaryOp):
    """``remainder`` also takes a Python number first (``torch.remainder(2, x)``, what ``2 % x`` runs)."""

    def __call__(self, input, other, *, out=None):  # noqa: A002 (torch's argument name)
        if not is_tensor(input) and is_tensor(other):
            return remainder_of_number(input, other)
        return super().__call__(input, other, out=out)


remainder = RemainderOp("remainder", _remainder, lambda x, y, r: 1.0, lambda x, y, r: -np.floor(x / y),
                     ("RemainderBackward1", "RemainderBackward0"), ints="keep",
                     formula="d/dx (x - y * floor(x / y)) = 1, d/dy = -floor(x / y)")
fmax = BinaryOp("fmax", np.fmax, lambda x, y, r: _fmax_picks_self(x, y), lambda x, y, r: ~_fmax_picks_self(x, y),
                ("FmaxBackward0",), ints="keep", numbers=False,
                formula="the gradient goes to the operand picked (x on ties)")
fmin = BinaryOp("fmin", np.fmin, lambda x, y, r: _fmin_picks_self(x, y), lambda x, y, r: ~_fmin_picks_self(x, y),
                ("FminBackward0",), ints="keep", numbers=False,
                formula="the gradient goes to the operand picked (x on ties)")
class XlogyBackward1(Node):
    """d/dy (c * log(y)) = c / y for a number c."""

    double_backward = True

    def apply(self, grad):
        number, y = self._saved_self, self.unpack("other")
        if on_tensors(grad):
            return (f.scale(grad, number, skip_one=False) / y,)
        with np.errstate(all="ignore"):
            return ((grad * number / y).astype(grad.dtype, copy=False),)


class XlogyOp(BinaryOp):
    """``xlogy`` also takes a Python number first (``torch.xlogy(2.0, p)``: ``XlogyBackward1``)."""

    def __call__(self, input, other, *, out=None):  # noqa: A002 (torch's argument name)
        if not is_tensor(input) and is_tensor(other):
            return with_out(self.name, xlogy_of_number, out, input, other)
        if not is_tensor(input):
            raise TypeError(XLOGY_ARGUMENTS_ERROR.format(self.__name__, type(input).__name__, type(other).__name__))
        return super().__call__(input, other, out=out)


XLOGY_ARGUMENTS_ERROR = (
    "{}() received an invalid combination of arguments - got ({}, {}), but expected one of:\n"
    " * (Tensor input, Tensor other, *, Tensor out = None)\n"
    " * (Number self, Tensor other, *, Tensor out = None)\n"
    " * (Tensor input, Number other, *, Tensor out = None)\n")


def xlogy_of_number(number, a):
    """``number * log(a)`` (0 where number is 0 and a is not NaN), in the dtype torch promotes the two to."""
    y, x, dtype = binary_operands(a, number)
    y = np.asarray(y, dtype.numpy if dtype.is_floating_point else get_default_dtype().numpy)
    with np.errstate(all="ignore"):
        out = np.asarray(_xlogy(np.asarray(x, y.dtype), y)).astype(y.dtype, copy=False)
    return record(XlogyBackward1, elementwise_result(out, a), (a,), saved={"other": a}, attrs={"self": number})


xlogy = XlogyOp("xlogy", _xlogy, lambda x, y, r: np.where((x == 0) & (y <= 0), 0, np.log(y)),
                 lambda x, y, r: x / y, ("XlogyBackward0", "XlogyBackward2"), scalar_saves=("self", "other"),
                 formula="d/dx x * log(y) = log(y), d/dy = x / y")
copysign = BinaryOp("copysign", np.copysign, lambda x, y, r: np.where(x == 0, 0.0, r / np.where(x == 0, 1, x)),
                    None, ("CopysignBackward0", "CopysignBackward1"),
                    saves=("self", "result"), scalar_saves=("self", "result"),
                    formula="d/dx copysign(x, y) = sign(x) * sign(result), d/dy = 0")
logaddexp = BinaryOp("logaddexp", np.logaddexp, lambda x, y, r: 1 / (1 + np.exp(y - x)),
                     lambda x, y, r: 1 / (1 + np.exp(x - y)), ("LogaddexpBackward0",), ints="none", numbers=False,
                     formula="d/dx log(exp(x) + exp(y)) = 1 / (1 + exp(y - x)), d/dy = 1 / (1 + exp(x - y))")
logaddexp2 = BinaryOp("logaddexp2", np.logaddexp2, lambda x, y, r: 1 / (1 + np.exp2(y - x)),
                      lambda x, y, r: 1 / (1 + np.exp2(x - y)), ("Logaddexp2Backward0",), ints="none", numbers=False,
                      formula="d/dx log2(2**x + 2**y) = 1 / (1 + 2**(y - x)), d/dy = 1 / (1 + 2**(x - y))")


def _two_to_the(y):
    """``2 ** y`` in y's own dtype, as torch's pow computes it: an integer power below 0 is 0."""
    return np.exp2(y) if y.dtype.kind == "f" else np.where(y < 0, 0, 2.0 ** np.maximum(y, 0))


ldexp = BinaryOp("ldexp", lambda x, y: x * np.exp2(y), lambda x, y, r: _two_to_the(np.asarray(y)),
                 lambda x, y, r: r * np.log(2.0), ("LdexpBackward0",), numbers=False, saves=("other", "result"),
                 formula="d/dx x * 2**y = 2**y, d/dy = x * 2**y * log(2)")
arctan2 = atan2.alias("arctan2")


class NotImplemented(Node):  # noqa: A001 (torch's name for a node whose derivative does not exist)
    """``remainder(number, tensor)`` has no derivative in torch: its backward raises."""

    def name(self):
        return "torch::autograd::NotImplemented"

    def apply(self, grad):
        raise RuntimeError("derivative for aten::remainder is not implemented")


def remainder_of_number(number, a):
    """``number % a`` (``torch.remainder(number, a)``): the number promoted with ``a``, no derivative."""
    y, x, dtype = binary_operands(a, number)
    if dtype.category == 0:
        raise NotImplementedError("\"remainder_cpu\" not implemented for 'Bool'")
    if np.asarray(y).dtype.kind != "f" and np.any(np.asarray(y) == 0):
        raise RuntimeError("ZeroDivisionError")
    with np.errstate(all="ignore"):
        out = np.asarray(_remainder(np.asarray(x, np.asarray(y).dtype), y))
    return record(NotImplemented, elementwise_result(out, a), (a,))
