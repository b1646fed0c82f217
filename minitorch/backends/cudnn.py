"""``torch.backends.cudnn``: NVIDIA's library, unavailable without CUDA; its flags are kept for scripts that set them."""

enabled = True
deterministic = False
benchmark = False


def is_available() -> bool:
    """Whether cuDNN can be used: never, in minitorch."""
    return False
