"""1-d convolution over sequences: ``F.conv1d`` and ``nn.Conv1d``, as torch defines them.

The input is ``(N, C, L)`` (or unbatched ``(C, L)``), the weight ``(out_channels, C / groups, k)``. The
numbers come from the 2-d convolution (``ops/conv.py``, a height of 1), recorded as one
``ConvolutionBackward0`` node, as torch records it.
"""

import warnings

from ..ops import pad as pad_ops
from ..ops import squeezing
from ..ops.conv import convolution, output_size
from . import _conv_args
from .layers import _ConvNd

SAME_PADDING_WARNING = (
    "Using padding='same' with even kernel lengths and odd dilation may require a zero-padded copy of the input "
    "be created (Triggered internally at /__w/pytorch/pytorch/aten/src/ATen/native/Convolution.cpp:1101.)"
)


def _single(name, value):
    """An int or a 1-element sequence as a 1-tuple, with torch's error for other lengths."""
    values = [value] if isinstance(value, int) else list(value)
    if len(values) != 1:
        raise RuntimeError(f"expected {name} to be a single integer value or a list of 1 values to match the "
                           f"convolution dimensions, but got {name}={values}")
    return tuple(values)


def _string_padding(input, weight, padding, stride, dilation):
    """``'valid'`` is no padding; ``'same'`` pads ``dilation * (k - 1)`` in all, the odd one at the end."""
    if padding == "valid":
        return input, 0
    if padding != "same":
        raise RuntimeError(f"Invalid padding string: '{padding}'")
    if any(s != 1 for s in stride):
        raise RuntimeError("padding='same' is not supported for strided convolutions")
    total = dilation[0] * (weight.shape[2] - 1)
    if total % 2:
        warnings.warn(SAME_PADDING_WARNING, UserWarning, stacklevel=3)
        input = pad_ops.constant_pad_nd(input, [0, 1])
    return input, total // 2


def _check(input, weight, bias, stride, padding, dilation, groups):
    """torch's errors for a batched conv1d call, in the order ATen checks them."""
    if any(s <= 0 for s in stride):
        raise RuntimeError("non-positive stride is not supported")
    if any(p < 0 for p in padding):
        raise RuntimeError("negative padding is not supported")
    if any(d <= 0 for d in dilation):
        raise RuntimeError("non-positive dilation is not supported")
    if groups <= 0:
        raise RuntimeError("non-positive groups is not supported")
    sizes = list(weight.shape)
    if sizes[0] % groups or input.shape[1] != sizes[1] * groups:
        _conv_args._check_weight_shape(input, weight, bias, groups)
    if bias is not None and (bias.ndim != 1 or bias.shape[0] != sizes[0]):
        raise RuntimeError(f"Given weight of size {sizes}, expected bias to be 1-dimensional with {sizes[0]} "
                           f"elements, but got bias of size {list(bias.shape)} instead")
    padded, reach = input.shape[2] + 2 * padding[0], dilation[0] * (sizes[2] - 1) + 1
    if output_size(padded, reach, 1, 0, 1) < 1:
        raise RuntimeError(f"Calculated padded input size per channel: ({padded}). Kernel size: ({reach}). "
                           "Kernel size can't be greater than actual input size")
    if input.dtype != weight.dtype:
        raise RuntimeError(f"Input type ({input.type()}) and weight type ({weight.type()}) should be the same or "
                           "input should be a MKLDNN tensor and weight is a dense tensor")


def conv1d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1):
    """1-d cross-correlation of ``input (N, C, L)`` with ``weight (out, C / groups, k)``; ``padding`` may be
    an int, ``'valid'`` or ``'same'`` (stride 1 only)."""
    if input.ndim not in (2, 3):
        raise RuntimeError("Expected 2D (unbatched) or 3D (batched) input to conv1d, but got input of size: "
                           f"{list(input.shape)}")
    if weight.ndim < 3:
        raise RuntimeError("weight should have at least three dimensions")
    stride, dilation = _single("stride", stride), _single("dilation", dilation)
    batched = squeezing.unsqueeze(input, 0) if input.ndim == 2 else input
    if isinstance(padding, str):
        batched, padding = _string_padding(batched, weight, padding, stride, dilation)
    padding = _single("padding", padding)
    _check(batched, weight, bias, stride, padding, dilation, groups)
    out = convolution(batched, weight, bias, stride, padding, dilation, groups)
    return squeezing.squeeze(out, 0) if input.ndim == 2 else out


class Conv1d(_ConvNd):
    """1-d convolution with ``out_channels`` filters of shape ``(in_channels // groups, kernel_size)``."""

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1, groups=1,
                 bias=True, padding_mode="zeros", device=None, dtype=None):
        """Check the settings with torch's errors, create the parameters and initialise them as torch does."""
        super().__init__(1, in_channels, out_channels, kernel_size, stride, padding, dilation, groups, bias,
                         padding_mode, device, dtype)

    def forward(self, input):
        """Convolve ``input`` of shape ``(N, C, L)`` or ``(C, L)``."""
        return conv1d(input, self.weight, self.bias, self.stride, self.padding, self.dilation, self.groups)
