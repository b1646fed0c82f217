"""``AccumulateGrad``, the node at the end of every gradient path, and ``accumulate_grad``: storing into ``.grad``.

``accumulate_grad`` is the one place a gradient is stored in a tensor's ``.grad``: by ``AccumulateGrad`` for
leaves and by ``retain_grad()``'s hook for non-leaf tensors (which ``backward(inputs=...)`` uses too).
"""

from __future__ import annotations

import numpy as np

from .._strides import element_strides, empty_strided, is_non_overlapping_and_dense
from ..ops._util import check_broadcast
from ..ops.inplace import write_values
from . import node as _node
from .hooks import as_tensor
from .node import _NO_HOOKS, Node


class AccumulateGrad(Node):
    """The end of a gradient path: adds the incoming gradient into ``variable.grad`` (a leaf)."""

    double_backward = True  # with create_graph=True, .grad keeps the gradient's graph
    _held_input = True  # set by the engine before each run: is the incoming gradient held elsewhere too?

    def __init__(self, variable):
        super().__init__()
        self._seq = 2**64 - 1  # the highest priority: torch runs these as soon as they are ready
        self.variable = variable
        self._input_meta = [(variable.shape, variable._data.dtype)]
        self._output_meta = {0: (variable._data.shape, variable._data.dtype)}

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
            accumulate_grad(self.variable, grad, in_place=True, held=self._held_input)
            for hook in tuple(self.variable.__dict__.get("_post_accumulate_hooks", {}).values()):
                hook(self.variable)  # register_post_accumulate_grad_hook
        return ()


def accumulate_grad(tensor, grad, in_place: bool, held: bool = True) -> None:
    """Add ``grad`` into ``tensor.grad``: how AccumulateGrad, ``retain_grad`` and ``inputs=`` store gradients.

    As torch's ``AccumulateGrad::accumulateGrad``: the first gradient is kept as is ("stolen") when nothing
    else holds it (``held``: the caller's root gradient, or one sent along another edge too; a view of a fresh
    gradient, from ``t()`` or ``squeeze``, is held by nobody) and its layout obeys the contract
    (``obeys_layout_contract``); otherwise it is copied into
    the leaf's own layout (``clone_obey_contract``), a copy that counts as one write (``grad._version`` 1).
    ``retain_grad`` keeps a row-major clone. Later gradients are added in place (AccumulateGrad, one more
    version) or out of place (retain_grad).
    A Tensor gradient (``create_graph=True``) keeps its graph: see ``_accumulate_recorded``.
    """
    if isinstance(grad, _node.Tensor):
        _accumulate_recorded(tensor, grad, in_place)
        return
    if tensor._grad is None:
        if not in_place:  # retain_grad keeps a clone
            tensor._grad = _node.Tensor._wrap(np.array(grad, order="C"))  # in the graph's dtype
        elif not held and obeys_layout_contract(grad, tensor._data):
            tensor._grad = _stolen(grad)  # in the graph's dtype, even if .data changed it since
        else:
            tensor._grad = clone_obey_contract(grad, tensor._data)
    elif in_place:
        _check_addable(tensor._grad.shape, grad.shape)
        write_values(tensor._grad, tensor._grad._data + grad)
    else:
        tensor._grad = tensor._grad + _node.Tensor._wrap(grad)


def _stolen(grad):
    """The gradient itself as ``.grad``: torch stores ``grad.detach()``, on the same memory, not a view."""
    tensor = as_tensor(grad)
    return tensor if tensor._base is None else _node.Tensor._alias(grad, tensor._version_counter)


def _accumulate_recorded(tensor, grad, in_place: bool) -> None:
    """torch's accumulation in grad mode (create_graph=True), recorded, so ``.grad`` can be differentiated.

    The first gradient is copied: by AccumulateGrad into new memory with the leaf's strides (``copy_``:
    ``CopyBackwards``, version 1), by ``retain_grad`` with ``clone()``. Later ones are added out of place
    (``AddBackward0``): the old ``.grad`` may be part of another gradient's graph.
    """
    if tensor._grad is not None:
        tensor._grad = tensor._grad + grad
    elif in_place and is_non_overlapping_and_dense(tensor.shape, element_strides(tensor._data)):
        memory = empty_strided(tensor.shape, element_strides(tensor._data), tensor._data.dtype)
        tensor._grad = _node.Tensor._wrap(memory).copy_(grad)
    else:
        tensor._grad = grad.clone()


def _check_addable(shape, grad_shape) -> None:
    """torch's errors for ``grad += new_grad`` when ``.data`` changed the leaf's shape since the graph was built."""
    check_broadcast(tuple(shape), grad_shape)
    broadcast = np.broadcast_shapes(tuple(shape), grad_shape)
    if broadcast != tuple(shape):
        raise RuntimeError(f"output with shape {list(shape)} doesn't match the broadcast shape {list(broadcast)}")


def obeys_layout_contract(grad: np.ndarray, variable: np.ndarray) -> bool:
    """Whether ``grad`` may become ``variable.grad`` as it is: the strides of a dense ``variable`` (a dim of
    size 1 may have any stride but 0), or row-major when ``variable`` itself is not dense."""
    strides = element_strides(variable)
    if not is_non_overlapping_and_dense(variable.shape, strides):
        return bool(grad.flags.c_contiguous)
    for size, grad_stride, stride in zip(grad.shape, element_strides(grad), strides):
        if grad_stride != stride if size != 1 else grad_stride == 0:
            return False
    return True


def clone_obey_contract(grad: np.ndarray, variable: np.ndarray):
    """A copy of ``grad`` as ``variable.grad``: in ``variable``'s strides when it is dense (a write, version 1),
    else a row-major clone (version 0)."""
    strides = element_strides(variable)
    if not is_non_overlapping_and_dense(variable.shape, strides):
        return _node.Tensor._wrap(np.array(grad, dtype=variable.dtype, order="C"))
    result = _node.Tensor._wrap(empty_strided(variable.shape, strides, variable.dtype))
    write_values(result, grad, cast=True)
    return result
