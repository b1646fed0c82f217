"""In-place ops: one helper writes values and counts the change, one checks, writes and rebases history.

``x.mul_(2)`` runs as ``x = mul(x_before, 2)`` written back into x's memory: the node is the same
``MulBackward0`` an out-of-place op would record, its input edge points at x's *old* history, and x's
``grad_fn`` becomes that node. Changing a view changes its base too: ``autograd/view_history.py`` gives the
base a ``CopySlices`` node and the view an ``AsStridedBackward0``.
"""

from __future__ import annotations

import numpy as np

from .._dtype import from_numpy_dtype
from .._strides import is_non_overlapping_and_dense
from ..autograd import inference_mode
from ..autograd import node as _node
from ..autograd.grad_mode import is_grad_enabled, no_grad
from ..autograd.view_history import INTERNAL_OVERLAP_ERROR, handle_view_on_rebase, rebase_history

LEAF_ERROR = "a leaf Variable that requires grad is being used in an in-place operation."
VIEW_OF_LEAF_ERROR = "a view of a leaf Variable that requires grad is being used in an in-place operation."
PARTIAL_OVERLAP_ERROR = (
    "unsupported operation: some elements of the input tensor and the written-to tensor refer to a single "
    "memory location. Please clone() the tensor before performing the operation.")


def write_values(tensor, values, cast: bool = False, overlap_ok: bool = False, index=...) -> None:
    """Write ``values`` into all of ``tensor``'s memory and count one in-place change (``_version``).

    Every in-place write goes through here. ``cast=True`` converts any dtype (``copy_``, ``fill_``);
    otherwise a value of a higher category (a float into an integer tensor) is refused, as torch does.
    ``overlap_ok=True`` allows writing to an expanded tensor (``fill_``, ``zero_``, ``index_put_``);
    ``index`` writes only that region of it (``index_put_`` on an expanded tensor).
    """
    if not overlap_ok and has_internal_overlap(tensor._data):
        raise RuntimeError(INTERNAL_OVERLAP_ERROR)
    if not cast:
        check_cast(tensor, values)
    tensor._data[index] = values
    changed_in_place(tensor)


def changed_in_place(tensor) -> None:
    """Count one in-place change of ``tensor``'s memory: its ``_version``, shared with its views and ``detach()``.

    The one place a version moves on: ``write_values`` calls it after each write; ``resize_`` (which replaces
    the memory) and a custom Function's ``mark_dirty`` (whose forward wrote the tensor itself) call it directly.
    (A gradient the engine hands out is born with the count of the writes torch's formula made into it:
    ``autograd/hooks.as_tensor`` sets that number on its new counter, a record, not a change.)
    """
    tensor._version_counter.bump()


def check_cast(tensor, values) -> None:
    """torch's error when ``values`` are of a higher dtype category than ``tensor`` (a float into an integer)."""
    target, source = tensor.dtype, from_numpy_dtype(np.asarray(values).dtype)
    if source.category > target.category:
        raise RuntimeError(f"result type {source.legacy_name} can't be cast to the desired output type "
                           f"{target.legacy_name}")


def has_internal_overlap(array: np.ndarray) -> bool:
    """True when two elements of ``array`` share one memory location (an expanded tensor)."""
    return array.size > 1 and any(step == 0 and n > 1 for step, n in zip(array.strides, array.shape))


def check_inplace(tensor) -> None:
    """Raise torch's error for in-place changes to a leaf that requires grad (or a view of one).

    Called only when the change would be recorded (grad mode on and something requires grad).
    """
    base = tensor._base
    if base is not None:
        handle_view_on_rebase(tensor)
        if tensor.requires_grad and base.is_leaf:
            raise RuntimeError(VIEW_OF_LEAF_ERROR)
    if tensor.requires_grad and tensor.is_leaf:
        raise RuntimeError(LEAF_ERROR)


def _old_value(tensor):
    """A stand-in for ``tensor`` before the change: a copy of its values with its current history."""
    old = _node.Tensor._wrap(tensor._data.copy())
    old._requires_grad, old._grad_fn, old._output_nr = tensor._requires_grad, tensor.grad_fn, tensor.output_nr
    if old._grad_fn is None and tensor._requires_grad:
        old._accumulator = tensor._accumulator
    return old


def _run(op, first, args, options, tensor, reads_inputs_first):
    """``op(first, *args, **options)``; when its operands cannot be broadcast, torch reports an overlap first."""
    try:
        return op(first, *args, **options)
    except RuntimeError as error:
        if str(error).startswith("The size of tensor a") and not reads_inputs_first:
            check_partial_overlap(tensor, args)
        raise


def _check_overlap_and_shape(tensor, args, result, reads_inputs_first) -> None:
    """After the op's own argument checks, torch checks the memory, then the shape (as TensorIterator does)."""
    if not reads_inputs_first:
        check_partial_overlap(tensor, args)
    if result.shape != tensor.shape:
        raise RuntimeError(f"output with shape [{', '.join(map(str, tensor.shape))}] doesn't match the broadcast "
                           f"shape [{', '.join(map(str, result.shape))}]")


def overlap(a, b) -> str:
    """How two tensors' memory overlaps, as torch judges it: "no", "full", "partial" or "too hard"."""
    if a is b:
        return "full"
    if a.numel() == 0 or b.numel() == 0:
        return "no"
    if not (is_non_overlapping_and_dense(a.shape, a.stride()) and is_non_overlapping_and_dense(b.shape, b.stride())):
        return "too hard"
    start_a, start_b = a.data_ptr(), b.data_ptr()
    end_a, end_b = start_a + a._data.nbytes, start_b + b._data.nbytes
    if start_a == start_b and end_a == end_b:
        return "full" if a.stride() == b.stride() else "partial"
    return "partial" if start_a < end_b and start_b < end_a else "no"


def check_partial_overlap(tensor, others) -> None:
    """torch refuses an in-place op whose input shares only part of the memory it writes."""
    for other in others:
        if hasattr(other, "_data") and overlap(tensor, other) == "partial":
            raise RuntimeError(PARTIAL_OVERLAP_ERROR)


def records_inplace(tensor, args) -> bool:
    """Whether the in-place op joins the graph: grad mode on, a float tensor, and something requires grad."""
    if not is_grad_enabled() or tensor._data.dtype.kind not in "fc":
        return False
    return tensor.requires_grad or any(getattr(a, "requires_grad", False) for a in args)


def apply_inplace(tensor, op, *args, cast=False, overlap_ok=False, reads_inputs_first=False, **options):
    """Run ``op(tensor, *args)`` and write the result into ``tensor``: what every ``x.op_()`` does.

    The leaf checks, the write (``write_values``) and the rebase of the tensor's history, in torch's order.
    ``reads_inputs_first=True`` (``fill_``) lets an input share the written memory; ``options`` go to ``op``.
    """
    recording = records_inplace(tensor, args)
    if recording:
        check_inplace(tensor)
    if not recording:
        with no_grad():
            result = _run(op, tensor, args, options, tensor, reads_inputs_first)
        _check_overlap_and_shape(tensor, args, result, reads_inputs_first)
        write_values(tensor, result._data, cast, overlap_ok)
        if tensor._is_inference and not inference_mode.enabled:  # torch checks after writing, as here
            raise RuntimeError(inference_mode.INPLACE_ERROR)
        return tensor
    result = _run(op, _old_value(tensor), args, options, tensor, reads_inputs_first)
    _check_overlap_and_shape(tensor, args, result, reads_inputs_first)
    write_values(tensor, result._data, cast, overlap_ok)
    node = result._grad_fn
    if node is None:  # nothing to differentiate (an integer result)
        return tensor
    node.save_result_as(tensor)
    rebase_history(tensor, node)
    return tensor

