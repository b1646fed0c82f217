"""The backward functions of the activation table as ops of their own, as torch's (``leaky_relu_backward``,
``elu_backward``, ``gelu_backward``...).

On numpy arrays (a plain backward) ``activation_backward`` is ``grad * f'(x)``. On Tensors
(``create_graph=True``) it is recorded as torch records it: a ``LeakyReluBackwardBackward0`` node (and so on)
with edges to the incoming gradient and to the input, whose own backward uses the second derivative, so the
gradient can be differentiated again (a gradient penalty, a Hessian-vector product). silu and mish are
written in torch's differentiable form instead (sigmoid, tanh, products), and threshold uses relu's
``threshold_backward``.
"""

from __future__ import annotations

import math

import numpy as np

from ..autograd import node as _node
from ..autograd.node import Node, record
from . import _formulas as f
from .backward_ops import sigmoid_backward, threshold_backward

SELU_ALPHA = 1.6732632423543772848170429916717
SELU_SCALE = 1.0507009873554804934193349852946

BACKWARD_NAMES = {"leaky_relu": "LeakyReluBackwardBackward0", "elu": "EluBackwardBackward0",
                  "selu": "EluBackwardBackward0", "celu": "EluBackwardBackward0", "gelu": "GeluBackwardBackward0",
                  "softplus": "SoftplusBackwardBackward0", "hardtanh": "HardtanhBackwardBackward0",
                  "logsigmoid": "LogSigmoidBackwardBackward0", "hardswish": "HardswishBackwardBackward0"}


# The piecewise-linear ones have no second derivative: torch's node keeps no grad_output for them.
LINEAR_PIECES = {"leaky_relu", "hardtanh"}
# elu's family: torch's node keeps the input as ``self_or_result`` (its in-place forms pass the result)
ELU_FAMILY = {"elu", "selu", "celu"}


class _ActivationBackwardBackward(Node):
    """d[g * f'(x)] = grad * f'(x) for g, grad * g * f''(x) for x (f'' from the activation table)."""

    kind = ""
    _is_result = False  # the in-place forms' node differentiates from the result (torch's ``is_result``)
    double_backward = True

    def apply(self, grad):
        if f.on_tensors(grad) and self.kind != "hardsigmoid":
            return self._recorded(grad)
        second = self._entry[2]
        if second is None:
            raise RuntimeError(f"derivative for aten::{self.kind}_backward is not implemented")
        x = self.unpack("self_or_result" if self.kind in ELU_FAMILY else "self")
        grad_grad = (activation_backward(self.kind, grad, x, self._options, self._entry, self._is_result)
                     if self.needs_input_grad(0) else None)
        grad_x = None
        if self.needs_input_grad(1) and self.kind in LINEAR_PIECES:
            grad_x = np.zeros_like(grad)
        elif self.needs_input_grad(1):
            with np.errstate(all="ignore"):
                grad_x = (grad * self.unpack("grad_output") * second(x, self._options)).astype(grad.dtype, copy=False)
        return grad_grad, grad_x


    def _recorded(self, grad) -> tuple:
        """torch's formulas on Tensors (a third derivative): the same backward op for g; for x, the second
        derivative written with ops (``elu_double_backward``, ``gelu_double_backward``...)."""
        x = self.unpack("self_or_result" if self.kind in ELU_FAMILY else "self")
        grad_grad = grad_x = None
        if self.needs_input_grad(0):
            grad_grad = activation_backward(self.kind, grad, x, self._options, self._entry, self._is_result)
        if self.needs_input_grad(1):
            if self.kind in LINEAR_PIECES:
                grad_x = f.zeros_like(grad)
            else:
                grad_x = SECOND_DERIVATIVES[self.kind](self, grad, self.unpack("grad_output"), x, self._options)
        return grad_grad, grad_x


def _negative_mask(x, like):
    """``(x < 0).type_as(like)``: a constant."""
    return _node.Tensor._wrap((x._data < 0).astype(like._data.dtype))


def _elu_second(node, grad, grad_output, x, options):
    """torch's ``elu_double_backward``: from the result, grad * g * input_scale where it is negative; from the
    input, elu's backward of grad * g * input_scale, where the input is negative."""
    scales = _saved_attributes(node.kind, options, x._data, node._is_result)
    product = f.scale(grad * grad_output, scales["input_scale"], skip_one=False)
    if node._is_result:
        return product * _negative_mask(x, grad)
    return activation_backward(node.kind, product, x, options, node._entry) * _negative_mask(x, grad)


def _gelu_second(node, grad, grad_output, x, options):
    """torch's ``gelu_double_backward``: grad * g * gelu''(x), gelu'' written with ops."""
    if options["approximate"] == "tanh":
        beta, kappa = math.sqrt(2) * (2 / math.sqrt(math.pi)) * 0.5, 0.044715
        inner = f.scale(x + f.scale(x ** 3, kappa, skip_one=False), beta, skip_one=False)
        tanh_inner, sech_inner = inner.tanh(), f.number_over(1, inner.cosh())
        half_x = f.scale(x, 0.5, skip_one=False)
        g = f.number_minus(1, tanh_inner * tanh_inner)
        h = f.scale(f.add_number(f.scale(x, 3 * kappa, skip_one=False) * x, 1), beta, skip_one=False)
        f_prime_gh = f.scale(g, 0.5, skip_one=False) * h
        g_prime = f.scale(sech_inner, 2, skip_one=False) * (-sech_inner * tanh_inner) * h
        h_prime = f.scale(f.scale(x, 6 * kappa, skip_one=False), beta, skip_one=False)
        return grad * grad_output * (f.scale(f_prime_gh, 2, skip_one=False) + half_x * h * g_prime
                                     + half_x * g * h_prime)
    beta = (2 / math.sqrt(math.pi)) * math.sqrt(0.5) * 0.5
    squared = x * x
    pdf = f.scale(f.scale(squared, -0.5, skip_one=False).exp(), beta, skip_one=False)
    return grad * grad_output * (f.scale(pdf, 2, skip_one=False) - squared * pdf)


def _hardswish_second(node, grad, grad_output, x, options):
    """grad * g / 3 where -3 < x < 3, else 0 (a 0-d constant)."""
    inside = _node.Tensor._wrap((x._data > -3) & (x._data < 3))
    return f.where(inside, f.divide(grad * grad_output, 3.0), _node.Tensor._wrap(np.zeros((), x._data.dtype)))


def _logsigmoid_second(node, grad, grad_output, x, options):
    """torch's ``log_sigmoid_double_backward(grad * g, x)``: grad * g * (s - 1) * s, s = sigmoid(x)."""
    s = x.sigmoid()
    return grad * grad_output * f.sub_number(s, 1) * s


def _softplus_second(node, grad, grad_output, x, options):
    """torch's ``softplus_double_backward(grad * g, x)``: sigmoid's backward at beta x, where beta x is below
    the threshold, times beta."""
    scaled = f.scale(x, options["beta"], skip_one=False)
    below = _node.Tensor._wrap((scaled._data < options["threshold"]).astype(grad._data.dtype))
    slope = sigmoid_backward(grad * grad_output, scaled.sigmoid()) * below
    return f.scale(slope, options["beta"], skip_one=False)


SECOND_DERIVATIVES = {"elu": _elu_second, "selu": _elu_second, "celu": _elu_second, "gelu": _gelu_second,
                      "hardswish": _hardswish_second, "logsigmoid": _logsigmoid_second,
                      "softplus": _softplus_second}


class HardsigmoidNotImplemented(_ActivationBackwardBackward):
    """d[g * hardsigmoid'(x)]: no derivative, as in torch, whose node says so when a backward reaches it."""

    kind = "hardsigmoid"

    def name(self) -> str:
        """torch's name for a formula it does not implement."""
        return "torch::autograd::NotImplemented"


NODES = {kind: type(name, (_ActivationBackwardBackward,), {"kind": kind, "__module__": __name__,
                                                          "__doc__": _ActivationBackwardBackward.__doc__})
         for kind, name in BACKWARD_NAMES.items()}
NODES["hardsigmoid"] = HardsigmoidNotImplemented


def _sigmoid(x):
    return x.sigmoid() if f.on_tensors(x) else 1 / (1 + np.exp(-x))


def _silu_backward(grad, x):
    """torch's ``infinitely_differentiable_silu_backward``: grad * s * (1 + x * (1 - s)), s = sigmoid(x)."""
    s = _sigmoid(x)
    return grad * s * f.add_number(x * f.number_minus(1, s), 1)


def _mish_backward(grad, x):
    """torch's ``infinitely_differentiable_mish_backward``: grad * (t + x * s * (1 - t * t)), t = tanh(softplus(x))."""
    s = _sigmoid(x)
    t = x.exp().log1p().tanh() if f.on_tensors(x) else np.tanh(np.log1p(np.exp(x)))
    return grad * (t + x * s * f.number_minus(1, t * t))


COMPOSITE = {"silu": _silu_backward, "mish": _mish_backward}


def activation_backward(kind: str, grad, x, options: dict, entry: tuple, is_result: bool = False):
    """The gradient of activation ``kind`` at ``x`` (``entry`` its table row: forward, f', f''); with
    ``is_result`` x is the activation's result and ``entry`` reads the derivatives from it (the in-place forms)."""
    if kind == "threshold":
        return threshold_backward(grad, x, options["threshold"])
    if kind in COMPOSITE:
        with np.errstate(all="ignore"):
            result = COMPOSITE[kind](grad, x)
        return result if f.on_tensors(result) else result.astype(grad.dtype, copy=False)
    if not f.on_tensors(grad):
        return (grad * entry[1](x, options)).astype(grad.dtype, copy=False)
    values = (grad._data * entry[1](x._data, options)).astype(grad._data.dtype, copy=False)
    return record(NODES[kind], values, (grad, x), saved=_saved_tensors(kind, grad, x),
                  attrs=_saved_attributes(kind, options, x._data, is_result),
                  state={"options": options, "entry": entry, "is_result": is_result})


def _saved_tensors(kind: str, grad, x) -> dict:
    """The tensors torch's node keeps: none for hardsigmoid's (it has no derivative), the input (elu's family
    calls it ``self_or_result``), and the incoming gradient unless the second derivative is zero."""
    if kind == "hardsigmoid":
        return {}
    saved = {"self_or_result" if kind in ELU_FAMILY else "self": x}
    if kind not in LINEAR_PIECES:
        saved["grad_output"] = grad
    return saved


def _saved_attributes(kind: str, options: dict, x: np.ndarray, is_result: bool = False) -> dict:
    """What torch's node shows besides tensors: the options; elu's family its alpha and scales (celu's input
    scale 1 / alpha, alpha rounded to float32) and ``is_result``; log-sigmoid the ``buffer`` torch's CPU kernel
    keeps, exp(-|x|)."""
    if kind == "elu":
        return {"alpha": options["alpha"], "scale": 1, "input_scale": 1, "is_result": is_result}
    if kind == "selu":
        return {"alpha": SELU_ALPHA, "scale": SELU_SCALE, "input_scale": 1, "is_result": is_result}
    if kind == "celu":
        input_scale = 1 / float(np.float32(options["alpha"]))  # torch's 1.0 / alpha.toFloat()
        return {"alpha": options["alpha"], "scale": 1, "input_scale": input_scale, "is_result": is_result}
    if kind == "logsigmoid":
        return {"buffer": _node.Tensor._wrap(np.exp(-np.abs(x)))}
    return dict(options)
