"""Adagrad: each parameter's step shrinks with the sum of its squared gradients so far."""

import numpy as np

from ..tensor import Tensor
from ._arith import add_scaled, addcdiv, addcmul
from .optimizer import Optimizer, write_in_place, zero_step


class Adagrad(Optimizer):
    """Adagrad, computed as ``torch.optim.Adagrad`` does for one parameter at a time::

        g = grad + weight_decay * p
        clr = lr / (1 + (step - 1) * lr_decay)
        sum = sum + g * g
        p = p - clr * g / (sqrt(sum) + eps)
    """

    def __init__(self, params, lr=1e-2, lr_decay=0, weight_decay=0, initial_accumulator_value=0, eps=1e-10,
                 foreach=None, *, maximize=False, differentiable=False, fused=None):
        """Check the options with torch's errors; the compatibility-only ones are stored as given."""
        for name, value in (("learning rate", lr), ("lr_decay value", lr_decay),
                            ("weight_decay value", weight_decay),
                            ("initial_accumulator_value value", initial_accumulator_value),
                            ("epsilon value", eps)):
            if value < 0.0:
                raise ValueError(f"Invalid {name}: {value}")
        defaults = {"lr": lr, "lr_decay": lr_decay, "eps": eps, "weight_decay": weight_decay,
                    "initial_accumulator_value": initial_accumulator_value, "foreach": foreach,
                    "maximize": maximize, "differentiable": differentiable, "fused": fused}
        super().__init__(params, defaults)
        for group in self.param_groups:  # torch fills the state when the optimizer is made
            for param in group["params"]:
                self.state[param]["step"] = zero_step()
                initial = np.full_like(param._data, group["initial_accumulator_value"])
                self.state[param]["sum"] = Tensor._wrap(initial)

    def _update(self, group, param):
        state = self.state[param]
        grad = -param.grad._data if group["maximize"] else param.grad._data
        step = float(write_in_place(state["step"], state["step"]._data + 1)._data)
        if group["weight_decay"] != 0:
            grad = add_scaled(grad, group["weight_decay"], param._data)
        clr = group["lr"] / (1 + (step - 1) * group["lr_decay"])
        total = write_in_place(state["sum"], addcmul(state["sum"]._data, 1, grad, grad))._data
        std = (np.sqrt(total) + group["eps"]).astype(grad.dtype)
        write_in_place(param, addcdiv(param._data, -clr, grad, std))
