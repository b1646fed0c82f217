"""Anomaly detection: remember where each node was created, and say so when its backward fails.

With it on, the in-place error names the line of the forward pass that made the failing node.
"""

from __future__ import annotations

import traceback
import warnings

_enabled = False

ENABLED_WARNING = ("Anomaly Detection has been enabled. This mode will increase the runtime and should only be "
                   "enabled for debugging.")
ANOMALY_HINT = ("Hint: the backtrace further above shows the operation that failed to compute its gradient. The "
                "variable in question was changed in there or anywhere later. Good luck!")


def is_anomaly_enabled() -> bool:
    """True while anomaly detection is on."""
    return _enabled


class set_detect_anomaly:  # noqa: N801
    """Turn anomaly detection on or off: at once, and back to the old setting at the end of a ``with``."""

    def __init__(self, mode: bool, check_nan: bool = True):
        global _enabled
        self.prev, _enabled = _enabled, bool(mode)

    def __enter__(self):
        pass

    def __exit__(self, *exc):
        global _enabled
        _enabled = self.prev
        return False


class detect_anomaly:  # noqa: N801
    """A ``with`` block in which anomaly detection is on (it warns that it slows things down)."""

    def __init__(self, check_nan: bool = True):
        warnings.warn(ENABLED_WARNING, UserWarning, stacklevel=2)

    def __enter__(self):
        global _enabled
        self.prev, _enabled = _enabled, True

    def __exit__(self, *exc):
        global _enabled
        _enabled = self.prev
        return False


_INTERNAL = ("/minitorch/tensor.py", "/minitorch/_tensor_methods.py", "/minitorch/ops/", "/minitorch/autograd/")


def _is_internal(filename: str) -> bool:
    """Frames of the parts that are C++ in torch (tensor, ops, autograd), which torch's traceback lacks."""
    filename = filename.replace("\\", "/")
    return any(part in filename for part in _INTERNAL)


def forward_stack() -> str:
    """The user's part of the current call stack, as the anomaly warning shows it."""
    frames = [f for f in traceback.extract_stack() if not _is_internal(f.filename)]
    return "".join(traceback.format_list(frames)).rstrip("\n")


def report_failure(node, error: Exception) -> Exception:
    """Warn where the failing node was created, and give the error anomaly mode's hint."""
    stack = node.metadata.get("traceback_", "")
    warnings.warn(f"Error detected in {node.name()}. Traceback of forward call that caused the error:\n{stack}\n "
                  "(Triggered internally at /__w/pytorch/pytorch/torch/csrc/autograd/python_anomaly_mode.cpp:122.)",
                  UserWarning, stacklevel=4)
    text = str(error)
    if "Hint:" in text:
        text = text[:text.index("Hint:")] + ANOMALY_HINT
    return type(error)(text)
