"""``F.unfold``/``F.fold`` and ``nn.Unfold``/``nn.Fold``: sliding blocks as columns and back
(the arithmetic and the ``Im2ColBackward0``/``Col2ImBackward0`` nodes are in ``ops/im2col.py``)."""

from ..ops.im2col import col2im, im2col
from .module import Module


def _pair(name, value):
    """An int as a pair; a sequence must have two entries (torch's error otherwise)."""
    values = (value, value) if isinstance(value, int) else tuple(value)
    if len(values) != 2:
        raise RuntimeError(f"It is expected {name} equals to 2, but got size {len(values)}")
    return values


def unfold(input, kernel_size, dilation=1, padding=0, stride=1):  # noqa: A002
    """The ``(N, C * kh * kw, L)`` columns of every position of a window sliding over ``(N, C, H, W)``."""
    settings = [_pair(name, value) for name, value in
                (("kernel_size", kernel_size), ("dilation", dilation), ("padding", padding), ("stride", stride))]
    if input.ndim < 3:
        raise IndexError(f"Dimension out of range (expected to be in range of [-{max(input.ndim, 1)}, "
                         f"{max(input.ndim, 1) - 1}], but got 2)")
    return im2col(input, *settings)


def fold(input, output_size, kernel_size, dilation=1, padding=0, stride=1):  # noqa: A002
    """Sum the columns ``(N, C * kh * kw, L)`` back onto an ``(N, C, *output_size)`` image."""
    settings = [_pair(name, value) for name, value in
                (("output_size", output_size), ("kernel_size", kernel_size), ("dilation", dilation),
                 ("padding", padding), ("stride", stride))]
    if not input.dtype.is_floating_point:
        raise NotImplementedError(f"\"col2im_out_cpu\" not implemented for '{input.dtype.legacy_name}'")
    return col2im(input, *settings)


class Unfold(Module):
    """``F.unfold`` with its window settings kept."""

    def __init__(self, kernel_size, dilation=1, padding=0, stride=1):
        """Keep the window settings as given (an int or a pair each)."""
        super().__init__()
        self.kernel_size, self.dilation, self.padding, self.stride = kernel_size, dilation, padding, stride

    def forward(self, input):  # noqa: A002
        """The columns of ``input``'s sliding blocks."""
        return unfold(input, self.kernel_size, self.dilation, self.padding, self.stride)

    def extra_repr(self):
        """The settings, as given."""
        return (f"kernel_size={self.kernel_size}, dilation={self.dilation}, padding={self.padding}, "
                f"stride={self.stride}")


class Fold(Module):
    """``F.fold`` with its output size and window settings kept."""

    def __init__(self, output_size, kernel_size, dilation=1, padding=0, stride=1):
        """Keep the output size and window settings as given."""
        super().__init__()
        self.output_size, self.kernel_size = output_size, kernel_size
        self.dilation, self.padding, self.stride = dilation, padding, stride

    def forward(self, input):  # noqa: A002
        """Sum the columns of ``input`` back onto an image."""
        return fold(input, self.output_size, self.kernel_size, self.dilation, self.padding, self.stride)

    def extra_repr(self):
        """The settings, as given."""
        return (f"output_size={self.output_size}, kernel_size={self.kernel_size}, dilation={self.dilation}, "
                f"padding={self.padding}, stride={self.stride}")
