"""``torch.accelerator`` as a CPU-only torch has it: no accelerator is available."""

from __future__ import annotations

NO_ACCELERATOR = "Cannot access accelerator device when none is available."


def is_available() -> bool:
    """Whether an accelerator (a GPU) can be used: never, in minitorch."""
    return False


def current_accelerator(check_available: bool = False):
    """The accelerator's device type: None, since there is none."""
    return None


def device_count() -> int:
    """How many accelerators there are: none."""
    return 0


def current_device_index() -> int:
    """The current accelerator's index: torch raises, since there is none."""
    raise RuntimeError(NO_ACCELERATOR)


def synchronize(device=None) -> None:
    """Wait for the accelerator: torch raises, since there is none."""
    raise RuntimeError(NO_ACCELERATOR)


current_device_idx = current_device_index
