"""Adam: per-parameter step sizes from running averages of the gradient and of its square."""

import math

import numpy as np

from ..tensor import Tensor
from .optimizer import Optimizer


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

    def _update(self, group, param, state):
        if not state:
            state["step"] = Tensor._wrap(np.zeros((), dtype=np.float32))
            state["exp_avg"], state["exp_avg_sq"] = _zeros_like(param), _zeros_like(param)
            if group["amsgrad"]:
                state["max_exp_avg_sq"] = _zeros_like(param)
        beta1, beta2 = group["betas"]
        lr, decay = group["lr"], group["weight_decay"]
        grad = -param.grad._data if group["maximize"] else param.grad._data
        state["step"]._data += 1
        if decay != 0:
            if group["decoupled_weight_decay"]:
                param.mul_(1 - lr * decay)
            else:
                grad = grad + decay * param._data
        exp_avg, exp_avg_sq = state["exp_avg"]._data, state["exp_avg_sq"]._data
        exp_avg += (1 - beta1) * (grad - exp_avg)
        exp_avg_sq *= beta2
        exp_avg_sq += (1 - beta2) * (grad * grad)
        step = float(state["step"]._data)
        step_size = lr / (1 - beta1**step)
        second = exp_avg_sq
        if group["amsgrad"]:
            np.maximum(state["max_exp_avg_sq"]._data, exp_avg_sq, out=state["max_exp_avg_sq"]._data)
            second = state["max_exp_avg_sq"]._data
        denominator = np.sqrt(second) / math.sqrt(1 - beta2**step) + group["eps"]
        for buffer in state.values():  # every state tensor was written in place
            buffer._version_counter.bump()
        param.add_(Tensor._wrap((exp_avg / denominator * -step_size).astype(param._data.dtype)))
