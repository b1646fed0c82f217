"""Running hooks during backward, in torch's order, with torch's checks on what a hook returns.

For each node the engine calls, in order: the *tensor pre-hooks* (``tensor.register_hook``: on a leaf they
sit on its ``AccumulateGrad``, on a non-leaf on its ``grad_fn``), then ``retain_grad``'s hook, then the
node's own pre-hooks (``grad_fn.register_prehook``), the backward formula, and the post-hooks
(``grad_fn.register_hook``).
"""

from __future__ import annotations

import contextlib

import numpy as np

from .._strides import element_strides, is_non_overlapping_and_dense, storage_root
from . import node as _node

# id(array) -> (array, writes) for the gradients the running backward made by writing in place (Node._grad_writes)
_written: dict = {}


@contextlib.contextmanager
def gradient_writes(written: dict):
    """Let ``as_tensor`` give the gradients in ``written`` their versions while a backward runs."""
    global _written
    outer, _written = _written, written
    try:
        yield
    finally:
        _written = outer


def as_tensor(grad):
    """A numpy gradient as a Tensor on its memory, with torch's layout and version.

    An expanded gradient (from ``sum``) keeps its 0 strides; one that torch's formula wrote into in place
    (``Node._grad_writes``) has that many versions. A gradient that is a view (``expand``, ``t``, ``view``...
    in the formula) is a view made under no_grad, as backward runs in torch: changing it in place in grad
    mode, or ``detach_()``, is refused.
    """
    root = _viewed_array(grad)
    if root is not None:
        tensor = _node.Tensor._view(grad, _node.Tensor._wrap(root))
        tensor._no_grad_view = True
    elif grad.ndim and grad.size and min(grad.strides) == 0:
        tensor = _node.Tensor._alias(grad)
    else:
        tensor = _node.Tensor._wrap(grad)
    entry = _written.get(id(grad))
    if entry is not None and entry[0] is grad:
        tensor._version_counter.value = entry[1]
    return tensor


def wrap(grad):
    """A gradient as a Tensor: numpy arrays are wrapped; Tensors (``create_graph=True``) stay as they are."""
    return grad if grad is None or isinstance(grad, _node.Tensor) else as_tensor(grad)


def unwrap(tensor):
    """A hook's Tensor in the form the engine carries gradients: itself with create_graph=True, else its values."""
    return tensor if _node.FormulaMode.on_tensors else tensor._data


def _viewed_array(grad):
    """The array ``grad`` is a view of, when it is one torch's formulas make (no negative strides, no gaps)."""
    if grad.base is None or (grad.ndim and grad.size and min(grad.strides) < 0):
        return None
    root = storage_root(grad)
    if not isinstance(root, np.ndarray):
        return None
    steps = element_strides(grad)
    dense = is_non_overlapping_and_dense(grad.shape, steps) or 0 in steps
    return root if dense else None


def wrap_all(grads) -> tuple:
    """Gradients as Tensors (None stays None), for hooks and for the caller of ``grad()``."""
    return tuple(wrap(g) for g in grads)


def _hook_name(hook) -> str:
    return getattr(hook, "__name__", type(hook).__name__)


def checked_hook_result(hook, value, result):
    """What a tensor hook returned, checked as torch checks it: same shape and dtype as the gradient."""
    if result is None:
        return value
    if not isinstance(result, _node.Tensor):
        raise TypeError(f"expected Variable, but hook returned '{type(result).__name__}'")
    if result.shape != value.shape:
        raise RuntimeError(f"hook '{_hook_name(hook)}' has changed the size of value")
    if result.dtype != value.dtype:
        raise RuntimeError(f"hook '{_hook_name(hook)}' has changed the type of value (was "
                           f"torch.{value.dtype.legacy_name}Tensor got torch.{result.dtype.legacy_name}Tensor)")
    return result


def _run_tensor_hooks(tensor_hooks: dict, grad):
    """Run one tensor's hooks on its gradient; return the possibly replaced gradient."""
    for hook in list(tensor_hooks.values()):
        value = wrap(grad)
        grad = unwrap(checked_hook_result(hook, value, hook(value)))
    return grad


def call_tensor_pre_hooks(node, grads: list) -> list:
    """The hooks of the tensors whose gradients arrive at ``node``, then ``retain_grad``'s hooks."""
    for output_nr, hooks_of_output in node._tensor_hooks.items():
        if grads[output_nr] is not None:
            grads[output_nr] = _run_tensor_hooks(hooks_of_output, grads[output_nr])
    for output_nr, keep in list(node._retains_grad_hooks.items()):
        if grads[output_nr] is not None:
            keep(grads[output_nr])
    return grads


def _replaced(hook, values: tuple, results) -> list:
    """A node hook's replacement gradients, each checked against the one it replaces."""
    checked = []
    for value, result in zip(values, results):
        if result is not None and value is not None:
            result = checked_hook_result(hook, value, result)
        checked.append(None if result is None else unwrap(result))
    return checked


def call_pre_hooks(node, grads: list) -> list:
    """``grad_fn.register_prehook`` hooks: each may return replacement gradients for the node's outputs."""
    for hook in list(node._node_pre_hooks.values()):
        values = wrap_all(grads)
        replaced = hook(values)
        if replaced is not None:
            grads = _replaced(hook, values, replaced)
    return grads


def call_post_hooks(node, outputs, grads) -> tuple:
    """``grad_fn.register_hook`` hooks: each sees (grads sent, grads received) and may replace the sent."""
    for hook in list(node._post_hooks.values()):
        values = wrap_all(outputs)
        replaced = hook(values, wrap_all(grads))
        if replaced is not None:
            outputs = tuple(_replaced(hook, values, replaced))
    return outputs
