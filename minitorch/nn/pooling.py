"""Average pooling and channel dropout layers: ``AvgPool2d``, ``AdaptiveAvgPool2d`` and ``Dropout2d``."""

from . import functional as F
from .layers import _DropoutNd
from .module import Module


class AvgPool2d(Module):
    """The mean of each window; ``stride`` defaults to ``kernel_size`` (windows do not overlap)."""

    def __init__(self, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True,
                 divisor_override=None):
        """Remember the settings."""
        super().__init__()
        self.kernel_size = kernel_size
        self.stride = stride if stride is not None else kernel_size
        self.padding, self.ceil_mode = padding, ceil_mode
        self.count_include_pad, self.divisor_override = count_include_pad, divisor_override

    def forward(self, input):
        """``F.avg_pool2d`` with these settings."""
        return F.avg_pool2d(input, self.kernel_size, self.stride, self.padding, self.ceil_mode,
                            self.count_include_pad, self.divisor_override)

    def extra_repr(self):
        """``kernel_size=..., stride=..., padding=...``."""
        return f"kernel_size={self.kernel_size}, stride={self.stride}, padding={self.padding}"


class Dropout2d(_DropoutNd):
    """In training, zero whole channels with probability ``p`` (and scale the rest); in eval, pass."""

    def forward(self, input):
        """``F.dropout2d(input, p, self.training, inplace)``."""
        return F.dropout2d(input, self.p, self.training, self.inplace)


class AdaptiveAvgPool2d(Module):
    """The mean over bins chosen so that the output has ``output_size`` (whatever the input's size)."""

    def __init__(self, output_size):
        """Remember the output size (an int, or a pair whose entries may be None to keep that size)."""
        super().__init__()
        self.output_size = output_size

    def forward(self, input):
        """``F.adaptive_avg_pool2d(input, output_size)``."""
        return F.adaptive_avg_pool2d(input, self.output_size)

    def extra_repr(self):
        """``output_size=...``."""
        return f"output_size={self.output_size}"
