"""``torch.cuda`` as a CPU-only torch has it: no GPU is available, and using one raises torch's error."""

from __future__ import annotations

from ._device import CUDA_MISSING


def is_available() -> bool:
    """Whether a GPU can be used: never, in minitorch."""
    return False


def device_count() -> int:
    """How many GPUs there are: none."""
    return 0


def manual_seed(seed) -> None:
    """Seeding the GPUs: nothing to do without one (torch ignores the call too)."""


def manual_seed_all(seed) -> None:
    """Seeding every GPU: nothing to do without one."""


def is_initialized() -> bool:
    """Whether CUDA has been set up: never."""
    return False


def _missing(*args, **kwargs):
    raise AssertionError(CUDA_MISSING)


def empty_cache() -> None:
    """Release cached GPU memory: there is none."""


def memory_allocated(device=None) -> int:
    """Bytes of GPU memory in use: none."""
    return 0


max_memory_allocated = memory_allocated
current_device = get_device_name = get_device_properties = synchronize = set_device = _missing
