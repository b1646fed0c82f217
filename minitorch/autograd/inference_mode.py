"""``torch.inference_mode``: ``no_grad`` that also marks the tensors it makes as inference tensors.

Inside the block nothing is recorded (as under ``no_grad``) and every new tensor answers ``is_inference()``
with True. Such a tensor can still be read later, but autograd refuses to save it for backward: torch gives
up the version counter of inference tensors to make them cheaper, so it could not check them afterwards.
"""

from __future__ import annotations

import functools

from . import grad_mode

SAVED_ERROR = ("Inference tensors cannot be saved for backward. Please do not use Tensors created in inference "
               "mode in computation tracked by autograd. To work around this, you can make a clone to get a normal "
               "tensor and use it in autograd, or use `torch.no_grad()` instead of `torch.inference_mode()`.")
INPLACE_ERROR = ("Inplace update to inference tensor outside InferenceMode is not allowed.You can make a clone to "
                 "get a normal tensor before doing inplace update.See https://github.com/pytorch/rfcs/pull/17 for "
                 "more details.")
REQUIRES_GRAD_ERROR = "Setting requires_grad=True on inference tensor outside InferenceMode is not allowed."

enabled = False  # read by Tensor._init: tensors made while this is True are inference tensors


def is_inference_mode_enabled() -> bool:
    """True inside an ``inference_mode()`` block."""
    return enabled


class inference_mode:  # noqa: N801 (torch's name)
    """Context manager and decorator: no recording, and new tensors are inference tensors.

    ``inference_mode(False)`` leaves both off inside its block.
    """

    def __new__(cls, mode=True):
        if callable(mode):  # used as a bare decorator: @torch.inference_mode
            return cls()(mode)
        return super().__new__(cls)

    def __init__(self, mode: bool = True):
        self.mode = bool(mode)

    def __enter__(self):
        global enabled
        self._previous = (enabled, grad_mode.is_grad_enabled())
        enabled = self.mode
        if self.mode:
            grad_mode._set_enabled(False)

    def __exit__(self, *exc):
        global enabled
        enabled, grad_enabled = self._previous
        grad_mode._set_enabled(grad_enabled)
        return False

    def __repr__(self):
        return f"<torch.autograd.grad_mode.inference_mode object at {hex(id(self))}>"

    def clone(self):
        """A new context manager with the same mode."""
        return type(self)(self.mode)

    def __call__(self, func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            with self.clone():
                return func(*args, **kwargs)

        return wrapper
