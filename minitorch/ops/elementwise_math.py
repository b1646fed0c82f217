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
from .polygamma import polygamma_of

LN2, LN10, SQRT_PI = math.log(2), math.log(10), math.sqrt(math.pi)


class UnaryBackward(Node):
    """Backward of a table entry: the entry's ``gradient(grad, saved)``; zeros when the op has no derivative."""

    gradient = None
    saved_name = None

    def apply(self, grad):
        if self.gradient is None:
            return (_formulas.zeros_like(grad),)
        saved = None if self.saved_name is None else self.unpack(self.saved_name)
        if _formulas.on_tensors(grad):
            return (self.gradient(grad, saved),)
        with np.errstate(all="ignore"):
            return (np.asarray(self.gradient(grad, saved)).astype(grad.dtype, copy=False),)


def _backward_node(node_name, gradient, saves, formula, double_backward):
    return type(node_name, (UnaryBackward,), {"gradient": staticmethod(gradient) if gradient else None,
                                              "saved_name": saves, "__doc__": formula,
                                              "double_backward": double_backward, "__module__": __name__})


class UnaryOp:
    """One element-wise function: ``op(input, *, out=None)``.

    ``gradient(grad, saved)`` is torch's backward formula, step by step as torch writes it (so the gradient's
    graph under ``create_graph=True`` has torch's nodes), in terms of the saved input or result.

    ``ints`` says what integer and bool inputs do: ``"float"`` computes in the default float type (sin),
    ``"keep"`` keeps the dtype (sign), ``"ints"`` keeps integers but refuses bools (floor), ``"none"``
    refuses both with torch's "not implemented for 'Long'" naming the CPU ``kernel`` (frac).
    """

    def __init__(self, name, forward, gradient=None, saves="self", ints="float", node=None, formula="",
                 kernel=None, double_backward=True):
        self.__name__ = self.name = name
        self.forward, self.ints, self.kernel = forward, ints, kernel or f"{name}_cpu"
        node_name = node or name.capitalize() + "Backward0"
        # double_backward: the gradient is written with operators and ops/_formulas.py, so it runs on Tensors
        self.node = _backward_node(node_name, gradient, saves if gradient else None, formula,
                                   double_backward or gradient is None)
        # what the node saves: "self", "result", None, or a tuple of them (sgn keeps both, as torch's node)
        if isinstance(saves, str):
            saves = (saves,) if gradient else ()  # an op without a derivative saves nothing unless told
        self.saves = tuple(saves or ())
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
        saved = {"self": a} if "self" in self.saves else None
        return record(self.node, out, (a,), saved=saved, save_result="result" in self.saves)

    def alias(self, name):
        """The same op under another of torch's names (``arcsin`` for ``asin``): errors say that name."""
        twin = copy.copy(self)
        twin.__name__ = name  # the argument errors say the alias; errors from inside the op say self.name
        return twin

    def __call__(self, input, *, out=None):  # noqa: A002 (torch's argument name)
        return with_out(self.name, self.compute, out, input, keeps_dtype=self.ints != "float")

    def __repr__(self):
        return f"<built-in method {self.name} of type object>"


def _sign(x):
    """-1, 0 or 1; torch gives 0 for nan and -0.0 (``+ 0`` turns numpy's -0.0 into 0.0)."""
    return x.copy() if x.dtype == np.bool_ else np.where(np.isnan(x), 0, np.sign(x)).astype(x.dtype) + 0


_wide = wide  # float32 computed in float64 and rounded once (ops/_util.py)


def _sinc(x):
    """``sin(pi x) / (pi x)`` in the input's precision, as torch computes it (1 at 0)."""
    product = np.asarray(math.pi, x.dtype) * x
    return np.where(x == 0, 1, _wide(np.sin)(product).astype(x.dtype) / np.where(x == 0, 1, product))


def _whole(numpy_round):
    """floor/ceil/trunc: integer tensors are already whole, so they come back as a copy."""
    return lambda x: x.copy() if from_numpy_dtype(x.dtype).category < 2 else numpy_round(x)


# name, numpy forward, gradient(grad, saved) as torch's formula, what the node saves
f = _formulas
sin = UnaryOp("sin", _wide(np.sin), lambda g, x: g * f.cos(x), formula="d/dx sin(x) = cos(x)")
cos = UnaryOp("cos", _wide(np.cos), lambda g, x: g * -f.sin(x), formula="d/dx cos(x) = -sin(x)")
tan = UnaryOp("tan", _wide(np.tan), lambda g, r: g * f.add_number(r ** 2, 1), saves="result",
              formula="d/dx tan(x) = 1 + tan(x)**2")
asin = UnaryOp("asin", _wide(np.arcsin), lambda g, x: g * f.rsqrt(f.add_number(-x * x, 1)),
               formula="d/dx asin(x) = 1 / sqrt(1 - x**2)")
acos = UnaryOp("acos", _wide(np.arccos), lambda g, x: g * -f.rsqrt(f.add_number(-x * x, 1)),
               formula="d/dx acos(x) = -1 / sqrt(1 - x**2)")
atan = UnaryOp("atan", _wide(np.arctan), lambda g, x: g / f.add_number(x * x, 1),
               formula="d/dx atan(x) = 1 / (1 + x**2)")
sinh = UnaryOp("sinh", _wide(np.sinh), lambda g, x: g * f.cosh(x), formula="d/dx sinh(x) = cosh(x)")
cosh = UnaryOp("cosh", _wide(np.cosh), lambda g, x: g * f.sinh(x), formula="d/dx cosh(x) = sinh(x)")
asinh = UnaryOp("asinh", np.arcsinh, lambda g, x: g * f.rsqrt(f.add_number(x ** 2, 1)),
                formula="d/dx asinh(x) = 1 / sqrt(x**2 + 1)")
acosh = UnaryOp("acosh", np.arccosh, lambda g, x: g * f.rsqrt(f.sub_number(x * x, 1)),
                formula="d/dx acosh(x) = 1 / sqrt(x**2 - 1)")
atanh = UnaryOp("atanh", _wide(np.arctanh), lambda g, x: f.scale(g, 1, skip_one=False) / f.number_minus(1, x ** 2),
                formula="d/dx atanh(x) = 1 / (1 - x**2)")
exp2 = UnaryOp("exp2", _wide(np.exp2), lambda g, r: f.scale(g * r, LN2), saves="result",
               formula="d/dx 2**x = 2**x * log(2)")
expm1 = UnaryOp("expm1", _wide(np.expm1), lambda g, r: g * f.add_number(r, 1), saves="result",
                formula="d/dx (exp(x) - 1) = exp(x)")
log2 = UnaryOp("log2", _wide(np.log2), lambda g, x: g / f.scale(x, LN2), formula="d/dx log2(x) = 1 / (x * log(2))")
log10 = UnaryOp("log10", _wide(np.log10), lambda g, x: g / f.scale(x, LN10),
                formula="d/dx log10(x) = 1 / (x * log(10))")
log1p = UnaryOp("log1p", _wide(np.log1p), lambda g, x: g / f.add_number(x, 1), node="Log1PBackward0",
                formula="d/dx log(1 + x) = 1 / (1 + x)")
rsqrt = UnaryOp("rsqrt", lambda x: 1 / np.sqrt(x), lambda g, r: f.scale(g, -0.5) * r ** 3, saves="result",
                formula="d/dx x**-0.5 = -0.5 * x**-1.5")
sign = UnaryOp("sign", _sign, None, ints="keep", formula="no gradient (zero almost everywhere)")
sgn = UnaryOp("sgn", _sign, None, saves=("self", "result"), ints="keep",
              formula="no gradient (zero almost everywhere)")
floor = UnaryOp("floor", _whole(np.floor), None, ints="ints", kernel="floor_vml_cpu",
                  formula="no gradient (zero almost everywhere)")
ceil = UnaryOp("ceil", _whole(np.ceil), None, ints="ints", kernel="ceil_vml_cpu",
                 formula="no gradient (zero almost everywhere)")
round_whole = UnaryOp("round", _whole(np.rint), None, ints="ints", kernel="round_vml_cpu",
                      formula="no gradient (zero almost everywhere)")
trunc = UnaryOp("trunc", _whole(np.trunc), None, ints="ints", kernel="trunc_vml_cpu",
                  formula="no gradient (zero almost everywhere)")
frac = UnaryOp("frac", lambda x: x - np.trunc(x), lambda g, _: g, saves=None, ints="none",
               formula="d/dx (x - trunc(x)) = 1")
erf = UnaryOp("erf", _special.erf, lambda g, x: f.scale(f.exp(-(x ** 2)), 2 / SQRT_PI) * g,
              formula="d/dx erf(x) = 2 / sqrt(pi) * exp(-x**2)")
erfc = UnaryOp("erfc", _special.erfc, lambda g, x: f.scale(f.exp(-(x ** 2)), -2 / SQRT_PI) * g,
               formula="d/dx erfc(x) = -2 / sqrt(pi) * exp(-x**2)")
erfinv = UnaryOp("erfinv", _special.erfinv, lambda g, x: f.scale(f.exp(f.erfinv(x) ** 2), 0.5 * SQRT_PI) * g,
                 formula="d/dx erfinv(x) = sqrt(pi) / 2 * exp(erfinv(x)**2)")
lgamma = UnaryOp("lgamma", _special.lgamma, lambda g, x: g * f.digamma(x), formula="d/dx lgamma(x) = digamma(x)")
digamma = UnaryOp("digamma", _special.digamma, lambda g, x: g * polygamma_of(1, x),
                  formula="d/dx digamma(x) = polygamma(1, x) (trigamma)")
deg2rad = UnaryOp("deg2rad", np.deg2rad, lambda g, _: f.scale(g, math.pi / 180), saves=None, node="Deg2RadBackward0",
                  formula="d/dx (x * pi / 180) = pi / 180")
rad2deg = UnaryOp("rad2deg", lambda x: x * np.asarray(180 / math.pi, x.dtype), lambda g, _: f.scale(g, 180 / math.pi),
                  saves=None, node="Rad2DegBackward0", formula="d/dx (x * 180 / pi) = 180 / pi")


def _sinc_gradient(grad, x):
    """torch's ``sinc_backward``: grad * (pi x cos(pi x) - sin(pi x)) / (pi x**2), 0 where x is 0."""
    x_pi, x_squared_pi = f.scale(x, math.pi), f.scale(x * x, math.pi)
    return f.where(x_squared_pi == 0, 0.0, grad * ((x_pi * f.cos(x_pi) - f.sin(x_pi)) / x_squared_pi))


sinc = UnaryOp("sinc", _sinc, _sinc_gradient,
               formula="d/dx sin(pi x)/(pi x) = (cos(pi x) pi x - sin(pi x)) / (pi x**2)")

arcsin, arccos, arctan = asin.alias("arcsin"), acos.alias("arccos"), atan.alias("arctan")
arcsinh, arccosh, arctanh = asinh.alias("arcsinh"), acosh.alias("arccosh"), atanh.alias("arctanh")
fix = trunc.alias("fix")


class _InPlaceWithoutDerivative(Node):
    """No derivative: torch's in-place ``acosh_``, ``asinh_`` and ``atanh_`` refuse their backward."""

    op_name = ""

    def apply(self, grad):
        raise NotImplementedError(f"the derivative for 'inplace version of {self.op_name}' is not implemented.")


def _in_place_version(op):
    """The op as its in-place method records it: node ``<Name>Backward1``, which has no derivative."""
    twin = copy.copy(op)
    twin.saves = ()
    twin.node = type(op.node.__name__[:-1] + "1", (_InPlaceWithoutDerivative,),
                     {"op_name": op.name, "__module__": __name__, "__doc__": _InPlaceWithoutDerivative.__doc__})
    return twin


asinh_in_place, acosh_in_place, atanh_in_place = (_in_place_version(op) for op in (asinh, acosh, atanh))
