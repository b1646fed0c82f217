"""Adam: per-parameter step sizes from running averages of the gradient and of its square."""

import math

import numpy as np

from ..tensor import Tensor
from ._arith import add_scaled, addcdiv, addcmul, lerp
from .optimizer import Optimizer, write_in_place, zero_step


def _zeros_like(param):
    return Tensor._wrap(np.zeros_like(param._data))


class Adam(Optimizer):
    """Adam, computed as ``torch.optim.Adam`` does for one parameter at a time::

        g = grad + weight_decay * p           (or p *= 1 - lr * weight_decay, if decoupled)
        m = m + (1 - beta1) * (g - m)         running average of g       (exp_avg)
        v = beta2 * v + (1 - beta2) * g * g   running average of g**2    (exp_avg_sq)
        p = p - lr / (1 - beta1**t) * m / (sqrt(v) / sqrt(1 - beta2**t) + eps)

    With ``amsgrad=True`` the largest ``v`` seen so far is used instead of ``v``.
    """

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, amsgrad=False, *,
                 foreach=None, maximize=False, capturable=False, differentiable=False, fused=None,
                 decoupled_weight_decay=False):
        """Check the options with torch's errors; the compatibility-only ones are stored as given."""
        if lr < 0.0:
            raise ValueError(f"Invalid learning rate: {lr}")
        if eps < 0.0:
            raise ValueError(f"Invalid epsilon value: {eps}")
        for index in (0, 1):
            if not 0.0 <= betas[index] < 1.0:
                raise ValueError(f"Invalid beta parameter at index {index}: {betas[index]}")
        if weight_decay < 0.0:
            raise ValueError(f"Invalid weight_decay value: {weight_decay}")
        defaults = {"lr": lr, "betas": betas, "eps": eps, "weight_decay": weight_decay, "amsgrad": amsgrad,
                    "maximize": maximize, "foreach": foreach, "capturable": capturable,
                    "differentiable": differentiable, "fused": fused,
                    "decoupled_weight_decay": decoupled_weight_decay}
        super().__init__(params, defaults)

    def _update(self, group, param):
        state = self.state[param]
        if not state:
            state["step"] = zero_step()
            state["exp_avg"], state["exp_avg_sq"] = _zeros_like(param), _zeros_like(param)
            if group["amsgrad"]:
                state["max_exp_avg_sq"] = _zeros_like(param)
        beta1, beta2 = group["betas"]
        lr, decay = group["lr"], group["weight_decay"]
        grad = -param.grad._data if group["maximize"] else param.grad._data
        write_in_place(state["step"], state["step"]._data + 1)
        if decay != 0:
            if group["decoupled_weight_decay"]:
                write_in_place(param, param._data * (1 - lr * decay))
            else:
                grad = add_scaled(grad, decay, param._data)
        exp_avg = write_in_place(state["exp_avg"], lerp(state["exp_avg"]._data, grad, 1 - beta1))._data
        squares = addcmul(state["exp_avg_sq"]._data * beta2, 1 - beta2, grad, grad)
        second = write_in_place(state["exp_avg_sq"], squares)._data
        if group["amsgrad"]:
            second = write_in_place(state["max_exp_avg_sq"], np.maximum(state["max_exp_avg_sq"]._data, second))._data
        step = float(state["step"]._data)
        step_size = lr / (1 - beta1**step)
        denominator = np.sqrt(second) / math.sqrt(1 - beta2**step) + group["eps"]
        write_in_place(param, addcdiv(param._data, -step_size, exp_avg, denominator))


class AdamW(Adam):
    """Adam with decoupled weight decay: ``p *= 1 - lr * weight_decay`` before the Adam step."""

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2, amsgrad=False, *,
                 maximize=False, foreach=None, capturable=False, differentiable=False, fused=None):
        """Adam's options, with ``weight_decay=0.01`` and ``decoupled_weight_decay=True``."""
        super().__init__(params, lr, betas, eps, weight_decay, amsgrad, foreach=foreach, maximize=maximize,
                         capturable=capturable, differentiable=differentiable, fused=fused,
                         decoupled_weight_decay=True)
