"""``torch.backends``: which accelerators this build can use (none: minitorch runs on the CPU)."""

from . import cudnn, mps

__all__ = ["cudnn", "mps"]
