"""In-place ops: the one helper that checks, mutates, bumps the version counter and rebases history.

``x.mul_(2)`` runs as ``x = mul(x_before, 2)`` written back into x's memory: the node is the same
``MulBackward0`` an out-of-place op would record, its input edge points at x's *old* history, and x's
``grad_fn`` becomes that node. Changing a view changes its base too: the base's new ``grad_fn`` is a
``CopySlices`` node that routes the view's part of the gradient through the op.
"""

from __future__ import annotations

import numpy as np

from ..autograd.grad_mode import is_grad_enabled
from ..autograd.node import Node, edge_of, set_grad_fn
from ..autograd.saved_tensor import SavedTensor

LEAF_ERROR = "a leaf Variable that requires grad is being used in an in-place operation."
VIEW_OF_LEAF_ERROR = "a view of a leaf Variable that requires grad is being used in an in-place operation."
NO_GRAD_VIEW_ERROR = (
    "A view was created in no_grad mode and is being modified inplace with grad mode enabled. Given that this use "
    "case is ambiguous and error-prone, it is forbidden. You can clarify your code by moving both the view and "
    "the inplace either both inside the no_grad block (if you don't want the inplace to be tracked) or both "
    "outside (if you want the inplace to be tracked).")


NO_GRAD_VIEW_REBASED_ERROR = (
    "A view was created in no_grad mode and its base or another view of its base has been modified inplace with "
    "grad mode enabled. Given that this use case is ambiguous and error-prone, it is forbidden. You can clarify "
    "your code by moving both the view and the inplace either both inside the no_grad block (if you don't want "
    "the inplace to be tracked) or both outside (if you want the inplace to be tracked).")


def check_inplace(tensor) -> None:
    """Raise torch's error for in-place changes to a leaf that requires grad (or a view of one)."""
    if not is_grad_enabled():
        return
    if tensor._no_grad_view:
        raise RuntimeError(NO_GRAD_VIEW_ERROR)
    base = tensor._base
    if base is not None and base.requires_grad and base.is_leaf:
        raise RuntimeError(VIEW_OF_LEAF_ERROR)
    if tensor.requires_grad and tensor.is_leaf:
        raise RuntimeError(LEAF_ERROR)


def _old_value(tensor):
    """A stand-in for ``tensor`` before the change: a copy of its values with its current history."""
    from ..tensor import Tensor

    old = Tensor._wrap(tensor._data.copy())
    old._requires_grad, old._grad_fn, old._output_nr = tensor._requires_grad, tensor.grad_fn, tensor.output_nr
    if old._grad_fn is None and tensor.requires_grad:
        old._accumulator = tensor._accumulator
    return old


def _check_shape(tensor, result) -> None:
    if result.shape != tensor.shape:
        raise RuntimeError(f"output with shape [{', '.join(map(str, tensor.shape))}] doesn't match the broadcast "
                           f"shape [{', '.join(map(str, result.shape))}]")


def _write(tensor, data) -> None:
    from .._dtype import from_numpy_dtype

    target = tensor.dtype
    source = from_numpy_dtype(np.asarray(data).dtype)
    if source.category > target.category:
        raise RuntimeError(f"result type {source.legacy_name} can't be cast to the desired output type "
                           f"{target.legacy_name}")
    if any(step == 0 and n > 1 for step, n in zip(tensor._data.strides, tensor._data.shape)):
        raise RuntimeError("unsupported operation: more than one element of the written-to tensor refers to "
                           "a single memory location. Please clone() the tensor before performing the "
                           "operation.")
    tensor._data[...] = data


def _dense(array: np.ndarray) -> bool:
    return array.flags.c_contiguous or array.flags.f_contiguous


def _check_overlap(tensor, args) -> None:
    """torch refuses an in-place op whose input shares only part of the memory it writes."""
    for other in args:
        if not hasattr(other, "_data") or other is tensor or other.numel() == 0 or tensor.numel() == 0:
            continue
        if not (_dense(tensor._data) and _dense(other._data)):
            continue  # torch gives up on non-dense layouts too
        start_a, start_b = tensor.data_ptr(), other.data_ptr()
        end_a, end_b = start_a + tensor._data.nbytes, start_b + other._data.nbytes
        same_span = start_a == start_b and end_a == end_b
        if (same_span and tensor._data.strides != other._data.strides) or (
                not same_span and start_a < end_b and start_b < end_a):
            raise RuntimeError("unsupported operation: some elements of the input tensor and the written-to "
                               "tensor refer to a single memory location. Please clone() the tensor before "
                               "performing the operation.")


def apply_inplace(tensor, op, *args, **kwargs):
    """Run ``op(tensor, *args)`` and write the result into ``tensor``: what every ``x.op_()`` does."""
    check_inplace(tensor)
    _check_overlap(tensor, args)
    base_requires = tensor._base is not None and tensor._base.requires_grad
    recording = is_grad_enabled() and (tensor.requires_grad or base_requires or any(
        getattr(a, "requires_grad", False) for a in args))
    if not recording:
        from ..autograd.grad_mode import no_grad

        with no_grad():
            result = op(tensor, *args, **kwargs)
        _check_shape(tensor, result)
        _write(tensor, result._data)
        tensor._version_counter.bump()
        return tensor
    result = op(_old_value(tensor), *args, **kwargs)
    _check_shape(tensor, result)
    _write(tensor, result._data)
    tensor._version_counter.bump()
    node = result._grad_fn
    if "result" in node._saved:  # ops that save their output (sigmoid_, exp_) now save the changed tensor
        node._saved["result"] = SavedTensor(tensor, node, is_output=True)
    if tensor._base is None:
        set_grad_fn(tensor, node)
    else:
        base = tensor._base
        copy_slices = CopySlices(base, view_geometry(tensor, base), node)
        base._grad_fn, base._output_nr = copy_slices, 0
        base._view_version = base._version_counter.value
        tensor._view_version = -1  # its grad_fn is rebuilt on next access (AsStridedBackward0)
    return tensor


def view_geometry(view, base):
    """Where a view sits inside its base's memory: (byte offset, shape, byte strides)."""
    return view.data_ptr() - base.data_ptr(), view._data.shape, view._data.strides


def view_into(array: np.ndarray, geometry) -> np.ndarray:
    """The region of ``array`` (laid out like the base) that the view with ``geometry`` covers."""
    offset, shape, strides = geometry
    return np.ndarray(shape, array.dtype, buffer=array, offset=offset, strides=strides)


def _like_base(grad: np.ndarray, base_meta) -> np.ndarray:
    """A writable copy of ``grad`` with the base's memory layout, so view geometries apply to it."""
    order = "F" if base_meta[2] else "C"
    return np.array(grad, dtype=base_meta[1], order=order, copy=True)


class CopySlices(Node):
    """The base's node after a view of it changed in place: the view's region goes through ``fn``."""

    _holds_saved_state = True  # torch drops ``fn`` once backward ran: a second backward raises

    def __init__(self, base, geometry, fn: Node):
        super().__init__()
        self.fn, self._geometry = fn, geometry
        f_order = base._data.flags.f_contiguous and not base._data.flags.c_contiguous
        self._base_meta = (base.shape, base._data.dtype, f_order)
        self.next_functions = (edge_of(base),) + fn.next_functions[1:]
        self._input_meta = [(base.shape, base._data.dtype)] + fn._input_meta[1:]

    def name(self) -> str:
        return "torch::autograd::CopySlices"

    def apply(self, grad):
        grad_base = _like_base(grad, self._base_meta)
        region = view_into(grad_base, self._geometry)
        results = self.fn.apply(region.copy())
        region[...] = 0 if results[0] is None else results[0]
        return (grad_base,) + tuple(results[1:])

    def release_saved(self) -> None:
        super().release_saved()
        self.fn.release_saved()


class AsStridedBackward0(Node):
    """A view's node rebuilt after its base changed: scatters the view's gradient into the base's shape."""

    def apply(self, grad):
        grad_base = np.zeros(self._base_meta[0], dtype=self._base_meta[1],
                             order="F" if self._base_meta[2] else "C")
        view_into(grad_base, self._geometry)[...] += grad
        return (grad_base,)


def refresh_view_grad_fn(view) -> None:
    """After its base changed in place, a view's history is rebuilt to go through the base's new node."""
    base = view._base
    view._view_version = view._version_counter.value
    if not base.requires_grad:
        view._grad_fn = None
        return
    node = AsStridedBackward0()
    f_order = base._data.flags.f_contiguous and not base._data.flags.c_contiguous
    node._base_meta = (base.shape, base._data.dtype, f_order)
    node._geometry = view_geometry(view, base)
    node.next_functions = (edge_of(base),)
    node._input_meta = [(base.shape, base._data.dtype)]
    view._grad_fn, view._output_nr = node, 0
