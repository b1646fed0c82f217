"""``minitorch.autograd``: run backward, compute gradients, check them against finite differences."""

from __future__ import annotations

from . import grad_mode
from .anomaly_mode import detect_anomaly, is_anomaly_enabled, set_detect_anomaly
from .engine import run_backward
from .grad_mode import enable_grad, is_grad_enabled, no_grad, set_grad_enabled
from .gradcheck import GradcheckError, gradcheck
from .node import Node

__all__ = ["backward", "grad", "gradcheck", "GradcheckError", "no_grad", "enable_grad", "set_grad_enabled",
           "is_grad_enabled", "grad_mode", "Node", "detect_anomaly", "set_detect_anomaly",
           "Variable"]


def Variable(tensor, requires_grad=False, volatile=False):  # noqa: N802 (torch's legacy name)
    """The pre-0.4 wrapper: today it just returns ``tensor`` (with ``requires_grad`` set if asked)."""
    if requires_grad:
        tensor.requires_grad_(True)
    return tensor


def _as_tuple(value):
    if value is None:
        return None
    return tuple(value) if isinstance(value, (list, tuple)) else (value,)


def _check_create_graph(create_graph):
    if create_graph:
        raise NotImplementedError("minitorch computes gradients with numpy, so create_graph=True (gradients "
                                  "of gradients) is not supported; PyTorch supports it.")


def backward(tensors, grad_tensors=None, retain_graph=None, create_graph=False, inputs=None) -> None:
    """Add the gradients of ``tensors`` w.r.t. the graph's leaves (or only ``inputs``) into ``.grad``."""
    _check_create_graph(create_graph)
    tensors = _as_tuple(tensors)
    grads = _as_tuple(grad_tensors) or (None,) * len(tensors)
    inputs = _as_tuple(inputs)
    captured = run_backward(tensors, grads, retain_graph=bool(retain_graph), inputs=inputs)
    for tensor, grad in zip(inputs or (), captured):
        if grad is not None and not tensor.is_leaf:  # leaves were accumulated by their AccumulateGrad
            tensor._grad = grad if tensor._grad is None else tensor._grad + grad


def grad(outputs, inputs, grad_outputs=None, retain_graph=None, create_graph=False, allow_unused=None,
         materialize_grads=False):
    """Return the gradients of ``outputs`` w.r.t. ``inputs`` without touching any ``.grad``."""
    _check_create_graph(create_graph)
    outputs = _as_tuple(outputs)
    grads = _as_tuple(grad_outputs) or (None,) * len(outputs)
    inputs = _as_tuple(inputs)
    result = run_backward(outputs, grads, retain_graph=bool(retain_graph), inputs=inputs,
                          allow_unused=bool(allow_unused) or materialize_grads, accumulate=False)
    if materialize_grads:
        from .._factories import zeros_like

        result = tuple(zeros_like(t) if g is None else g for t, g in zip(inputs, result))
    return result
