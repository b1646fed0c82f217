"""The gradients of the two-operand table (``ops/elementwise_binary.py``) written with recorded ops, for
``create_graph=True``: torch's formulas (tools/autograd/derivatives.yaml, ``atan2_backward``,
``copysign_tensor_self_backward``), so that the gradient's graph has torch's nodes and can be differentiated
again. Each takes ``(grad, x, y, r)``: the incoming gradient, the input, the other operand (a Tensor, or a
Python number for the scalar variants) and the result, and returns ``(grad_x, grad_y)``, None where torch's
formula has none (the other operand of copysign gets zeros, as torch's).
"""

from __future__ import annotations

import math

import numpy as np

from ..autograd import node as _node
from . import _formulas as f


def _mask(values: np.ndarray):
    """A bool Tensor (a constant) from numpy's comparison."""
    return _node.Tensor._wrap(np.asarray(values, dtype=bool))


def _data(y):
    return y._data if f.on_tensors(y) else y


def _atan2(grad, x, y, r):
    squares = x * x + y * y
    reciprocal = squares.reciprocal().masked_fill(_mask(squares._data == 0), 0)
    return grad * y * reciprocal, grad * -x * reciprocal


def _hypot(grad, x, y, r):
    return grad * x / r, grad * y / r


def _rounded_quotient_gradient(rounding_mode):
    def gradients(grad, x, y, r):
        if not f.on_tensors(y):  # the scalar variant: d/dx only
            return grad, None
        return grad, -grad * x.div(y, rounding_mode=rounding_mode)
    return gradients


def _picked(compare):
    def gradients(grad, x, y, r):
        picks_self = compare(x._data, y._data) | np.isnan(y._data)
        return grad.masked_fill(_mask(~picks_self), 0), grad.masked_fill(_mask(picks_self), 0)
    return gradients


def _xlogy(grad, x, y, r):
    grad_x = grad.xlogy(y)
    if f.on_tensors(y) or y <= 0:  # torch masks x == 0 (where x * log(y) is 0) only where log(y) is not finite
        grad_x = grad_x.masked_fill(_mask((x._data == 0) & (_data(y) <= 0)), 0.0)
    return grad_x, (grad * x / y if f.on_tensors(y) else None)


def _copysign(grad, x, y, r):
    ratio = (r / x).masked_fill(_mask(x._data == 0), 0)
    return grad * ratio, (f.zeros_like(y) if f.on_tensors(y) else None)


def _logaddexp(grad, x, y, r):
    return grad / f.add_number((y - x).exp(), 1), grad / f.add_number((x - y).exp(), 1)


def _logaddexp2(grad, x, y, r):
    return grad / f.add_number(2 ** (y - x), 1), grad / f.add_number(2 ** (x - y), 1)


def _ldexp(grad, x, y, r):
    return grad * 2 ** y, f.scale(grad * r, math.log(2.0))


# the op's name -> its gradients on Tensors
GRADIENTS = {
    "atan2": _atan2, "hypot": _hypot, "fmod": _rounded_quotient_gradient("trunc"),
    "remainder": _rounded_quotient_gradient("floor"), "fmax": _picked(np.greater_equal),
    "fmin": _picked(np.less_equal), "xlogy": _xlogy, "copysign": _copysign, "logaddexp": _logaddexp,
    "logaddexp2": _logaddexp2, "ldexp": _ldexp,
}
