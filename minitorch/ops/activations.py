"""The activation functions beyond relu/sigmoid/tanh, as one table: each has a forward, a derivative and a
second derivative on numpy arrays, and a node named as torch names it (``LeakyReluBackward0``...).

``derivative(x, options)`` is d result / d x, elementwise; the node multiplies it by the gradient through
``activation_backward`` (ops/activation_backward.py), which is recorded with ``create_graph=True`` and
differentiated again with ``second(x, options)``.
"""

from __future__ import annotations

import math

import numpy as np

from ..autograd import node as _node
from ..autograd.node import Node, record
from . import _formulas
from .activation_backward import SELU_ALPHA, SELU_SCALE, activation_backward
from .inplace import apply_inplace

_erf = np.vectorize(math.erf, otypes=[np.float64])


def _sigmoid(x):
    return 1 / (1 + np.exp(-x))


def _softplus(x, beta=1.0, threshold=20.0):
    scaled = x * beta
    return np.where(scaled > threshold, x, np.log1p(np.exp(np.minimum(scaled, threshold))) / beta)


def _gelu(x, approximate):
    if approximate == "tanh":
        inner = math.sqrt(2 / math.pi) * (x + 0.044715 * x**3)
        return 0.5 * x * (1 + np.tanh(inner))
    return 0.5 * x * (1 + _erf(x.astype(np.float64) / math.sqrt(2)).astype(x.dtype))


def _gelu_derivative(x, approximate):
    if approximate == "tanh":
        k = math.sqrt(2 / math.pi)
        inner = np.tanh(k * (x + 0.044715 * x**3))
        return 0.5 * (1 + inner) + 0.5 * x * (1 - inner**2) * k * (1 + 3 * 0.044715 * x**2)
    cdf = 0.5 * (1 + _erf(x.astype(np.float64) / math.sqrt(2)).astype(x.dtype))
    return cdf + x * np.exp(-0.5 * x * x) / math.sqrt(2 * math.pi)


def _elu(x, alpha, scale=1.0, input_scale=1.0):
    return np.where(x > 0, x * scale, alpha * scale * np.expm1(np.minimum(x, 0) * input_scale))


def _elu_derivative(x, alpha, scale=1.0, input_scale=1.0):  # torch's test is x <= 0: NaN takes the scale
    return np.where(x <= 0, alpha * scale * input_scale * np.exp(np.minimum(x, 0) * input_scale), scale)


def _gelu_second(x, approximate):
    if approximate == "tanh":
        k, c = math.sqrt(2 / math.pi), 0.044715
        inner = np.tanh(k * (x + c * x**3))
        du, ddu = k * (1 + 3 * c * x**2), 6 * k * c * x
        return (1 - inner * inner) * (du + 0.5 * x * (ddu - 2 * inner * du * du))
    return np.exp(-0.5 * x * x) / math.sqrt(2 * math.pi) * (2 - x * x)


def _elu_second(x, alpha, scale=1.0, input_scale=1.0):
    # torch's elu_double_backward: the exponential branch only where x < 0 (0 at x == 0, as on x > 0)
    return np.where(x < 0, alpha * scale * input_scale * input_scale * np.exp(np.minimum(x, 0) * input_scale), 0.0)


def _softplus_second(x, beta, threshold):
    s = _sigmoid(x * beta)
    return beta * s * (1 - s) * (x * beta < threshold)  # torch multiplies by its mask (NaN stays NaN)


def _celu_input_scale(alpha):
    """torch's celu backward is elu's with input scale ``1.0 / alpha.toFloat()``: alpha rounded to float32."""
    return 1.0 / float(np.float32(alpha))


def _zero(x, o):
    return np.zeros_like(x)


def _mish_derivative(x):
    t = np.tanh(_softplus(x))
    return t + x * (1 - t * t) * _sigmoid(x)


# name: (forward(x, o), derivative(x, o), second derivative(x, o)), where o holds the op's options; silu, mish
# and threshold have no second derivative here (ops/activation_backward.py differentiates their gradient's
# formula), hardsigmoid has none in torch either
TABLE = {
    "leaky_relu": (lambda x, o: np.where(x > 0, x, x * o["negative_slope"]),
                   lambda x, o: np.where(x > 0, 1.0, o["negative_slope"]), _zero),
    "elu": (lambda x, o: _elu(x, o["alpha"]), lambda x, o: _elu_derivative(x, o["alpha"]),
            lambda x, o: _elu_second(x, o["alpha"])),
    "selu": (lambda x, o: _elu(x, SELU_ALPHA, SELU_SCALE), lambda x, o: _elu_derivative(x, SELU_ALPHA, SELU_SCALE),
             lambda x, o: _elu_second(x, SELU_ALPHA, SELU_SCALE)),
    "celu": (lambda x, o: _elu(x, o["alpha"], 1.0, 1 / o["alpha"]),
             lambda x, o: _elu_derivative(x, o["alpha"], 1.0, _celu_input_scale(o["alpha"])),
             lambda x, o: _elu_second(x, o["alpha"], 1.0, _celu_input_scale(o["alpha"]))),
    "gelu": (lambda x, o: _gelu(x, o["approximate"]), lambda x, o: _gelu_derivative(x, o["approximate"]),
             lambda x, o: _gelu_second(x, o["approximate"])),
    "silu": (lambda x, o: x * _sigmoid(x), lambda x, o: _sigmoid(x) * (1 + x * (1 - _sigmoid(x))), None),
    "mish": (lambda x, o: x * np.tanh(_softplus(x)), lambda x, o: _mish_derivative(x), None),
    "softplus": (lambda x, o: _softplus(x, o["beta"], o["threshold"]),
                 lambda x, o: np.where(x * o["beta"] > o["threshold"], 1.0, _sigmoid(x * o["beta"])),
                 lambda x, o: _softplus_second(x, o["beta"], o["threshold"])),
    "hardtanh": (lambda x, o: np.clip(x, o["min_val"], o["max_val"]),
                 lambda x, o: ((x > o["min_val"]) & (x < o["max_val"])).astype(x.dtype), _zero),
    "logsigmoid": (lambda x, o: -_softplus(-x), lambda x, o: _sigmoid(-x),
                   lambda x, o: -_sigmoid(x) * _sigmoid(-x)),
    "hardsigmoid": (lambda x, o: np.clip(x + 3, 0, 6) / 6, lambda x, o: ((x > -3) & (x < 3)) / 6, None),
    "hardswish": (lambda x, o: x * np.clip(x + 3, 0, 6) / 6,
                  lambda x, o: np.where(x <= -3, 0.0, np.where(x < 3, x / 3 + 0.5, 1.0)),
                  lambda x, o: np.where((x > -3) & (x < 3), 1 / 3, 0.0)),
    "threshold": (lambda x, o: np.where(x > o["threshold"], x, o["value"]),
                  lambda x, o: (x > o["threshold"]).astype(x.dtype), None),
}


class _ActivationBackward(Node):
    """d f(x) / dx from the table, times the incoming gradient."""

    kind = ""
    double_backward = True

    def apply(self, grad):
        return (activation_backward(self.kind, grad, self.unpack("self"), self._options, TABLE[self.kind]),)


def _table_node(name: str, kind: str) -> type:
    doc = f"d {kind}(x) / dx, from the activation table."
    return type(name, (_ActivationBackward,), {"kind": kind, "__doc__": doc})


NODES = {kind: _table_node(name, kind) for kind, name in (
    ("leaky_relu", "LeakyReluBackward0"), ("elu", "EluBackward0"), ("selu", "EluBackward0"),
    ("celu", "CeluBackward0"), ("gelu", "GeluBackward0"), ("silu", "SiluBackward0"), ("mish", "MishBackward0"),
    ("softplus", "SoftplusBackward0"), ("hardtanh", "HardtanhBackward0"), ("logsigmoid", "LogSigmoidBackward0"),
    ("hardsigmoid", "HardsigmoidBackward0"), ("hardswish", "HardswishBackward0"), ("threshold", "ThresholdBackward0"))}


def _elu_derivative_from_result(r, alpha, scale=1.0, input_scale=1.0):
    """elu's derivative read from its result, as torch's ``elu_backward(..., is_result=True)``."""
    return np.where(r <= 0, input_scale * (r + alpha * scale), scale)


def _elu_second_from_result(r, input_scale=1.0):
    """d/dr of elu's derivative read from its result (torch's ``elu_double_backward`` with ``is_result``)."""
    return np.where(r < 0, input_scale, 0.0)


# The in-place forms save only the result (torch's ``leaky_relu_(x)`` overwrote x): the derivative from it, and
# the derivative of that in the result (for create_graph=True), as (forward, derivative, second) table rows.
FROM_RESULT = {
    "leaky_relu": (None, lambda r, o: np.where(r > 0, 1.0, o["negative_slope"]), _zero),
    "elu": (None, lambda r, o: _elu_derivative_from_result(r, o["alpha"]),
            lambda r, o: _elu_second_from_result(r)),
    "selu": (None, lambda r, o: _elu_derivative_from_result(r, SELU_ALPHA, SELU_SCALE),
             lambda r, o: _elu_second_from_result(r)),
    "celu": (None, lambda r, o: _elu_derivative_from_result(r, o["alpha"], 1.0, _celu_input_scale(o["alpha"])),
             lambda r, o: _elu_second_from_result(r, _celu_input_scale(o["alpha"]))),
}


class _InPlaceActivationBackward(Node):
    """d f(x) / dx read from the saved result f(x), times the incoming gradient."""

    kind = ""
    double_backward = True

    def apply(self, grad):
        result = self.unpack("result")
        if _formulas.on_tensors(grad):
            return (activation_backward(self.kind, grad, result, self._options, FROM_RESULT[self.kind], True),)
        with np.errstate(all="ignore"):
            return ((grad * FROM_RESULT[self.kind][1](result, self._options)).astype(grad.dtype),)


def _in_place_node(name: str, kind: str) -> type:
    doc = f"d {kind}_(x) / dx, from the saved result."
    return type(name, (_InPlaceActivationBackward,), {"kind": kind, "__doc__": doc})


IN_PLACE_NODES = {"leaky_relu": _in_place_node("LeakyReluBackward1", "leaky_relu"),
                  "elu": _in_place_node("EluBackward1", "elu"), "selu": _in_place_node("EluBackward1", "selu"),
                  "celu": _in_place_node("CeluBackward1", "celu"),
                  # torch's threshold_ differentiates from (a copy of) its input, as the out-of-place form
                  "threshold": _table_node("ThresholdBackward1", "threshold")}


def _saved_attributes(kind: str, options: dict, x: np.ndarray) -> dict:
    """The ``_saved_*`` values torch's node shows: the options, with elu's scales (torch's elu kernel takes
    them), without threshold's ``value``, and log-sigmoid's ``buffer`` (torch's CPU kernel keeps exp(-|x|))."""
    if kind == "elu":
        return {**options, "scale": 1, "input_scale": 1}
    if kind == "selu":
        return {"alpha": SELU_ALPHA, "scale": SELU_SCALE, "input_scale": 1}
    if kind == "threshold":
        return {"threshold": options["threshold"]}
    if kind == "logsigmoid":
        return {"buffer": _node.Tensor._wrap(np.exp(-np.abs(x)))}
    return dict(options)


def activation(kind: str, a, options=None, node_cls=None):
    """``kind`` applied to ``a`` elementwise (a float tensor), recorded with its node (the in-place forms'
    ``node_cls`` saves the result, the others the input)."""
    options = options or {}
    values = a._data
    out_data = np.asarray(TABLE[kind][0](values, options)).astype(values.dtype)
    attrs = _saved_attributes(kind, options, values)
    if node_cls is not None and kind in FROM_RESULT:
        return record(node_cls, out_data, (a,), attrs=attrs, state={"options": options}, save_result=True)
    return record(node_cls or NODES[kind], out_data, (a,), saved={"self": a}, attrs=attrs, state={"options": options})


def activation_(kind: str, a, options=None):
    """``kind`` applied in place (``F.leaky_relu(x, inplace=True)``), recorded as torch records it."""
    return apply_inplace(a, lambda t: activation(kind, t, options, IN_PLACE_NODES.get(kind)))
