"""Layers with their own settings: ``Linear``, ``Conv2d``, ``Flatten``, ``ZeroPad2d``, ``MaxPool2d``,
``Dropout`` and ``Identity``. Each ``forward`` is one call into ``functional``; each ``extra_repr`` is
what PyTorch prints between the parentheses.
"""

import math

from .. import _factories
from . import functional as F
from . import init
from .module import Module
from .parameter import Parameter


def _empty_parameter(*shape, dtype=None):
    return Parameter(_factories.empty(*shape, dtype=dtype))


def _init_weight_and_bias(module):
    """PyTorch's default: ``kaiming_uniform_(a=sqrt(5))`` weights, bias uniform in ``±1/sqrt(fan_in)``."""
    init.kaiming_uniform_(module.weight, a=math.sqrt(5))
    if module.bias is not None:
        fan_in, _ = init._calculate_fan_in_and_fan_out(module.weight)
        bound = 1 / math.sqrt(fan_in) if fan_in > 0 else 0
        init.uniform_(module.bias, -bound, bound)


class Identity(Module):
    """Returns its input unchanged (a placeholder, e.g. to remove a layer from a network)."""

    def __init__(self, *args, **kwargs):
        """Accept and ignore any arguments, as torch does."""
        super().__init__()

    def forward(self, input):
        """Return ``input``."""
        return input


class Linear(Module):
    """``y = x @ weight.T + bias`` with ``weight`` of shape ``(out_features, in_features)``."""

    def __init__(self, in_features, out_features, bias=True, device=None, dtype=None):
        """Create the parameters and initialise them as torch does."""
        super().__init__()
        self.in_features, self.out_features = in_features, out_features
        self.weight = _empty_parameter(out_features, in_features, dtype=dtype)
        if bias:
            self.bias = _empty_parameter(out_features, dtype=dtype)
        else:
            self.register_parameter("bias", None)
        self.reset_parameters()

    def reset_parameters(self):
        """Draw fresh initial values for weight and bias."""
        _init_weight_and_bias(self)

    def forward(self, input):
        """Apply the affine map to the last dimension of ``input``."""
        return F.linear(input, self.weight, self.bias)

    def extra_repr(self):
        """``in_features=..., out_features=..., bias=...``."""
        return f"in_features={self.in_features}, out_features={self.out_features}, bias={self.bias is not None}"


class _ConvNd(Module):
    """What 1-d and 2-d convolutions and their transposes share: torch's checks of the settings, the parameters,
    their initial values and the printed settings (``dims`` is 1 or 2; the subclasses add ``forward``)."""

    def __init__(self, dims, in_channels, out_channels, kernel_size, stride, padding, dilation, groups, bias,
                 padding_mode, device=None, dtype=None, transposed=False, output_padding=0):
        """Check the settings with torch's errors, create the parameters and initialise them as torch does
        (a transposed convolution's weight is ``(in_channels, out_channels // groups, *kernel)``)."""
        super().__init__()
        _check_conv_settings(dims, in_channels, out_channels, stride, padding, groups, padding_mode)
        self.in_channels, self.out_channels = in_channels, out_channels
        self.kernel_size, self.stride = _ntuple(kernel_size, dims), _ntuple(stride, dims)
        self.padding = padding if isinstance(padding, str) else _ntuple(padding, dims)
        self.dilation, self.groups = _ntuple(dilation, dims), groups
        self.transposed, self.output_padding = transposed, _ntuple(output_padding, dims)
        self.padding_mode = padding_mode
        channels = (in_channels, out_channels // groups) if transposed else (out_channels, in_channels // groups)
        self.weight = Parameter(_factories.empty(*channels, *self.kernel_size, dtype=dtype, device=device))
        if bias:
            self.bias = Parameter(_factories.empty(out_channels, dtype=dtype, device=device))
        else:
            self.register_parameter("bias", None)
        self.reset_parameters()

    def reset_parameters(self):
        """Draw fresh initial values for weight and bias."""
        _init_weight_and_bias(self)

    def extra_repr(self):
        """Channels and kernel, then only the settings that differ from their defaults."""
        text = f"{self.in_channels}, {self.out_channels}, kernel_size={self.kernel_size}, stride={self.stride}"
        if self.padding != (0,) * len(self.kernel_size):
            text += f", padding={self.padding}"
        if self.dilation != (1,) * len(self.kernel_size):
            text += f", dilation={self.dilation}"
        if self.output_padding != (0,) * len(self.kernel_size):
            text += f", output_padding={self.output_padding}"
        if self.groups != 1:
            text += f", groups={self.groups}"
        if self.bias is None:
            text += ", bias=False"
        return text


def _ntuple(value, dims):
    """A sequence as a tuple, a single number repeated ``dims`` times."""
    return tuple(value) if isinstance(value, (tuple, list)) else (value,) * dims


def _check_conv_settings(dims, in_channels, out_channels, stride, padding, groups, padding_mode):
    """torch's errors for groups, a padding string and a padding mode the convolution cannot take."""
    if groups <= 0:
        raise ValueError("groups must be a positive integer")
    if in_channels % groups != 0:
        raise ValueError("in_channels must be divisible by groups")
    if out_channels % groups != 0:
        raise ValueError("out_channels must be divisible by groups")
    if isinstance(padding, str):
        strings = {"same", "valid"}  # a set, printed in the same order as torch's
        if padding not in strings:
            raise ValueError(f"Invalid padding string {padding!r}, should be one of {strings}")
        if padding == "same" and any(s != 1 for s in _ntuple(stride, dims)):
            raise ValueError("padding='same' is not supported for strided convolutions")
    modes = {"zeros", "reflect", "replicate", "circular"}  # a set, printed in the same order as torch's
    if padding_mode not in modes:
        raise ValueError(f"padding_mode must be one of {modes}, but got padding_mode={padding_mode!r}")
    if padding_mode != "zeros":
        raise NotImplementedError(f"minitorch's Conv{dims}d supports only padding_mode='zeros'")


class Conv2d(_ConvNd):
    """2-d convolution with ``out_channels`` filters of shape ``(in_channels // groups, kh, kw)``."""

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1, groups=1,
                 bias=True, padding_mode="zeros", device=None, dtype=None):
        """Check the settings with torch's errors, create the parameters and initialise them."""
        super().__init__(2, in_channels, out_channels, kernel_size, stride, padding, dilation, groups, bias,
                         padding_mode, device, dtype)

    def forward(self, input):
        """Convolve ``input`` of shape ``(N, C, H, W)`` or ``(C, H, W)``."""
        return F.conv2d(input, self.weight, self.bias, self.stride, self.padding, self.dilation, self.groups)


class Flatten(Module):
    """Merge dimensions ``start_dim..end_dim`` into one (by default all but the batch dimension)."""

    def __init__(self, start_dim=1, end_dim=-1):
        """Remember which dimensions to merge."""
        super().__init__()
        self.start_dim, self.end_dim = start_dim, end_dim

    def forward(self, input):
        """``input.flatten(start_dim, end_dim)``."""
        return input.flatten(self.start_dim, self.end_dim)

    def extra_repr(self):
        """``start_dim=..., end_dim=...``."""
        return f"start_dim={self.start_dim}, end_dim={self.end_dim}"


class Unflatten(Module):
    """Split dimension ``dim`` into ``unflattened_size`` (the inverse of ``Flatten``)."""

    def __init__(self, dim, unflattened_size):
        """Remember the dimension and the sizes it becomes."""
        super().__init__()
        self.dim, self.unflattened_size = dim, unflattened_size

    def forward(self, input):
        """``input.unflatten(dim, unflattened_size)``."""
        return input.unflatten(self.dim, self.unflattened_size)

    def extra_repr(self):
        """``dim=..., unflattened_size=...``."""
        return f"dim={self.dim}, unflattened_size={self.unflattened_size}"


class ZeroPad2d(Module):
    """Pad the last two dimensions with zeros: ``padding`` is an int or ``(left, right, top, bottom)``."""

    def __init__(self, padding):
        """Remember the padding as a tuple."""
        super().__init__()
        self.padding = (padding,) * 4 if isinstance(padding, int) else tuple(padding)

    def forward(self, input):
        """``F.pad(input, padding)``."""
        return F.pad(input, self.padding, "constant", 0.0)

    def extra_repr(self):
        """The padding tuple."""
        return f"{self.padding}"


class MaxPool2d(Module):
    """The maximum of each window; ``stride`` defaults to ``kernel_size`` (windows do not overlap)."""

    def __init__(self, kernel_size, stride=None, padding=0, dilation=1, return_indices=False, ceil_mode=False):
        """Remember the settings."""
        super().__init__()
        self.kernel_size = kernel_size
        self.stride = stride if stride is not None else kernel_size
        self.padding, self.dilation = padding, dilation
        self.return_indices, self.ceil_mode = return_indices, ceil_mode

    def forward(self, input):
        """``F.max_pool2d`` with these settings."""
        return F.max_pool2d(input, self.kernel_size, self.stride, self.padding, self.dilation,
                            ceil_mode=self.ceil_mode, return_indices=self.return_indices)

    def extra_repr(self):
        """All the settings."""
        return (f"kernel_size={self.kernel_size}, stride={self.stride}, padding={self.padding}, "
                f"dilation={self.dilation}, ceil_mode={self.ceil_mode}")


class _DropoutNd(Module):
    """What every dropout layer shares, as torch's ``_DropoutNd``: ``p`` (checked) and ``inplace``."""

    def __init__(self, p=0.5, inplace=False):
        """Check ``p`` as torch does."""
        super().__init__()
        if p < 0 or p > 1:
            raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")
        self.p, self.inplace = p, inplace

    def extra_repr(self):
        """``p=..., inplace=...``."""
        return f"p={self.p}, inplace={self.inplace}"


class Dropout(_DropoutNd):
    """In training mode, zero each element with probability ``p`` (and scale the rest); in eval, pass."""

    def forward(self, input):
        """``F.dropout(input, p, self.training, inplace)``."""
        return F.dropout(input, self.p, self.training, self.inplace)
