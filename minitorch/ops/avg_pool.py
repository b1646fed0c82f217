"""Average pooling over 2-d windows (``F.avg_pool2d``), with its node ``AvgPool2DBackward0``."""

from __future__ import annotations

import numpy as np

from ..autograd.node import Node, record
from .reduction import mean


def _windows(height, width, kernel, stride, padding):
    """Output size and, for each kernel offset, the slices of the padded input it reads."""
    out_h = (height + 2 * padding[0] - kernel[0]) // stride[0] + 1
    out_w = (width + 2 * padding[1] - kernel[1]) // stride[1] + 1
    offsets = [(i, j) for i in range(kernel[0]) for j in range(kernel[1])]
    slices = [(slice(i, i + stride[0] * (out_h - 1) + 1, stride[0]), slice(j, j + stride[1] * (out_w - 1) + 1,
                                                                         stride[1])) for i, j in offsets]
    return (out_h, out_w), slices


def _divisor(shape, kernel, stride, padding, count_include_pad, divisor_override):
    """What each window's sum is divided by: the window size, or only its cells inside the input."""
    if divisor_override:
        return divisor_override
    if count_include_pad:
        return kernel[0] * kernel[1]
    inside = np.pad(np.ones(shape[-2:]), [(padding[0],) * 2, (padding[1],) * 2])
    (out_h, out_w), slices = _windows(shape[-2], shape[-1], kernel, stride, padding)
    return sum(inside[rows, cols] for rows, cols in slices)


class AvgPool2DBackward0(Node):
    """d avg_pool2d / dx: each window's gradient shared equally (1 / divisor) among its cells."""

    def apply(self, grad):
        shape = self.input_shape(0)
        padded = np.zeros(shape[:-2] + (shape[-2] + 2 * self._padding[0], shape[-1] + 2 * self._padding[1]),
                          dtype=grad.dtype)
        share = grad / self._divisor
        for rows, cols in self._slices:
            padded[..., rows, cols] += share
        return (padded[..., self._padding[0]:self._padding[0] + shape[-2],
                       self._padding[1]:self._padding[1] + shape[-1]],)


def avg_pool2d(input, kernel, stride, padding, count_include_pad=True, divisor_override=None):
    """The mean of every ``kernel`` window (zero padding counts unless ``count_include_pad=False``); the
    windows move by ``stride``, or by ``kernel`` when ``stride`` is ``()`` (what the node then shows, as torch's)."""
    shown_stride, stride = tuple(stride), tuple(stride) or kernel
    x = input._data
    padded = np.pad(x, [(0, 0)] * (x.ndim - 2) + [(padding[0],) * 2, (padding[1],) * 2])
    _, slices = _windows(x.shape[-2], x.shape[-1], kernel, stride, padding)
    total = sum(padded[..., rows, cols].astype(np.float64) for rows, cols in slices)
    divisor = _divisor(x.shape, kernel, stride, padding, count_include_pad, divisor_override)
    return record(AvgPool2DBackward0, (total / divisor).astype(x.dtype), (input,),
                  saved={"self": input}, attrs={"kernel_size": kernel, "stride": shown_stride, "padding": padding,
                                                "ceil_mode": False, "count_include_pad": count_include_pad,
                                                "divisor_override": divisor_override},
                  state={"slices": slices, "padding": padding, "divisor": divisor})


def _bins(size: int, count: int) -> list:
    """torch's adaptive bins: bin i covers [floor(i * size / count), ceil((i + 1) * size / count))."""
    return [(i * size // count, -(-(i + 1) * size // count)) for i in range(count)]


class AdaptiveAvgPool2DBackward0(Node):
    """d adaptive_avg_pool2d / dx: each bin's gradient shared equally among the cells of its bin."""

    def apply(self, grad):
        out = np.zeros(self.input_shape(0), dtype=grad.dtype)
        for i, (top, bottom) in enumerate(self._rows):
            for j, (left, right) in enumerate(self._cols):
                area = (bottom - top) * (right - left)
                out[..., top:bottom, left:right] += grad[..., i, j, None, None] / area
        return (out,)


def adaptive_avg_pool2d(input, output_size):
    """The mean over each of ``output_size`` nearly equal bins of the last two dims (``(1, 1)``: the mean)."""
    height, width = input.shape[-2:]
    out_h, out_w = (output_size[0] or height, output_size[1] or width)
    if (out_h, out_w) == (1, 1):
        return mean(input, (-1, -2), keepdim=True)
    rows, cols = _bins(height, out_h), _bins(width, out_w)
    x = input._data
    data = np.empty(x.shape[:-2] + (out_h, out_w), dtype=x.dtype)
    for i, (top, bottom) in enumerate(rows):
        for j, (left, right) in enumerate(cols):
            data[..., i, j] = x[..., top:bottom, left:right].mean(axis=(-2, -1))
    return record(AdaptiveAvgPool2DBackward0, data, (input,), saved={"self": input}, state={"rows": rows, "cols": cols})
