"""``pixel_shuffle`` and ``pixel_unshuffle``: channels traded for resolution, as torch's CPU kernels do.

``pixel_shuffle(x, r)`` turns ``(*, C * r * r, H, W)`` into ``(*, C, H * r, W * r)``: each group of ``r * r``
channels becomes an ``r x r`` block of pixels (sub-pixel convolution's last step). ``pixel_unshuffle`` is its
inverse, so each is the other's backward. The result is a new contiguous tensor, as torch's.
"""

import numpy as np

from ..autograd.node import Node, record
from ._formulas import on_tensors


def _shuffle(x, r):
    """``(*, C*r*r, H, W)`` -> ``(*, C, H*r, W*r)`` on an array."""
    *batch, c, h, w = x.shape
    blocks = x.reshape(*batch, c // (r * r), r, r, h, w)
    n = len(batch)
    order = (*range(n), n, n + 3, n + 1, n + 4, n + 2)  # (C, H, r, W, r)
    return np.ascontiguousarray(blocks.transpose(order)).reshape(*batch, c // (r * r), h * r, w * r)


def _unshuffle(x, r):
    """``(*, C, H*r, W*r)`` -> ``(*, C*r*r, H, W)`` on an array."""
    *batch, c, h, w = x.shape
    blocks = x.reshape(*batch, c, h // r, r, w // r, r)
    n = len(batch)
    order = (*range(n), n, n + 2, n + 4, n + 1, n + 3)  # (C, r, r, H, W)
    return np.ascontiguousarray(blocks.transpose(order)).reshape(*batch, c * r * r, h // r, w // r)


class PixelShuffleBackward0(Node):
    """d pixel_shuffle(x, r) = pixel_unshuffle(grad, r)."""

    double_backward = True

    def apply(self, grad):
        r = self._saved_upscale_factor
        return (pixel_unshuffle(grad, r) if on_tensors(grad) else _unshuffle(grad, r),)


class PixelUnshuffleBackward0(Node):
    """d pixel_unshuffle(x, r) = pixel_shuffle(grad, r)."""

    double_backward = True

    def apply(self, grad):
        r = self._saved_downscale_factor
        return (pixel_shuffle(grad, r) if on_tensors(grad) else _shuffle(grad, r),)


def _check(name, input, factor, factor_name):  # noqa: A002
    if isinstance(factor, bool) or not isinstance(factor, int):
        raise TypeError(f"{name}(): argument '{factor_name}' (position 2) must be int, not {type(factor).__name__}")
    if input.ndim < 3:
        raise RuntimeError(f"{name} expects input to have at least 3 dimensions, but got input with {input.ndim} "
                           "dimension(s)")
    if factor <= 0:
        raise RuntimeError(f"{name} expects a positive {factor_name}, but got {factor}")


def pixel_shuffle(input, upscale_factor):  # noqa: A002
    """Rearrange ``(*, C * r^2, H, W)`` into ``(*, C, H * r, W * r)`` with ``r = upscale_factor``."""
    _check("pixel_shuffle", input, upscale_factor, "upscale_factor")
    channels = input.shape[-3]
    if channels % (upscale_factor * upscale_factor):
        raise RuntimeError("pixel_shuffle expects its input's 'channel' dimension to be divisible by the square of "
                           f"upscale_factor, but input.size(-3)={channels} is not divisible by "
                           f"{upscale_factor * upscale_factor}")
    return record(PixelShuffleBackward0, _shuffle(input._data, upscale_factor), (input,),
                  attrs={"upscale_factor": upscale_factor})


def pixel_unshuffle(input, downscale_factor):  # noqa: A002
    """Rearrange ``(*, C, H * r, W * r)`` into ``(*, C * r^2, H, W)`` with ``r = downscale_factor``."""
    _check("pixel_unshuffle", input, downscale_factor, "downscale_factor")
    for dim, name in ((-2, "height"), (-1, "width")):
        if input.shape[dim] % downscale_factor:
            raise RuntimeError(f"pixel_unshuffle expects {name} to be divisible by downscale_factor, but "
                               f"input.size({dim})={input.shape[dim]} is not divisible by {downscale_factor}")
    return record(PixelUnshuffleBackward0, _unshuffle(input._data, downscale_factor), (input,),
                  attrs={"downscale_factor": downscale_factor})
