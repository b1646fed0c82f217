"""``AccumulateGrad``, the node at the end of every gradient path, and ``accumulate_grad``: storing into ``.grad``.

``accumulate_grad`` is the one place a gradient is stored in a tensor's ``.grad``: by ``AccumulateGrad`` for
leaves and by ``retain_grad()``'s hook for non-leaf tensors (which ``backward(inputs=...)`` uses too).
"""

from __future__ import annotations

import numpy as np

from . import node as node_module
from .node import _NO_HOOKS, Node


class AccumulateGrad(Node):
    """The end of a gradient path: adds the incoming gradient into ``variable.grad`` (a leaf)."""

    def __init__(self, variable):
        super().__init__()
        self._seq = 2**64 - 1  # the highest priority: torch runs these as soon as they are ready
        self.variable = variable
        self._input_meta = [(variable.shape, variable._data.dtype)]

    def name(self) -> str:
        """torch's name for this node, with its C++ namespace."""
        return "torch::autograd::AccumulateGrad"

    @property
    def _tensor_hooks(self) -> dict:
        """The leaf's own hooks (``leaf.register_hook``), run before its gradient is accumulated."""
        hooks = self.variable._hooks
        return {0: hooks} if hooks else _NO_HOOKS

    def apply(self, grad):
        """Add ``grad`` into the leaf's ``.grad`` (unless the leaf stopped requiring grad)."""
        if self.variable.requires_grad:  # detach_() may have cut the leaf after the graph was built
            accumulate_grad(self.variable, grad, in_place=True)
        return ()


def accumulate_grad(tensor, grad: np.ndarray, in_place: bool) -> None:
    """Add ``grad`` into ``tensor.grad``: how AccumulateGrad, ``retain_grad`` and ``inputs=`` store gradients.

    The first gradient is kept as is when nothing else holds it (a fresh, contiguous array), as torch
    "steals" it; otherwise it is copied, and torch's copy counts as one write (``grad._version`` 1).
    Later gradients are added in place (AccumulateGrad, one more version) or out of place (retain_grad).
    """
    if tensor._grad is None:
        if not in_place:  # retain_grad keeps a clone
            tensor._grad = node_module.Tensor._wrap(np.array(grad, dtype=tensor._data.dtype, copy=True))
        elif grad.base is None and grad.flags.c_contiguous and grad.dtype == tensor._data.dtype:
            tensor._grad = node_module.Tensor._wrap(grad)
        else:
            tensor._grad = node_module.Tensor._wrap(np.array(grad, dtype=tensor._data.dtype, copy=True))
            tensor._grad._version_counter.bump()
    elif in_place:
        tensor._grad._data += grad
        tensor._grad._version_counter.bump()
    else:
        tensor._grad = tensor._grad + node_module.Tensor._wrap(grad)
