"""Transposed convolutions: ``F.conv_transpose1d``/``conv_transpose2d`` and ``nn.ConvTranspose1d``/``2d``.

A transposed convolution grows a feature map (the generator of a DCGAN turns a ``(N, 100, 1, 1)`` noise
into an image with them). Its weight is ``(in_channels, out_channels / groups, *kernel)``: the weight of the
convolution it transposes. The numbers live in ``ops/conv_transpose.py``; here are torch's checks, in the
order ATen makes them, and the modules, which share ``_ConvNd`` with ``Conv1d``/``Conv2d``.
"""

from ..ops import squeezing
from ..ops.conv_transpose import conv_transpose, transposed_size
from .layers import _ConvNd


def _expand(name, value, dims, weight_dims):
    """An int (``dims`` times) or a sequence as a tuple, with torch's error when it does not fit the weight."""
    values = [value] * dims if isinstance(value, int) else list(value)
    if len(values) == 1:
        values = values * weight_dims
    if len(values) != weight_dims:
        raise RuntimeError(f"expected {name} to be a single integer value or a list of {weight_dims} values to "
                           f"match the convolution dimensions, but got {name}={values}")
    return tuple(values)


def _check_settings(weight, stride, padding, output_padding, groups):
    if any(s <= 0 for s in stride):
        raise RuntimeError("non-positive stride is not supported")
    if any(p < 0 for p in padding):
        raise RuntimeError("negative padding is not supported")
    if any(p < 0 for p in output_padding):
        raise RuntimeError("negative output_padding is not supported")
    if groups <= 0:
        raise RuntimeError("non-positive groups is not supported")


def _check_shapes(input, weight, bias, groups):
    """The weight against groups and the input's channels, then the bias (torch's ``transposed=1`` texts)."""
    sizes = list(weight.shape)
    if sizes[0] % groups:
        raise RuntimeError(f"Given groups={groups}, expected weight to be divisible by {groups} at dimension 0, but "
                           f"got weight of size [{sizes}] instead")
    if input.shape[1] != sizes[0]:
        raise RuntimeError(f"Given transposed=1, weight of size {sizes}, expected input{list(input.shape)} to have "
                           f"{sizes[0]} channels, but got {input.shape[1]} channels instead")
    out_channels = sizes[1] * groups
    if bias is not None and (bias.ndim != 1 or bias.shape[0] != out_channels):
        raise RuntimeError(f"Given transposed=1, weight of size {sizes}, expected bias to be 1-dimensional with "
                           f"{out_channels} elements, but got bias of size {list(bias.shape)} instead")


def _check_kernel(input, weight, stride, padding, output_padding, dilation):
    """The dilation, output padding and output size checks of torch's kernel, which speaks of 2-d sizes."""
    one_d = input.ndim == 3

    def pad1(values, height):  # a 1-d convolution is a 2-d one of height 1, no padding
        return (height, *values) if one_d else tuple(values)

    dil, op, st = pad1(dilation, 1), pad1(output_padding, 0), pad1(stride, 1)
    if any(d <= 0 for d in dil):
        raise RuntimeError(f"dilation should be greater than zero, but got dilation_height: {dil[0]}, "
                           f"dilation_width: {dil[1]}")
    if any(o >= s and o >= d for o, s, d in zip(op, st, dil)):
        raise RuntimeError(f"output padding must be smaller than either stride or dilation, but got "
                           f"output_padding_height: {op[0]} output_padding_width: {op[1]} stride_height: {st[0]} "
                           f"stride_width: {st[1]} dilation_height: {dil[0]} dilation_width: {dil[1]}")
    spatial = pad1(input.shape[2:], 1)
    kernel, pad = pad1(weight.shape[2:], 1), pad1(padding, 0)
    out = [transposed_size(spatial[i], kernel[i], st[i], pad[i], dil[i], op[i]) for i in range(2)]
    if any(size < 1 for size in out):
        raise RuntimeError(f"Given input size per channel: ({spatial[0]} x {spatial[1]}). Calculated output size per "
                           f"channel: ({out[0]} x {out[1]}). Output size is too small")
    if input.dtype != weight.dtype:
        raise RuntimeError(f"expected scalar type {input.dtype.legacy_name} but found {weight.dtype.legacy_name}")


def _conv_transpose(dims, input, weight, bias, stride, padding, output_padding, groups, dilation):  # noqa: A002
    """The ``dims``-d transposed convolution of a batched or unbatched input, with torch's checks."""
    if input.ndim not in (dims + 1, dims + 2):
        raise RuntimeError(f"Expected {dims + 1}D (unbatched) or {dims + 2}D (batched) input to conv_transpose{dims}d,"
                           f" but got input of size: {list(input.shape)}")
    if isinstance(padding, str):
        raise TypeError(f"conv_transpose{dims}d(): argument 'padding' must be tuple of ints, not str")
    settings = [_expand(name, value, dims, weight.ndim - 2) for name, value in
                (("stride", stride), ("padding", padding), ("output_padding", output_padding),
                 ("dilation", dilation))]
    stride, padding, output_padding, dilation = settings
    batched = squeezing.unsqueeze(input, 0) if input.ndim == dims + 1 else input
    _check_settings(weight, stride, padding, output_padding, groups)
    _check_shapes(batched, weight, bias, groups)
    _check_kernel(batched, weight, stride, padding, output_padding, dilation)
    out = conv_transpose(batched, weight, bias, stride, padding, output_padding, groups, dilation)
    return squeezing.squeeze(out, 0) if input.ndim == dims + 1 else out


def conv_transpose1d(input, weight, bias=None, stride=1, padding=0, output_padding=0, groups=1, dilation=1):  # noqa: A002
    """1-d transposed convolution of ``input (N, C_in, L)`` with ``weight (C_in, C_out / groups, k)``."""
    return _conv_transpose(1, input, weight, bias, stride, padding, output_padding, groups, dilation)


def conv_transpose2d(input, weight, bias=None, stride=1, padding=0, output_padding=0, groups=1, dilation=1):  # noqa: A002
    """2-d transposed convolution of ``input (N, C_in, H, W)`` with ``weight (C_in, C_out / groups, kh, kw)``."""
    return _conv_transpose(2, input, weight, bias, stride, padding, output_padding, groups, dilation)


class _ConvTransposeNd(_ConvNd):
    """What ``ConvTranspose1d`` and ``ConvTranspose2d`` share: the transposed weight, ``output_padding`` and
    ``forward(input, output_size=None)``."""

    def __init__(self, dims, in_channels, out_channels, kernel_size, stride, padding, output_padding, groups, bias,
                 dilation, padding_mode, device, dtype):
        """Check the settings with torch's errors, create the parameters and initialise them as torch does."""
        if padding_mode != "zeros":
            raise ValueError(f'Only "zeros" padding mode is supported for {type(self).__name__}')
        super().__init__(dims, in_channels, out_channels, kernel_size, stride, padding, dilation, groups, bias,
                         padding_mode, device, dtype, transposed=True, output_padding=output_padding)

    def _output_padding(self, input, output_size):
        """The output padding that makes the output ``output_size`` long (torch's ``_output_padding``)."""
        if output_size is None:
            return self.output_padding
        dims = len(self.kernel_size)
        leading = 2 if input.ndim == dims + 2 else 1  # batch and channels, or channels only
        output_size = list(output_size)
        if len(output_size) == leading + dims:
            output_size = output_size[leading:]
        if len(output_size) != dims:
            raise ValueError(f"ConvTranspose{dims}D: for {input.ndim}D input, output_size must have {dims} or "
                             f"{leading + dims} elements (got {len(output_size)})")
        spatial = input.shape[-dims:]
        smallest = [transposed_size(spatial[i], self.kernel_size[i], self.stride[i], self.padding[i],
                                    self.dilation[i], 0) for i in range(dims)]
        largest = [smallest[i] + self.stride[i] - 1 for i in range(dims)]
        if any(not smallest[i] <= output_size[i] <= largest[i] for i in range(dims)):
            raise ValueError(f"requested an output size of {output_size}, but valid sizes range from {smallest} to "
                             f"{largest} (for an input of {spatial})")
        return tuple(output_size[i] - smallest[i] for i in range(dims))


class ConvTranspose1d(_ConvTransposeNd):
    """1-d transposed convolution: ``(N, in_channels, L)`` to ``(N, out_channels, L_out)``."""

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, padding=0, output_padding=0, groups=1,
                 bias=True, dilation=1, padding_mode="zeros", device=None, dtype=None):
        """Check the settings with torch's errors, create the parameters and initialise them as torch does."""
        super().__init__(1, in_channels, out_channels, kernel_size, stride, padding, output_padding, groups, bias,
                         dilation, padding_mode, device, dtype)

    def forward(self, input, output_size=None):  # noqa: A002
        """Transposed-convolve ``input``; ``output_size`` picks among the lengths a strided one can give."""
        output_padding = self._output_padding(input, output_size)
        return conv_transpose1d(input, self.weight, self.bias, self.stride, self.padding, output_padding,
                                self.groups, self.dilation)


class ConvTranspose2d(_ConvTransposeNd):
    """2-d transposed convolution: ``(N, in_channels, H, W)`` to ``(N, out_channels, H_out, W_out)``."""

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, padding=0, output_padding=0, groups=1,
                 bias=True, dilation=1, padding_mode="zeros", device=None, dtype=None):
        """Check the settings with torch's errors, create the parameters and initialise them as torch does."""
        super().__init__(2, in_channels, out_channels, kernel_size, stride, padding, output_padding, groups, bias,
                         dilation, padding_mode, device, dtype)

    def forward(self, input, output_size=None):  # noqa: A002
        """Transposed-convolve ``input``; ``output_size`` picks among the sizes a strided one can give."""
        output_padding = self._output_padding(input, output_size)
        return conv_transpose2d(input, self.weight, self.bias, self.stride, self.padding, output_padding,
                                self.groups, self.dilation)
