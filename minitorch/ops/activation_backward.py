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

import numpy as np

from ..autograd import node as _node
from ..autograd.node import Node, record
from . import _formulas as f
from .backward_ops import threshold_backward

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

    def apply(self, grad):
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
    scale 1 / alpha) and ``is_result``; log-sigmoid the ``buffer`` torch's CPU kernel keeps, exp(-|x|)."""
    if kind == "elu":
        return {"alpha": options["alpha"], "scale": 1, "input_scale": 1, "is_result": is_result}
    if kind == "selu":
        return {"alpha": SELU_ALPHA, "scale": SELU_SCALE, "input_scale": 1, "is_result": is_result}
    if kind == "celu":
        return {"alpha": options["alpha"], "scale": 1, "input_scale": 1 / options["alpha"], "is_result": is_result}
    if kind == "logsigmoid":
        return {"buffer": _node.Tensor._wrap(np.exp(-np.abs(x)))}
    return dict(options)
