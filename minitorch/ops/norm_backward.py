"""The gradients of layer norm and batch norm as ops of their own, as torch's ``native_layer_norm_backward`` and
``native_batch_norm_backward``, so that they can be differentiated again (``create_graph=True``).

A plain backward computes them in numpy (``layer_norm.py``, ``batch_norm.py``). With ``create_graph=True`` the
gradients are recorded as the outputs of one node (``NativeLayerNormBackwardBackward0``,
``NativeBatchNormBackwardBackward0``, with torch's inputs and names). That node's own backward writes the
first-order formula again with recorded ops (the statistics recomputed from the input, so that their
dependence on it is differentiated too) and takes its vector-Jacobian product: the values torch's
``layer_norm_double_backward`` and ``batchnorm_double_backward`` give, through a graph of minitorch's own ops.
"""

from __future__ import annotations

import numpy as np

from ..autograd import node as _node
from ..autograd.engine import grad as autograd_grad
from ..autograd.grad_mode import enable_grad
from ..autograd.node import Node
from ._formulas import on_tensors


def vector_jacobian_product(formula, primals, cotangents, needs) -> tuple:
    """The gradients of ``sum(formula(*primals)[k] * cotangents[k])`` for each primal ``needs`` marks.

    ``formula`` is written with minitorch ops. On Tensors the primals are the graph's own tensors and the
    result is recorded (create_graph); on arrays they become fresh leaves and the result is arrays.
    """
    tensors = any(on_tensors(c) for c in cotangents)
    if not tensors:
        primals = [None if p is None else _node.Tensor._wrap(np.asarray(p)).requires_grad_(need)
                   for p, need in zip(primals, needs)]
        cotangents = [None if c is None else _node.Tensor._wrap(np.asarray(c)) for c in cotangents]
    wanted = [p for p, need in zip(primals, needs) if need and p is not None and p.requires_grad]
    result = {}
    with enable_grad():
        outs = formula(*primals, wanted_outputs=[c is not None for c in cotangents])
        pairs = [(o, c) for o, c in zip(outs, cotangents) if o is not None and c is not None and o.requires_grad]
        if wanted and pairs:
            grads = autograd_grad([o for o, _ in pairs], wanted, [c for _, c in pairs], create_graph=tensors,
                                  allow_unused=True)
            result = {id(p): g for p, g in zip(wanted, grads)}
    grads = [result.get(id(p)) if p is not None else None for p in primals]
    return tuple(g if g is None or tensors else g._data for g in grads)


def _reduce_mean(x, axes):
    return x.mean(axes, keepdim=True)


def layer_norm_gradients(grad_out, x, weight, *, axes, eps, wanted_outputs):
    """native_layer_norm_backward written with ops: ``(grad_input, grad_weight, grad_bias)``."""
    centered = x - _reduce_mean(x, axes)
    rstd = (_reduce_mean(centered * centered, axes) + eps).rsqrt()
    xhat = centered * rstd
    g = grad_out if weight is None else grad_out * weight
    leading = tuple(range(x.ndim - len(axes)))
    grad_input = grad_weight = grad_bias = None
    if wanted_outputs[0]:
        grad_input = rstd * (g - _reduce_mean(g, axes) - xhat * _reduce_mean(g * xhat, axes))
    if wanted_outputs[1]:
        grad_weight = (grad_out * xhat).sum(leading)
    if len(wanted_outputs) > 2 and wanted_outputs[2]:
        grad_bias = grad_out.sum(leading)
    return grad_input, grad_weight, grad_bias


class NativeLayerNormBackwardBackward0(Node):
    """d native_layer_norm_backward(g, x, w): the vector-Jacobian product of layer norm's gradient formula
    (its mean and rstd depending on x) for g, x and w."""

    double_backward = True

    def apply(self, grad_grad_input, grad_grad_weight, grad_grad_bias):
        weight = None if self._raw_saved_weight is None else self.unpack("weight")

        def formula(grad_out, x, w, wanted_outputs):
            return layer_norm_gradients(grad_out, x, w, axes=self._axes, eps=self._eps,
                                        wanted_outputs=wanted_outputs)
        needs = (self.needs_input_grad(0), self.needs_input_grad(1), self.needs_input_grad(4))
        grads = vector_jacobian_product(formula, (self.unpack("grad_out"), self.unpack("input"), weight),
                                        (grad_grad_input, grad_grad_weight, grad_grad_bias), needs)
        return grads[0], grads[1], None, None, grads[2], None


def batch_norm_gradients(grad_out, x, weight, *, axes, eps, statistics, wanted_outputs):
    """native_batch_norm_backward written with ops: ``(grad_input, grad_weight, grad_bias)``.

    ``statistics`` is None in training (the batch's own, recomputed from x), else the constant running
    ``(mean, invstd)`` arrays of eval mode."""
    shape = (1, -1) + (1,) * (x.ndim - 2)
    if statistics is None:
        centered = x - _reduce_mean(x, axes)
        invstd = (_reduce_mean(centered * centered, axes) + eps).rsqrt()
    else:
        mean, invstd = (_node.Tensor._wrap(s.reshape(shape).astype(x._data.dtype)) for s in statistics)
        centered = x - mean
    xhat = centered * invstd
    scale = invstd if weight is None else invstd * weight.reshape(shape)
    grad_input = grad_weight = grad_bias = None
    if wanted_outputs[0]:
        if statistics is None:
            grad_input = scale * (grad_out - _reduce_mean(grad_out, axes)
                                  - xhat * _reduce_mean(grad_out * xhat, axes))
        else:
            grad_input = scale * grad_out
    if wanted_outputs[1]:
        grad_weight = (grad_out * xhat).sum(axes)
    if wanted_outputs[2]:
        grad_bias = grad_out.sum(axes)
    return grad_input, grad_weight, grad_bias


class NativeBatchNormBackwardBackward0(Node):
    """d native_batch_norm_backward(g, x, w): the vector-Jacobian product of batch norm's gradient formula
    (in training its batch statistics depending on x) for g, x and w."""

    double_backward = True
    _holds_saved_state = True  # the running statistics of eval mode

    def apply(self, grad_grad_input, grad_grad_weight, grad_grad_bias):
        weight = None if self._raw_saved_weight is None else self.unpack("weight")

        def formula(grad_out, x, w, wanted_outputs):
            return batch_norm_gradients(grad_out, x, w, axes=self._axes, eps=self._saved_eps,
                                        statistics=self._statistics, wanted_outputs=wanted_outputs)
        needs = (self.needs_input_grad(0), self.needs_input_grad(1), self.needs_input_grad(2))
        grads = vector_jacobian_product(formula, (self.unpack("grad_out"), self.unpack("input"), weight),
                                        (grad_grad_input, grad_grad_weight, grad_grad_bias), needs)
        return grads[0], grads[1], grads[2], None, None

    def release_saved(self) -> None:
        """Free the saved tensors and the running statistics."""
        super().release_saved()
        self._statistics = None
