"""The gradients of ``prod`` and ``cumprod`` written with recorded ops, as torch's ``prod_backward`` and
``cumprod_backward``, for double backward (``create_graph=True``). A plain backward uses the numpy formulas
beside the forward ops (``statistics.py``, ``scan.py``).

Without a zero in the input the gradient divides by it: ``grad * result / x`` for prod, the reversed running
sum of ``grad * result`` over ``x`` for cumprod. With a zero, prod multiplies the running products of the
elements before and after each one (torch's ``prod_safe_zeros_backward``), which never divides.
"""

from __future__ import annotations

import numpy as np

from ..autograd import node as _node
from .join import cat


def prod_backward(grad, x, result, axis=None):
    """The gradient of ``x.prod()`` (``axis`` None) or of ``x.prod(axis, keepdim=True)``, on Tensors."""
    if x.ndim == 0:
        return grad
    if not (x._data == 0).any():
        return grad * (result / x)
    if axis is None:
        return (grad * _others_product(x.reshape(-1), 0)).reshape(x.shape)
    return grad * _others_product(x, axis)


def _others_product(x, axis: int):
    """For each element, the product of the others along ``axis``: the running products before and after it."""
    size = x.shape[axis]
    ones = _node.Tensor._wrap(np.ones(x.shape[:axis] + (1,) + x.shape[axis + 1:], x._data.dtype))
    before = cat([ones, x.narrow(axis, 0, size - 1)], axis).cumprod(axis)
    after = cat([ones, x.narrow(axis, 1, size - 1).flip(axis)], axis).cumprod(axis).flip(axis)
    return before * after


def cumprod_backward(grad, x, result, axis: int):
    """The gradient of ``x.cumprod(axis)`` on Tensors (inputs without zeros; see ``CumprodBackward0``)."""
    if x.numel() <= 1 or x.shape[axis] == 1:
        return grad
    if (x._data == 0).any():
        raise NotImplementedError("minitorch does not implement double backward through CumprodBackward0 when the "
                                  "input holds a zero; see docs/implemented.md")
    return (result * grad).flip(axis).cumsum(axis).flip(axis) / x
