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

from ..autograd.node import Node, record
from . import _formulas as f
from .backward_ops import threshold_backward

BACKWARD_NAMES = {"leaky_relu": "LeakyReluBackwardBackward0", "elu": "EluBackwardBackward0",
                  "selu": "EluBackwardBackward0", "celu": "EluBackwardBackward0", "gelu": "GeluBackwardBackward0",
                  "softplus": "SoftplusBackwardBackward0", "hardtanh": "HardtanhBackwardBackward0",
                  "logsigmoid": "LogSigmoidBackwardBackward0", "hardswish": "HardswishBackwardBackward0"}


class _ActivationBackwardBackward(Node):
    """d[g * f'(x)] = grad * f'(x) for g, grad * g * f''(x) for x (f'' from the activation table)."""

    kind = ""

    def apply(self, grad):
        second = self._entry[2]
        if second is None:
            raise RuntimeError(f"derivative for aten::{self.kind}_backward is not implemented")
        grad_output, x = self.unpack("grad_output"), self.unpack("self")
        grad_grad = (activation_backward(self.kind, grad, x, self._options, self._entry)
                     if self.needs_input_grad(0) else None)
        grad_x = None
        if self.needs_input_grad(1):
            with np.errstate(all="ignore"):
                grad_x = (grad * grad_output * second(x, self._options)).astype(grad.dtype, copy=False)
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


def activation_backward(kind: str, grad, x, options: dict, entry: tuple):
    """The gradient of activation ``kind`` at ``x`` (``entry`` its table row: forward, f', f'')."""
    if kind == "threshold":
        return threshold_backward(grad, x, options["threshold"])
    if kind in COMPOSITE:
        with np.errstate(all="ignore"):
            result = COMPOSITE[kind](grad, x)
        return result if f.on_tensors(result) else result.astype(grad.dtype, copy=False)
    if not f.on_tensors(grad):
        return (grad * entry[1](x, options)).astype(grad.dtype, copy=False)
    values = (grad._data * entry[1](x._data, options)).astype(grad._data.dtype, copy=False)
    return record(NODES[kind], values, (grad, x), saved={"grad_output": grad, "self": x}, attrs=dict(options),
                  state={"options": options, "entry": entry})
