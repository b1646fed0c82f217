"""Tensors saved for backward, with the version each had when saved.

A backward formula needs some of the forward pass's values (``x * y`` needs both). If one of them is changed
in place before backward runs, the formula would silently use the new values; the version saved here lets
``unpack`` refuse instead, with PyTorch's "modified by an inplace operation" error.
"""

from __future__ import annotations

import re
import weakref

import numpy as np

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

    __slots__ = ("saved_version", "is_output", "_data", "_counter", "_node", "_tensor_class", "_tensor",
                 "_freed", "_was_leaf")

    def __init__(self, tensor, saved_by, is_output: bool = False):
        self.saved_version = tensor._version
        self.is_output = is_output
        if is_output:
            # An output would keep its own grad_fn alive through this record: keep only what unpack needs.
            self._data, self._counter = tensor._data, tensor._version_counter
            self._node = weakref.ref(saved_by)
            self._tensor_class, self._tensor = type(tensor), None
        else:
            self._tensor = tensor
        # A saved non-leaf must keep its grad_fn (detach_() after saving is refused when unpacking).
        self._was_leaf = is_output or (tensor._grad_fn is None and (tensor._base is None or tensor.grad_fn is None))
        self._freed = False

    def current_version(self) -> int:
        """The version the saved tensor has now."""
        return (self._counter if self.is_output else self._tensor._version_counter).value

    def release(self) -> None:
        """Free the saved values (done after backward unless retain_graph=True)."""
        self._freed = True
        self._tensor = self._data = None

    def unpack_data(self) -> np.ndarray:
        """The saved values, checked like ``unpack()`` (what backward formulas use: no Tensor is built)."""
        if self._freed or self.current_version() != self.saved_version:
            return self.unpack()._data  # raises the error
        if self.is_output:
            return self._data
        if not self._was_leaf and self._tensor.grad_fn is None:
            raise RuntimeError(DETACHED_ERROR)
        return self._tensor._data

    def unpack(self):
        """The saved tensor, or torch's error if it was freed or modified in place since it was saved."""
        if self._freed:
            raise RuntimeError(FREED_ERROR)
        if self.is_output:
            tensor = self._tensor_class._from_saved_output(self._data, self._counter, self._node())
        else:
            tensor = self._tensor
            if not self._was_leaf and tensor.grad_fn is None:
                raise RuntimeError(DETACHED_ERROR)
        if self.current_version() != self.saved_version:
            raise RuntimeError(_modified_message(tensor, self))
        return tensor


def _modified_message(tensor, saved: SavedTensor) -> str:
    shape = ", ".join(str(n) for n in tensor.shape)
    where = ""
    if tensor.grad_fn is not None:
        op = re.sub(r"Backwards?\d*$", "", tensor.grad_fn.name())
        where = f", which is output {tensor.output_nr} of {op},"
    return (
        "one of the variables needed for gradient computation has been modified by an inplace operation: "
        f"[torch.{tensor.dtype.legacy_name}Tensor [{shape}]]{where} is at version {saved.current_version()}; "
        f"expected version {saved.saved_version} instead. Hint: enable anomaly detection to find the operation "
        "that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True, check_nan=False)."
    )
