"""Running reductions along a dim: cumsum and cumprod, each beside its backward Node."""

from __future__ import annotations

import numpy as np

from ..autograd.node import Node, record
from ._out import with_out
from ._util import saved_dim, wrap_dim


def _running_input(a, dtype):
    data = a._data if a.dtype.is_floating_point else a._data.astype(np.int64)
    return data if dtype is None else data.astype(dtype.numpy)


class CumsumBackward0(Node):
    """d/dx_i sum_{k<=j} x_k = 1 for every j >= i: the gradient summed from the end."""

    def apply(self, grad):
        axis = self._axis
        return (np.flip(np.cumsum(np.flip(grad, axis), axis), axis) if grad.ndim else grad,)


def cumsum(input, dim, *, dtype=None, out=None):  # noqa: A002
    """Running sums along ``dim``; integers and bools add up as int64."""
    def compute(a):
        axis = wrap_dim(dim, a.ndim)
        data = _running_input(a, dtype)
        result = record(CumsumBackward0, np.cumsum(data, axis) if a.ndim else data.copy(), (a,),
                        attrs={"dim": saved_dim(dim)})
        if result.grad_fn is not None:
            result.grad_fn._axis = axis
        return result
    return with_out("cumsum", compute, out, input)


class CumprodBackward0(Node):
    """d/dx_i prod_{k<=j} x_k = prod_{k<=j, k!=i} x_k for j >= i (computed without dividing by x_i)."""

    def apply(self, grad):
        x, axis = self.unpack("self"), self._axis
        if x.ndim == 0:
            return (grad,)
        x, grad = np.moveaxis(x, axis, -1), np.moveaxis(grad, axis, -1)
        result = np.empty_like(x)
        for i in range(x.shape[-1]):
            without_i = x.copy()
            without_i[..., i] = 1
            running = np.cumprod(without_i, -1)[..., i:]
            result[..., i] = (grad[..., i:] * running).sum(-1)
        return (np.moveaxis(result, -1, axis),)


def cumprod(input, dim, *, dtype=None, out=None):  # noqa: A002
    """Running products along ``dim``; integers and bools multiply as int64."""
    def compute(a):
        axis = wrap_dim(dim, a.ndim)
        data = _running_input(a, dtype)
        result = record(CumprodBackward0, np.cumprod(data, axis) if a.ndim else data.copy(), (a,),
                        saved={"self": a}, attrs={"dim": saved_dim(dim)}, save_result=True)
        if result.grad_fn is not None:
            result.grad_fn._axis = axis
        return result
    return with_out("cumprod", compute, out, input)
