"""Stochastic gradient descent, with momentum, dampening, Nesterov momentum and weight decay."""

import numpy as np

from ..tensor import Tensor
from ._arith import add_scaled
from .optimizer import Optimizer, write_in_place


class SGD(Optimizer):
    """``p -= lr * g``, where ``g`` is the gradient, optionally with weight decay and momentum.

    Per parameter, as ``torch.optim.SGD`` computes it::

        g = grad + weight_decay * p
        buf = g (first step)  or  momentum * buf + (1 - dampening) * g
        g = g + momentum * buf (nesterov)  or  buf
        p = p - lr * g
    """

    def __init__(self, params, lr=1e-3, momentum=0, dampening=0, weight_decay=0, nesterov=False, *,
                 maximize=False, foreach=None, differentiable=False, fused=None):
        """Check the options with torch's errors; the last four are accepted for compatibility."""
        if lr < 0.0:
            raise ValueError(f"Invalid learning rate: {lr}")
        if momentum < 0.0:
            raise ValueError(f"Invalid momentum value: {momentum}")
        if weight_decay < 0.0:
            raise ValueError(f"Invalid weight_decay value: {weight_decay}")
        if nesterov and (momentum <= 0 or dampening != 0):
            raise ValueError("Nesterov momentum requires a momentum and zero dampening")
        defaults = {"lr": lr, "momentum": momentum, "dampening": dampening, "weight_decay": weight_decay,
                    "nesterov": nesterov, "maximize": maximize, "foreach": foreach,
                    "differentiable": differentiable, "fused": fused}
        super().__init__(params, defaults)

    def _update(self, group, param):
        grad = param.grad._data
        if group["maximize"]:
            grad = -grad
        if group["weight_decay"] != 0:
            grad = add_scaled(grad, group["weight_decay"], param._data)
        momentum = group["momentum"]
        if momentum != 0:
            state = self.state[param]  # only momentum needs state, as in torch
            buffer = state.get("momentum_buffer")
            if buffer is None:
                buffer = state["momentum_buffer"] = Tensor._wrap(np.array(grad, copy=True))
            else:
                write_in_place(buffer, add_scaled(buffer._data * momentum, 1 - group["dampening"], grad))
            grad = add_scaled(grad, momentum, buffer._data) if group["nesterov"] else buffer._data
        write_in_place(param, add_scaled(param._data, -group["lr"], grad))
