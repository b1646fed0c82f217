"""Comparisons and tests as tables: eq/ne/lt/le/gt/ge, isnan and friends, logical and bitwise ops.

Every result is a bool tensor (bitwise ops keep the integer dtype) that never requires grad. The in-place
forms (``x.lt_(y)``) write 1/0 into x's own dtype and, like torch, record a node whose gradient is zero.
"""

from __future__ import annotations

import numpy as np

from ..autograd import node as _node
from ..autograd.node import Node, record
from ._formulas import zero_gradients
from ._out import prepare_out, with_out
from ._two_operands import TwoOperandFunction
from ._util import binary_operands, elementwise_result, is_tensor


def _bool_tensor(data):
    return _node.Tensor._wrap(np.asarray(data, dtype=np.bool_))


class TwoOperandTest(TwoOperandFunction):
    """A function of two operands giving a bool tensor: ``op(input, other, *, out=None)``."""

    def __init__(self, name, numpy_op, node_name=None, numbers=True):
        self.__name__ = self.name = name
        self.numpy_op, self.numbers = numpy_op, numbers
        self.node_name = node_name or name.capitalize() + "Backward"
        self.__doc__ = f"torch.{name}: element-wise ``{numpy_op.__name__}``, a bool tensor."

    def compute(self, a, b):
        """The bool result, without ``out=``."""
        self.check_other(b)
        x, y, _ = binary_operands(a, b)
        return _bool_tensor(elementwise_result(self.numpy_op(x, y), a, b))

    def __call__(self, input, other, *, out=None):  # noqa: A002 (torch's argument name)
        return with_out(self.name, self.compute, out, input, other, differentiable=False)

    def in_place(self, a, b):
        """What ``a.lt_(b)`` writes: 1/0 in a's dtype, recorded as ``LtBackward0`` (``1`` for a tensor)."""
        data = self.compute(a, b)._data.astype(a._data.dtype)
        node = _ZERO_NODES[self.node_name + ("1" if is_tensor(b) else "0")]
        return record(node, data, (a, b) if is_tensor(b) else (a,))


class ZeroGradient(Node):
    """A comparison is piecewise constant: its gradient is zero everywhere."""

    double_backward = True

    def apply(self, grad):
        return zero_gradients(self, grad)


eq = TwoOperandTest("eq", np.equal)
ne = TwoOperandTest("ne", np.not_equal)
lt = TwoOperandTest("lt", np.less)
le = TwoOperandTest("le", np.less_equal)
gt = TwoOperandTest("gt", np.greater)
ge = TwoOperandTest("ge", np.greater_equal)
not_equal, less, less_equal, greater, greater_equal = (ne.alias("not_equal"), lt.alias("less"),
                                                       le.alias("less_equal"), gt.alias("greater"),
                                                       ge.alias("greater_equal"))
logical_and = TwoOperandTest("logical_and", np.logical_and, numbers=False)
logical_or = TwoOperandTest("logical_or", np.logical_or, numbers=False)
logical_xor = TwoOperandTest("logical_xor", np.logical_xor, numbers=False)
logical_and_, logical_or_, logical_xor_ = (op.alias(op.name + "_") for op in (logical_and, logical_or, logical_xor))
_ZERO_NODES = {f"{test.node_name}{n}": type(f"{test.node_name}{n}", (ZeroGradient,), {
    "__module__": __name__, "__doc__": f"d x.{test.name}_(y) / dx = 0 and / dy = 0: piecewise constant."})
    for test in (eq, ne, lt, le, gt, ge) for n in "01"}


def logical_not(input, *, out=None):  # noqa: A002
    """``not input`` element-wise (non-zero counts as true): a bool tensor."""
    return with_out("logical_not", lambda a: _bool_tensor(np.logical_not(a._data)), out, input,
                    differentiable=False)


def _refuse_floats(kernel, dtype, shape, out) -> None:
    """Bitwise ops have no float kernel; torch prepares ``out=`` (dtype check, resize) before it finds that out."""
    if dtype.is_floating_point:
        if out is not None:
            prepare_out(out, dtype, shape)
        raise NotImplementedError(f"\"{kernel}\" not implemented for '{dtype.legacy_name}'")


def _bitwise(name, numpy_op):
    def op(input, other, *, out=None):  # noqa: A002
        def compute(a, b):
            x, y, dtype = binary_operands(a, b)
            _refuse_floats(f"{name}_cpu", dtype, np.broadcast(x, y).shape, out)
            return _node.Tensor._wrap(elementwise_result(np.asarray(numpy_op(x, y), dtype=dtype.numpy), a, b))
        return with_out(name, compute, out, input, other, differentiable=False)

    op.__name__, op.__doc__ = name, f"torch.{name}: element-wise on bool and integer tensors."
    return op


bitwise_and = _bitwise("bitwise_and", np.bitwise_and)
bitwise_or = _bitwise("bitwise_or", np.bitwise_or)
bitwise_xor = _bitwise("bitwise_xor", np.bitwise_xor)


def bitwise_not(input, *, out=None):  # noqa: A002
    """``~input``: flips every bit of an integer, negates a bool."""
    def compute(a):
        _refuse_floats("bitwise_not_cpu", a.dtype, a.shape, out)
        return _node.Tensor._wrap(np.invert(a._data))
    return with_out("bitwise_not", compute, out, input, differentiable=False, keeps_dtype=True)


def _test(name, numpy_test, doc):
    def op(input):  # noqa: A002
        return _bool_tensor(numpy_test(input._data) if input.dtype.is_floating_point else
                            np.full(input.shape, name == "isfinite"))

    op.__name__ = op.__qualname__ = name  # as torch's errors name it: "isnan() got an unexpected keyword..."
    op.__doc__ = doc
    return op


isnan = _test("isnan", np.isnan, "Whether each element is nan.")
isinf = _test("isinf", np.isinf, "Whether each element is +inf or -inf.")
isfinite = _test("isfinite", np.isfinite, "Whether each element is neither inf nor nan.")
isposinf = _test("isposinf", np.isposinf, "Whether each element is +inf.")
isneginf = _test("isneginf", np.isneginf, "Whether each element is -inf.")


def isclose(input, other, rtol=1e-05, atol=1e-08, equal_nan=False):  # noqa: A002
    """``|input - other| <= atol + rtol * |other|`` element-wise; equal infinities are close."""
    if input.dtype is not other.dtype:
        raise RuntimeError(f"{input.dtype.legacy_name} did not match {other.dtype.legacy_name}")
    x, y, _ = binary_operands(input, other)
    with np.errstate(all="ignore"):
        close = (x == y) | (np.isfinite(x) & np.isfinite(y) & (np.abs(x - y) <= atol + rtol * np.abs(y)))
    if equal_nan:
        close = close | (np.isnan(x) & np.isnan(y))
    return _bool_tensor(close)


def allclose(input, other, rtol=1e-05, atol=1e-08, equal_nan=False) -> bool:  # noqa: A002
    """Whether every element of ``input`` is close to ``other`` (see ``isclose``)."""
    return bool(isclose(input, other, rtol, atol, equal_nan)._data.all())


def equal(input, other) -> bool:  # noqa: A002
    """Whether both tensors have the same shape and the same values."""
    return input.shape == other.shape and bool(np.array_equal(input._data, other._data))
