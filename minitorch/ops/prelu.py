"""``F.prelu``: ``x`` where positive, a learned slope times ``x`` elsewhere, with torch's nodes
(``PreluKernelBackward0``, and with ``create_graph=True`` its gradient as an op of its own,
``PreluKernelBackwardBackward0``, as torch's ``_prelu_kernel_backward``)."""

from __future__ import annotations

import numpy as np

from ..autograd.node import Node, record
from . import _formulas as f
from .reshaping import reshape


def _prelu_gradients(grad, x, weight, need_input: bool, need_weight: bool, reduce: bool = True) -> tuple:
    """torch's ``_prelu_kernel_backward`` on arrays: grad where x > 0, weight * grad elsewhere; for the weight,
    x * grad where x <= 0, summed to the weight's shape unless ``reduce`` is False (the weight already shaped
    to broadcast against x)."""
    grad_input = np.where(x > 0, grad, weight * grad).astype(grad.dtype) if need_input else None
    grad_weight = None
    if need_weight:
        contribution = np.where(x > 0, 0, x * grad).astype(grad.dtype)
        if not reduce:  # torch's op returns it so; the engine sums it to the weight's shape (recorded)
            return grad_input, contribution
        axes = tuple(d for d in range(x.ndim) if not (d == 1 and weight.size > 1))
        grad_weight = contribution.sum(axis=axes).reshape(weight.shape).astype(grad.dtype)
    return grad_input, grad_weight


class PreluKernelBackward0(Node):
    """d prelu(x, w): dx = grad where x > 0, w * grad elsewhere; dw = sum of x * grad where x <= 0 (per channel)."""

    double_backward = True

    def apply(self, grad):
        x, weight = self.unpack("self"), self.unpack("weight")
        need = (self.needs_input_grad(0), self.needs_input_grad(1))
        if not f.on_tensors(grad):
            return _prelu_gradients(grad, x, weight, *need)
        values = _prelu_gradients(grad._data, x._data, weight._data, *need, reduce=False)
        grad_input, grad_weight = f.record_gradients(PreluKernelBackwardBackward0, values, (grad, x, weight),
                                                     saved={"grad_output": grad, "self": x, "weight": weight})
        return grad_input, None if grad_weight is None else f.unbroadcast(grad_weight, self.input_shape(1))


class PreluKernelBackwardBackward0(Node):
    """d[prelu's (dx, dw)]: for grad_output, gx where x >= 0 else gx * w + gw * x; for x, grad_output * gw
    where x < 0; for w, grad_output * gx where x < 0 (gx, gw: the gradients of dx and dw)."""

    double_backward = True

    def apply(self, grad_dx, grad_dw):
        grad_output, x, weight = self.unpack("grad_output"), self.unpack("self"), self.unpack("weight")
        positive = x >= 0
        return (self._grad_output_gradient(grad_dx, grad_dw, x, weight, positive) if self.needs_input_grad(0)
                else None,
                _where_negative(positive, grad_output * grad_dw, x) if grad_dw is not None else f.zeros_like(x),
                (f.unbroadcast(_where_negative(positive, grad_output * grad_dx, x), self.input_shape(2))
                 if grad_dx is not None else f.zeros_like(grad_output)))

    def _grad_output_gradient(self, grad_dx, grad_dw, x, weight, positive):
        if grad_dx is None:
            return _where_negative(positive, grad_dw * x, x)
        negative_part = grad_dx * weight if grad_dw is None else grad_dx * weight + grad_dw * x
        return f.where(positive, grad_dx, negative_part)


def _where_negative(positive, values, like):
    """``values`` where x < 0, zero (a 0-d constant, as torch's ``at::zeros({})``) elsewhere."""
    zero = f.zeros_like(like.sum()) if f.on_tensors(like) else np.zeros((), like.dtype)
    return f.where(positive, zero, values)


def prelu(input, weight):  # noqa: A002
    """``x`` where positive, ``weight * x`` elsewhere (one learned slope, or one per channel of dim 1)."""
    _check_prelu(input, weight)
    if input.ndim >= 2:  # torch first reshapes the weight to broadcast along dim 1 (a ViewBackward0 in the graph)
        shape = [1] * input.ndim
        shape[1] = weight.numel()
        weight = reshape(weight, *shape)
    x = input._data
    slope = weight._data if x.ndim else weight._data.reshape(())  # a 0-d input stays 0-d
    out = np.where(x > 0, x, slope * x).astype(x.dtype)
    return record(PreluKernelBackward0, out, (input, weight), saved={"self": input, "weight": weight})


def _check_prelu(input, weight) -> None:  # noqa: A002
    """torch's checks, in its order: same dtype, one slope or one per channel, a 0-d or 1-d weight, floats."""
    if input.dtype != weight.dtype:
        raise RuntimeError(f"prelu: Type promoting not supported. Got {input.dtype.legacy_name} and "
                           f"{weight.dtype.legacy_name}")
    if weight.numel() != 1:
        if input.ndim == 0:
            raise RuntimeError("Not allow zero-dim input tensor.")
        channels = input.shape[1] if input.ndim > 1 else 1
        if channels != weight.numel():
            raise RuntimeError(f"Mismatch of parameter numbers and input channel size. Found parameter numbers = "
                               f"{weight.numel()} and channel size = {channels}.")
    if weight.ndim > 1:
        raise RuntimeError(f"prelu: Expected `weight` to be a scalar or 1D tensor, but got: ndim = {weight.ndim}")
    if not input.dtype.is_floating_point:
        raise NotImplementedError(f'"prelu_cpu" not implemented for \'{input.dtype.legacy_name}\'')
