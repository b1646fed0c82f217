"""1-d pooling layers and adaptive max pooling: ``MaxPool1d``, ``AvgPool1d``, ``AdaptiveAvgPool1d``,
``AdaptiveMaxPool1d``, ``AdaptiveMaxPool2d``; and ``Upsample`` (``F.interpolate`` as a layer)."""

from . import functional as F
from .module import Module


class MaxPool1d(Module):
    """The maximum of each window along the last dim; ``stride`` defaults to ``kernel_size``."""

    def __init__(self, kernel_size, stride=None, padding=0, dilation=1, return_indices=False, ceil_mode=False):
        """Remember the settings."""
        super().__init__()
        self.kernel_size, self.stride = kernel_size, stride if stride is not None else kernel_size
        self.padding, self.dilation = padding, dilation
        self.return_indices, self.ceil_mode = return_indices, ceil_mode

    def forward(self, input):
        """``F.max_pool1d`` with these settings."""
        return F.max_pool1d(input, self.kernel_size, self.stride, self.padding, self.dilation,
                            ceil_mode=self.ceil_mode, return_indices=self.return_indices)

    def extra_repr(self):
        """All the settings."""
        return (f"kernel_size={self.kernel_size}, stride={self.stride}, padding={self.padding}, "
                f"dilation={self.dilation}, ceil_mode={self.ceil_mode}")


def _single(value):
    return tuple(value) if isinstance(value, (tuple, list)) else (value,)


class AvgPool1d(Module):
    """The mean of each window along the last dim; ``stride`` defaults to ``kernel_size``."""

    def __init__(self, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True):
        """Remember the settings (as 1-tuples, as torch keeps them)."""
        super().__init__()
        self.kernel_size = _single(kernel_size)
        self.stride = _single(stride if stride is not None else kernel_size)
        self.padding, self.ceil_mode, self.count_include_pad = _single(padding), ceil_mode, count_include_pad

    def forward(self, input):
        """``F.avg_pool1d`` with these settings."""
        return F.avg_pool1d(input, self.kernel_size, self.stride, self.padding, self.ceil_mode,
                            self.count_include_pad)

    def extra_repr(self):
        """Kernel, stride and padding."""
        return f"kernel_size={self.kernel_size}, stride={self.stride}, padding={self.padding}"


class _AdaptivePool(Module):
    function = ""

    def __init__(self, output_size, return_indices=False):
        super().__init__()
        self.output_size, self.return_indices = output_size, return_indices

    def forward(self, input):
        """``F.adaptive_*_pool*d(input, output_size)``."""
        return getattr(F, self.function)(input, self.output_size, self.return_indices)

    def extra_repr(self):
        """``output_size=...``."""
        return f"output_size={self.output_size}"


class AdaptiveMaxPool1d(_AdaptivePool):
    """The maximum of each of ``output_size`` nearly equal bins of the last dim."""

    function = "adaptive_max_pool1d"


class AdaptiveMaxPool2d(_AdaptivePool):
    """The maximum of each of ``output_size`` nearly equal bins of the last two dims."""

    function = "adaptive_max_pool2d"


class AdaptiveAvgPool1d(Module):
    """The mean of each of ``output_size`` nearly equal bins of the last dim."""

    def __init__(self, output_size):
        """Remember the output size."""
        super().__init__()
        self.output_size = output_size

    def forward(self, input):
        """``F.adaptive_avg_pool1d(input, output_size)``."""
        return F.adaptive_avg_pool1d(input, self.output_size)

    def extra_repr(self):
        """``output_size=...``."""
        return f"output_size={self.output_size}"


class Upsample(Module):
    """Resize the spatial dims to ``size`` or by ``scale_factor`` (``F.interpolate``)."""

    def __init__(self, size=None, scale_factor=None, mode="nearest", align_corners=None,
                 recompute_scale_factor=None):
        """Remember the settings (``scale_factor`` as floats, as torch keeps it)."""
        super().__init__()
        self.name = type(self).__name__
        self.size = size
        if isinstance(scale_factor, tuple):
            self.scale_factor = tuple(float(factor) for factor in scale_factor)
        else:
            self.scale_factor = float(scale_factor) if scale_factor else None
        self.mode, self.align_corners, self.recompute_scale_factor = mode, align_corners, recompute_scale_factor

    def forward(self, input):
        """``F.interpolate`` with these settings."""
        return F.interpolate(input, self.size, self.scale_factor, self.mode, self.align_corners,
                             recompute_scale_factor=self.recompute_scale_factor)

    def extra_repr(self):
        """The size or the scale factor, and the mode."""
        info = f"scale_factor={self.scale_factor!r}" if self.scale_factor is not None else f"size={self.size!r}"
        return f"{info}, mode={self.mode!r}"


class UpsamplingNearest2d(Upsample):
    """``Upsample(mode='nearest')`` for images."""

    def __init__(self, size=None, scale_factor=None):
        """Nearest-neighbour resizing to ``size`` or by ``scale_factor``."""
        super().__init__(size, scale_factor, mode="nearest")


class UpsamplingBilinear2d(Upsample):
    """``Upsample(mode='bilinear', align_corners=True)`` for images."""

    def __init__(self, size=None, scale_factor=None):
        """Bilinear resizing (corners aligned) to ``size`` or by ``scale_factor``."""
        super().__init__(size, scale_factor, mode="bilinear", align_corners=True)
