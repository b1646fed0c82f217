"""RMSprop: divide the gradient by a running root-mean-square of recent gradients."""

import numpy as np

from ..tensor import Tensor
from ._arith import add_scaled, addcdiv, addcmul, lerp
from .optimizer import Optimizer, write_in_place, zero_step


def _zeros_like(param):
    return Tensor._wrap(np.zeros_like(param._data))


class RMSprop(Optimizer):
    """RMSprop, computed as ``torch.optim.RMSprop`` does for one parameter at a time::

        g = grad + weight_decay * p
        v = alpha * v + (1 - alpha) * g * g             (square_avg)
        avg = sqrt(v - m * m) + eps   with m = lerp(m, g, 1 - alpha), if centered, else sqrt(v) + eps
        buf = momentum * buf + g / avg;  p = p - lr * buf     (momentum > 0)
        p = p - lr * g / avg                                   (otherwise)
    """

    def __init__(self, params, lr=1e-2, alpha=0.99, eps=1e-8, weight_decay=0, momentum=0, centered=False,
                 capturable=False, foreach=None, maximize=False, differentiable=False):
        """Check the options with torch's errors; the compatibility-only ones are stored as given."""
        for name, value in (("learning rate", lr), ("epsilon value", eps), ("momentum value", momentum),
                            ("weight_decay value", weight_decay), ("alpha value", alpha)):
            if value < 0.0:
                raise ValueError(f"Invalid {name}: {value}")
        defaults = {"lr": lr, "momentum": momentum, "alpha": alpha, "eps": eps, "centered": centered,
                    "weight_decay": weight_decay, "capturable": capturable, "foreach": foreach,
                    "maximize": maximize, "differentiable": differentiable}
        super().__init__(params, defaults)

    def _state(self, group, param):
        state = self.state[param]
        if not state:
            state["step"] = zero_step()
            state["square_avg"] = _zeros_like(param)
            if group["momentum"] > 0:
                state["momentum_buffer"] = _zeros_like(param)
            if group["centered"]:
                state["grad_avg"] = _zeros_like(param)
        return state

    def _denominator(self, group, state, grad):
        alpha = group["alpha"]
        square_avg = addcmul(state["square_avg"]._data * alpha, 1 - alpha, grad, grad)
        write_in_place(state["square_avg"], square_avg)
        if group["centered"]:
            grad_avg = write_in_place(state["grad_avg"], lerp(state["grad_avg"]._data, grad, 1 - alpha))._data
            return np.sqrt(addcmul(square_avg, -1, grad_avg, grad_avg)) + group["eps"]
        return np.sqrt(square_avg) + group["eps"]

    def _update(self, group, param):
        state = self._state(group, param)
        grad = -param.grad._data if group["maximize"] else param.grad._data
        write_in_place(state["step"], state["step"]._data + 1)
        if group["weight_decay"] != 0:
            grad = add_scaled(grad, group["weight_decay"], param._data)
        avg = self._denominator(group, state, grad).astype(grad.dtype)
        if group["momentum"] > 0:
            buffer = state["momentum_buffer"]
            write_in_place(buffer, addcdiv(buffer._data * group["momentum"], 1, grad, avg))
            write_in_place(param, add_scaled(param._data, -group["lr"], buffer._data))
        else:
            write_in_place(param, addcdiv(param._data, -group["lr"], grad, avg))
