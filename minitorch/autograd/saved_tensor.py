"""Tensors saved for backward, with the version each had when saved.

A backward formula needs some of the forward pass's values (``x * y`` needs both). If one of them is changed
in place before backward runs, the formula would silently use the new values; the version saved here lets
``unpack`` refuse instead, with PyTorch's "modified by an inplace operation" error.
"""

from __future__ import annotations

import re
import weakref

import numpy as np

from . import graph
from .inference_mode import SAVED_ERROR as INFERENCE_SAVED_ERROR

FREED_ERROR = (
    "Trying to backward through the graph a second time (or directly access saved tensors after they have "
    "already been freed). Saved intermediate values of the graph are freed when you call .backward() or "
    "autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or "
    "if you need to access saved tensors after calling backward."
)

DETACHED_ERROR = ("Trying to use a saved tensor that has been detached in-place, i.e. with .detach_()."
                  "This is not supported, please use out-of-place `.detach()` instead")


class SavedTensor:
    """A tensor saved for backward, with the version it had when saved.

    ``unpack()`` refuses to hand back a tensor that was modified in place since (its version counter moved
    on): the backward formula would silently use the wrong values.
    """

    __slots__ = ("saved_version", "is_output", "_data", "_counter", "_node", "_output_nr", "_tensor_class",
                 "_tensor", "_freed", "_was_leaf", "_packed")

    def __init__(self, tensor, saved_by, is_output: bool = False):
        if tensor._is_inference:
            raise RuntimeError(INFERENCE_SAVED_ERROR)
        self.saved_version = tensor._version_counter.value
        self.is_output = is_output
        if is_output:
            # An output would keep its own grad_fn alive through this record: keep only what unpack needs.
            self._data, self._counter = tensor._data, tensor._version_counter
            self._node, self._output_nr = weakref.ref(saved_by), tensor._output_nr
            self._tensor_class, self._tensor = type(tensor), None
        else:
            self._tensor = tensor
        # A saved non-leaf must keep its grad_fn (detach_() after saving is refused when unpacking).
        self._was_leaf = is_output or (tensor._grad_fn is None and (tensor._base is None or tensor.grad_fn is None))
        self._freed = False
        self._packed = None
        if graph._stack and not tensor._is_wrapped_number:  # inside saved_tensors_hooks(pack, unpack):
            pack, unpack = graph._stack[-1]  # keep what pack returns instead
            self._packed = (pack(tensor), unpack)

    def current_version(self) -> int:
        """The version the saved tensor has now."""
        return (self._counter if self.is_output else self._tensor._version_counter).value

    def release(self) -> None:
        """Free the saved values (done after backward unless retain_graph=True)."""
        self._freed = True
        self._tensor = self._data = self._packed = None

    def unpack_data(self) -> np.ndarray:
        """The saved values, checked like ``unpack()`` (what backward formulas use: no Tensor is built)."""
        if self.is_output:  # (the version checks written out: bench_small_ops' per-op figure)
            if self._counter.value == self.saved_version and not self._freed and self._packed is None:
                return self._data
            return self.unpack()._data  # raises the error, or unpacks through the hook
        if self._freed or self._packed is not None or self._tensor._version_counter.value != self.saved_version:
            return self.unpack()._data
        if not self._was_leaf and self._tensor.grad_fn is None:
            raise RuntimeError(DETACHED_ERROR)
        return self._tensor._data

    def unpack(self):
        """The saved tensor, or torch's error if it was freed or modified in place since it was saved."""
        if self._freed:
            raise RuntimeError(FREED_ERROR)
        if self.is_output:
            tensor = self._tensor_class._from_saved_output(self._data, self._counter, self._node(), self._output_nr)
        else:
            tensor = self._tensor
            if not self._was_leaf and tensor.grad_fn is None:
                raise RuntimeError(DETACHED_ERROR)
        if self.current_version() != self.saved_version:
            raise RuntimeError(_modified_message(tensor, self))
        if self._packed is not None:
            return self._through_unpack_hook(tensor)
        return tensor

    def _through_unpack_hook(self, original):
        """What the unpack hook returns, carrying the original's place in the graph (as torch re-attaches it)."""
        packed, unpack_hook = self._packed
        value = unpack_hook(packed)
        if value is original:
            return value
        unpacked = type(original)._wrap(value._data)
        unpacked._requires_grad = original.requires_grad and original.is_leaf
        unpacked._grad_fn, unpacked._output_nr = original.grad_fn, original.output_nr
        return unpacked


def _modified_message(tensor, saved: SavedTensor) -> str:
    shape = ", ".join(str(n) for n in tensor.shape)
    where = ""
    if tensor.grad_fn is not None:
        # torch names the forward op: SigmoidBackward0 -> Sigmoid, PowBackward1 -> Pow1, CopyBackwards -> Copy
        op = re.sub(r"Backwards?(\d*)$", lambda found: found.group(1).lstrip("0"), tensor.grad_fn.name())
        where = f", which is output {tensor.output_nr} of {op},"
    return (
        "one of the variables needed for gradient computation has been modified by an inplace operation: "
        f"[torch.{tensor.dtype.legacy_name}Tensor [{shape}]]{where} is at version {saved.current_version()}; "
        f"expected version {saved.saved_version} instead. Hint: enable anomaly detection to find the operation "
        "that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True, check_nan=False)."
    )
