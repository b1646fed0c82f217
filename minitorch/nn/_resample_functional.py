"""``nn.functional``'s 1-d pooling (built on the 2-d kernels with a height of 1, as torch builds it),
adaptive max pooling, ``interpolate`` (nearest, linear, bilinear) and ``group_norm``."""

import warnings

from ..ops import resample
from ..ops.group_norm import group_norm
from ..ops.squeezing import squeeze, unsqueeze
from ._layer_functional import adaptive_avg_pool2d, avg_pool2d

INTERPOLATING = ("linear", "bilinear", "bicubic", "trilinear")


def _one(value, name):
    value = value[0] if isinstance(value, (tuple, list)) else value
    if not isinstance(value, int):
        raise TypeError(f"{name} must be an int")
    return value


def _check_1d(name, input):  # noqa: A002 (torch's argument name)
    if input.ndim not in (2, 3):
        raise RuntimeError(f"{name}: Expected 2D or 3D (batch mode) tensor with optional 0 dim batch size for "
                           f"input, but got:{list(input.shape)}")


def max_pool1d(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False,  # noqa: A002
               return_indices=False):
    """The largest value of each ``kernel_size`` window along the last dim."""
    from .functional import max_pool2d  # cycle: functional imports this module

    _check_1d("max_pool1d", input)
    kernel = _one(kernel_size, "kernel_size")
    step = kernel if stride is None or stride in ((), []) else _one(stride, "stride")
    result = max_pool2d(unsqueeze(input, -2), (1, kernel), (1, step), (0, _one(padding, "padding")),
                        (1, _one(dilation, "dilation")), ceil_mode, return_indices)
    if return_indices:
        return squeeze(result[0], -2), squeeze(result[1], -2)
    return squeeze(result, -2)


def avg_pool1d(input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True):  # noqa: A002
    """The mean of each ``kernel_size`` window along the last dim."""
    _check_1d("avg_pool1d", input)
    kernel = _one(kernel_size, "kernel_size")
    step = kernel if stride is None or stride in ((), []) else _one(stride, "stride")
    pooled = avg_pool2d(unsqueeze(input, -2), (1, kernel), (1, step), (0, _one(padding, "padding")), ceil_mode,
                        count_include_pad)
    return squeeze(pooled, -2)


def adaptive_avg_pool1d(input, output_size):  # noqa: A002
    """The mean over ``output_size`` nearly equal bins of the last dim."""
    _check_1d("adaptive_avg_pool1d", input)
    return squeeze(adaptive_avg_pool2d(unsqueeze(input, -2), (1, _one(output_size, "output_size"))), -2)


def adaptive_max_pool2d(input, output_size, return_indices=False):  # noqa: A002
    """The largest value of each of ``output_size`` nearly equal bins of the last two dims."""
    if input.ndim not in (3, 4):
        raise RuntimeError(f"adaptive_max_pool2d(): Expected 3D or 4D tensor, but got: {list(input.shape)}")
    size = (output_size, output_size) if isinstance(output_size, int) else tuple(output_size)
    size = tuple(n if n is not None else input.shape[-2 + i] for i, n in enumerate(size))
    values, indices = resample.adaptive_max_pool2d(input, size)
    return (values, indices) if return_indices else values


def adaptive_max_pool1d(input, output_size, return_indices=False):  # noqa: A002
    """The largest value of each of ``output_size`` nearly equal bins of the last dim."""
    _check_1d("adaptive_max_pool1d", input)
    values, indices = resample.adaptive_max_pool2d(unsqueeze(input, -2), (1, _one(output_size, "output_size")))
    values, indices = squeeze(values, -2), squeeze(indices, -2)
    return (values, indices) if return_indices else values


def _check_interpolate(input, size, scale_factor, mode, align_corners):  # noqa: A002
    if mode not in ("nearest", "linear", "bilinear"):
        raise NotImplementedError(f"minitorch implements interpolate's nearest, linear and bilinear modes, not "
                                  f"'{mode}'")
    if align_corners is not None and mode not in INTERPOLATING:
        raise ValueError("align_corners option can only be set with the interpolating modes: linear | bilinear | "
                         "bicubic | trilinear")
    if size is not None and scale_factor is not None:
        raise ValueError("only one of size or scale_factor should be defined")
    if size is None and scale_factor is None:
        raise ValueError("either size or scale_factor should be defined")
    needed = {"linear": 3, "bilinear": 4}.get(mode)
    if needed and input.ndim != needed:
        raise NotImplementedError(f"Got {input.ndim}D input, but {mode} mode needs {needed}D input")


def interpolate(input, size=None, scale_factor=None, mode="nearest", align_corners=None,  # noqa: A002
                recompute_scale_factor=None, antialias=False):
    """Resize the spatial dims (all after the first two): copy the nearest value, or blend the neighbours."""
    _check_interpolate(input, size, scale_factor, mode, align_corners)
    sizes, scales = resample.output_sizes(input.shape[2:], size, scale_factor)
    if recompute_scale_factor:
        scales = [None] * len(scales)
    return resample.resize(input, sizes, scales, mode, bool(align_corners))


def upsample(input, size=None, scale_factor=None, mode="nearest", align_corners=None):  # noqa: A002
    """``interpolate``, under its old name (with torch's deprecation warning)."""
    warnings.warn("`nn.functional.upsample` is deprecated. Use `nn.functional.interpolate` instead.",
                  stacklevel=2)
    return interpolate(input, size, scale_factor, mode, align_corners)


__all__ = ["adaptive_avg_pool1d", "adaptive_max_pool1d", "adaptive_max_pool2d", "avg_pool1d", "group_norm",
           "interpolate", "max_pool1d", "upsample"]
