"""``softmax`` and ``log_softmax`` along one dimension, each beside its backward Node.

Both save their *output* (as torch does): the derivative of softmax is written with the probabilities
it produced, and log_softmax's with ``exp(result)``.
"""

import numpy as np

from .._softmax_order import softmax_last_dim
from ..autograd.node import Node, record
from ._util import saved_dim, wrap_dim
from .backward_ops import log_softmax_backward_data, softmax_backward_data


def _shifted(x, dim):
    """``x`` minus its maximum along ``dim``: the same softmax, without overflow in ``exp``."""
    if x.size == 0:
        return x.copy()  # nothing to normalise (numpy's max has no identity for an empty dim)
    return x - np.max(x, axis=dim, keepdims=True)


class SoftmaxBackward0(Node):
    """d softmax/dx: ``result * (grad - sum(grad * result, dim))``."""

    double_backward = True

    def apply(self, grad):
        return (softmax_backward_data(grad, self.unpack("result"), self._dim),)


class LogSoftmaxBackward0(Node):
    """d log_softmax/dx: ``grad - exp(result) * sum(grad, dim)``."""

    double_backward = True

    def apply(self, grad):
        return (log_softmax_backward_data(grad, self.unpack("result"), self._dim),)


def _checked_axis(a, dim, kernel):
    """The axis to reduce, or torch's error for integer tensors (its kernels are floating point only)."""
    axis = wrap_dim(dim, a._data.ndim) if a._data.ndim else None
    if not a.dtype.is_floating_point:
        where = "lastdim_kernel_impl" if axis is None or axis == a._data.ndim - 1 else "kernel_impl"
        raise NotImplementedError(f'"{kernel}_{where}" not implemented for \'{a.dtype.legacy_name}\'')
    return axis


def _record(node_cls, out, a, dim, axis):
    return record(node_cls, out, (a,), attrs={"dim": saved_dim(dim)}, save_result=True,
                  state={"dim": axis})  # the wrapped axis the backward reduces over


def softmax(a, dim):
    """``exp(a) / exp(a).sum(dim)``: probabilities along ``dim``."""
    axis = _checked_axis(a, dim, "softmax")
    if a._data.dtype == np.float32 and a._data.size and axis is not None and axis == a._data.ndim - 1:
        return _record(SoftmaxBackward0, softmax_last_dim(a._data), a, dim, axis)  # torch's bits
    exps = np.exp(_shifted(a._data, axis))
    return _record(SoftmaxBackward0, exps / np.sum(exps, axis=axis, keepdims=True), a, dim, axis)


def log_softmax(a, dim):
    """``a - log(exp(a).sum(dim))``, computed stably: log-probabilities along ``dim``."""
    axis = _checked_axis(a, dim, "log_softmax")
    shifted = _shifted(a._data, axis)
    out = shifted - np.log(np.sum(np.exp(shifted), axis=axis, keepdims=True))
    return _record(LogSoftmaxBackward0, out, a, dim, axis)
