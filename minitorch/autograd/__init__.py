"""``minitorch.autograd``: run backward, compute gradients, check them against finite differences."""

from __future__ import annotations

from . import functional, grad_mode, graph
from .anomaly_mode import detect_anomaly, is_anomaly_enabled, set_detect_anomaly
from .engine import backward, grad
from .function import Function, FunctionCtx
from .grad_mode import enable_grad, is_grad_enabled, no_grad, set_grad_enabled
from .gradcheck import GradcheckError, gradcheck, gradgradcheck
from .node import Node

__all__ = ["backward", "grad", "gradcheck", "gradgradcheck", "GradcheckError", "no_grad", "enable_grad",
           "set_grad_enabled", "is_grad_enabled", "grad_mode", "Node", "detect_anomaly", "set_detect_anomaly",
           "Variable", "Function", "FunctionCtx", "functional", "graph"]


def Variable(tensor, requires_grad=False, volatile=False):  # noqa: N802 (torch's legacy name)
    """The pre-0.4 wrapper: today it just returns ``tensor`` (with ``requires_grad`` set if asked)."""
    if requires_grad:
        tensor.requires_grad_(True)
    return tensor
