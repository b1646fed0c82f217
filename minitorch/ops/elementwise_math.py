"""Element-wise math as a table: one ``UnaryOp`` entry per function (name, numpy forward, derivative).

Every entry is the ``torch.<name>`` function itself: ``sin(x)``, ``sin(x, out=y)``. Its backward node
(``SinBackward0``) multiplies the incoming gradient by the entry's derivative, written in terms of the tensor
the node saved: the input (``"self"``) or, when that is cheaper, the output (``"result"``). Ops with no
gradient (floor, sign...) have ``derivative=None`` and send zeros. exp, log, sqrt, abs, sigmoid, tanh, neg,
reciprocal and relu live in ``pointwise.py`` / ``arithmetic.py`` and follow the same pattern by hand.
"""

from __future__ import annotations

import copy
import math

import numpy as np

from .._dtype import from_numpy_dtype
from ..autograd.node import Node, record
from . import _formulas, _special
from ._out import with_out
from ._util import float_values, is_tensor, wide

LN2, LN10, SQRT_PI = math.log(2), math.log(10), math.sqrt(math.pi)


class UnaryBackward(Node):
    """Backward of a table entry: ``grad * derivative(saved)``; zeros when the op has no derivative."""

    derivative = None
    saved_name = None

    def apply(self, grad):
        if self.derivative is None:
            return (_formulas.zeros_like(grad),)
        saved = None if self.saved_name is None else self.unpack(self.saved_name)
        if _formulas.on_tensors(grad):
            return (grad * self.derivative(saved),)
        with np.errstate(all="ignore"):
            return ((grad * self.derivative(saved)).astype(grad.dtype, copy=False),)


def _backward_node(node_name, derivative, saves, formula, double_backward):
    return type(node_name, (UnaryBackward,), {"derivative": staticmethod(derivative) if derivative else None,
                                              "saved_name": saves, "__doc__": formula,
                                              "double_backward": double_backward, "__module__": __name__})


class UnaryOp:
    """One element-wise function: ``op(input, *, out=None)``.

    ``ints`` says what integer and bool inputs do: ``"float"`` computes in the default float type (sin),
    ``"keep"`` keeps the dtype (sign), ``"ints"`` keeps integers but refuses bools (floor), ``"none"``
    refuses both with torch's "not implemented for 'Long'" naming the CPU ``kernel`` (frac).
    """

    def __init__(self, name, forward, derivative=None, saves="self", ints="float", node=None, formula="",
                 kernel=None, double_backward=False):
        self.__name__ = self.name = name
        self.forward, self.ints, self.kernel = forward, ints, kernel or f"{name}_cpu"
        node_name = node or name.capitalize() + "Backward0"
        # double_backward: the derivative is written with operators and ops/_formulas.py, so it runs on Tensors
        self.node = _backward_node(node_name, derivative, saves if derivative else None, formula,
                                   double_backward or derivative is None)
        self.saves = saves if derivative else None
        self.__doc__ = f"torch.{name}: {formula}"

    def _input_values(self, a) -> np.ndarray:
        if not is_tensor(a):
            raise TypeError(f"{self.__name__}(): argument 'input' (position 1) must be Tensor, not {type(a).__name__}")
        if a.dtype.is_floating_point or self.ints == "keep" or (self.ints == "ints" and a.dtype.category == 1):
            return a._data
        if self.ints in ("none", "ints"):
            raise NotImplementedError(f"\"{self.kernel}\" not implemented for '{a.dtype.legacy_name}'")
        return float_values(a)

    def compute(self, a):
        """The op without ``out=``: values, dtype rules and the graph node."""
        x = self._input_values(a)
        with np.errstate(all="ignore"):
            out = np.asarray(self.forward(x)).astype(x.dtype, copy=False)
        saved = {"self": a} if self.saves == "self" else None
        return record(self.node, out, (a,), saved=saved, save_result=self.saves == "result")

    def alias(self, name):
        """The same op under another of torch's names (``arcsin`` for ``asin``): errors say that name."""
        twin = copy.copy(self)
        twin.__name__ = name  # the argument errors say the alias; errors from inside the op say self.name
        return twin

    def __call__(self, input, *, out=None):  # noqa: A002 (torch's argument name)
        return with_out(self.name, self.compute, out, input)

    def __repr__(self):
        return f"<built-in method {self.name} of type object>"


def _sign(x):
    """-1, 0 or 1; torch gives 0 for nan and -0.0 (``+ 0`` turns numpy's -0.0 into 0.0)."""
    return x if x.dtype == np.bool_ else np.where(np.isnan(x), 0, np.sign(x)).astype(x.dtype) + 0


_wide = wide  # float32 computed in float64 and rounded once (ops/_util.py)


def _sinc(x):
    """``sin(pi x) / (pi x)`` in the input's precision, as torch computes it (1 at 0)."""
    product = np.asarray(math.pi, x.dtype) * x
    return np.where(x == 0, 1, _wide(np.sin)(product).astype(x.dtype) / np.where(x == 0, 1, product))


def _whole(numpy_round):
    """floor/ceil/trunc: integer tensors are already whole, so they come back as a copy."""
    return lambda x: x.copy() if from_numpy_dtype(x.dtype).category < 2 else numpy_round(x)


# name, numpy forward, derivative d(out)/d(in) in terms of the saved tensor, what the node saves
sin = UnaryOp("sin", _wide(np.sin), _formulas.cos, formula="d/dx sin(x) = cos(x)", double_backward=True)
cos = UnaryOp("cos", _wide(np.cos), lambda x: -_formulas.sin(x), formula="d/dx cos(x) = -sin(x)",
              double_backward=True)
tan = UnaryOp("tan", _wide(np.tan), lambda r: 1 + r * r, saves="result", formula="d/dx tan(x) = 1 + tan(x)**2")
asin = UnaryOp("asin", _wide(np.arcsin), lambda x: 1 / np.sqrt(1 - x * x), formula="d/dx asin(x) = 1 / sqrt(1 - x**2)")
acos = UnaryOp("acos", _wide(np.arccos), lambda x: -1 / np.sqrt(1 - x * x),
               formula="d/dx acos(x) = -1 / sqrt(1 - x**2)")
atan = UnaryOp("atan", _wide(np.arctan), lambda x: 1 / (1 + x * x), formula="d/dx atan(x) = 1 / (1 + x**2)")
sinh = UnaryOp("sinh", _wide(np.sinh), lambda x: np.cosh(x), formula="d/dx sinh(x) = cosh(x)")
cosh = UnaryOp("cosh", _wide(np.cosh), lambda x: np.sinh(x), formula="d/dx cosh(x) = sinh(x)")
asinh = UnaryOp("asinh", np.arcsinh, lambda x: 1 / np.sqrt(x * x + 1), formula="d/dx asinh(x) = 1 / sqrt(x**2 + 1)")
acosh = UnaryOp("acosh", np.arccosh, lambda x: 1 / np.sqrt((x - 1) * (x + 1)),
                formula="d/dx acosh(x) = 1 / sqrt(x**2 - 1)")
atanh = UnaryOp("atanh", _wide(np.arctanh), lambda x: 1 / (1 - x * x), formula="d/dx atanh(x) = 1 / (1 - x**2)")
exp2 = UnaryOp("exp2", _wide(np.exp2), lambda r: r * LN2, saves="result", formula="d/dx 2**x = 2**x * log(2)")
expm1 = UnaryOp("expm1", _wide(np.expm1), lambda r: r + 1, saves="result", formula="d/dx (exp(x) - 1) = exp(x)")
log2 = UnaryOp("log2", _wide(np.log2), lambda x: 1 / (x * LN2), formula="d/dx log2(x) = 1 / (x * log(2))")
log10 = UnaryOp("log10", _wide(np.log10), lambda x: 1 / (x * LN10), formula="d/dx log10(x) = 1 / (x * log(10))")
log1p = UnaryOp("log1p", _wide(np.log1p), lambda x: 1 / (1 + x), node="Log1PBackward0",
                formula="d/dx log(1 + x) = 1 / (1 + x)")
rsqrt = UnaryOp("rsqrt", lambda x: 1 / np.sqrt(x), lambda r: -0.5 * r * r * r, saves="result",
                formula="d/dx x**-0.5 = -0.5 * x**-1.5")
sign = UnaryOp("sign", _sign, None, ints="keep", formula="no gradient (zero almost everywhere)")
sgn = UnaryOp("sgn", _sign, None, ints="keep", formula="no gradient (zero almost everywhere)")
floor = UnaryOp("floor", _whole(np.floor), None, ints="ints", kernel="floor_vml_cpu",
                  formula="no gradient (zero almost everywhere)")
ceil = UnaryOp("ceil", _whole(np.ceil), None, ints="ints", kernel="ceil_vml_cpu",
                 formula="no gradient (zero almost everywhere)")
round_whole = UnaryOp("round", _whole(np.rint), None, ints="ints", kernel="round_vml_cpu",
                      formula="no gradient (zero almost everywhere)")
trunc = UnaryOp("trunc", _whole(np.trunc), None, ints="ints", kernel="trunc_vml_cpu",
                  formula="no gradient (zero almost everywhere)")
frac = UnaryOp("frac", lambda x: x - np.trunc(x), lambda _: 1.0, saves=None, ints="none",
               formula="d/dx (x - trunc(x)) = 1")
erf = UnaryOp("erf", _special.erf, lambda x: 2 / SQRT_PI * np.exp(-x * x),
              formula="d/dx erf(x) = 2 / sqrt(pi) * exp(-x**2)")
erfc = UnaryOp("erfc", _special.erfc, lambda x: -2 / SQRT_PI * np.exp(-x * x),
               formula="d/dx erfc(x) = -2 / sqrt(pi) * exp(-x**2)")
erfinv = UnaryOp("erfinv", _special.erfinv, lambda x: SQRT_PI / 2 * np.exp(_special.erfinv(x) ** 2),
                 formula="d/dx erfinv(x) = sqrt(pi) / 2 * exp(erfinv(x)**2)")
lgamma = UnaryOp("lgamma", _special.lgamma, _special.digamma, formula="d/dx lgamma(x) = digamma(x)")
digamma = UnaryOp("digamma", _special.digamma, _special.trigamma, formula="d/dx digamma(x) = trigamma(x)")
deg2rad = UnaryOp("deg2rad", np.deg2rad, lambda _: math.pi / 180, saves=None, node="Deg2RadBackward0",
                  formula="d/dx (x * pi / 180) = pi / 180")
rad2deg = UnaryOp("rad2deg", lambda x: x * np.asarray(180 / math.pi, x.dtype), lambda _: 180 / math.pi, saves=None,
                  node="Rad2DegBackward0",
                  formula="d/dx (x * 180 / pi) = 180 / pi")
sinc = UnaryOp("sinc", _sinc, lambda x: np.where(x == 0, 0.0, (np.cos(math.pi * x) * math.pi * x - np.sin(
    math.pi * x)) / (math.pi * x * x)), formula="d/dx sin(pi x)/(pi x) = (cos(pi x) pi x - sin(pi x)) / (pi x**2)")

arcsin, arccos, arctan = asin.alias("arcsin"), acos.alias("arccos"), atan.alias("arctan")
arcsinh, arccosh, arctanh = asinh.alias("arcsinh"), acosh.alias("arccosh"), atanh.alias("arctanh")
fix = trunc.alias("fix")
