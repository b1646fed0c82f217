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
    """The gradient of ``x.cumprod(axis)`` on Tensors: the reversed running sum of ``grad * result`` over ``x``,
    or, when ``x`` holds a zero, torch's O(n**2) formula (which differentiates again)."""
    if x.numel() <= 1 or x.shape[axis] == 1:
        return grad
    if (x._data == 0).any():
        return _cumprod_backward_with_zeros(grad, x, axis)
    return (result * grad).flip(axis).cumsum(axis).flip(axis) / x


def _cumprod_backward_with_zeros(grad, x, axis: int):
    """d cumprod(x)_j / d x_k is the product of x_1..x_j without x_k: for each k, the product of the elements
    before it times the running products after it, summed against grad (torch's ``cumprod_backward`` in grad
    mode, which never divides). Each slice of the result is written into zeros (``select(k).copy_``)."""
    size = x.shape[axis]
    grad_input = _node.Tensor._wrap(np.zeros(x.shape, grad._data.dtype))
    ones = _node.Tensor._wrap(np.ones(1, grad._data.dtype)).expand(*x.shape[:axis], 1, *x.shape[axis + 1:])
    for k in range(size):
        if k == 0:
            omitted_products = cat([ones, x.narrow(axis, 1, size - 1).cumprod(axis)], axis)
        else:
            before = x.narrow(axis, 0, k).prod(axis, keepdim=True)
            if k == size - 1:
                omitted_products = before
            else:
                after = x.narrow(axis, k + 1, size - k - 1).cumprod(axis)
                omitted_products = cat([before, before.expand_as(after) * after], axis)
        grad_input.select(axis, k).copy_((grad.narrow(axis, k, size - k) * omitted_products).sum(axis))
    return grad_input
