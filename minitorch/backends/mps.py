"""``torch.backends.mps``: Apple's GPU backend, which minitorch does not have."""


def is_available() -> bool:
    """Whether the MPS device can be used: never, in minitorch."""
    return False


def is_built() -> bool:
    """Whether this build includes MPS support: no."""
    return False
