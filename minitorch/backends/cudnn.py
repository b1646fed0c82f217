"""``torch.backends.cudnn``: NVIDIA's library, unavailable without CUDA; its flags stay settable."""

enabled = True
deterministic = False
benchmark = False


def is_available() -> bool:
    """Whether cuDNN can be used: never, in minitorch."""
    return False
