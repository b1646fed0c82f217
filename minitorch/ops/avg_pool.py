"""Average pooling over 2-d windows (``F.avg_pool2d``), with its node ``AvgPool2DBackward0``."""

from __future__ import annotations

import numpy as np

from ..autograd.node import Node, record
from ._formulas import on_tensors, zeros_like
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

    double_backward = True

    def apply(self, grad):
        return (_backward_op(AvgPool2DBackwardBackward0, _spread_windows(_values(grad), self), grad, self,
                             {"kernel_size": self._saved_kernel_size, "stride": self._saved_stride,
                              "padding": self._padding, "ceil_mode": False,
                              "count_include_pad": self._saved_count_include_pad,
                              "divisor_override": self._saved_divisor_override}),)


def _spread_windows(grad, node):
    """Each window's gradient shared among its cells (``node``: an ``AvgPool2DBackward0``)."""
    shape, (top, left) = node.input_shape(0), node._padding
    padded = np.zeros(shape[:-2] + (shape[-2] + 2 * top, shape[-1] + 2 * left), dtype=grad.dtype)
    share = grad / node._divisor
    for rows, cols in node._slices:
        padded[..., rows, cols] += share
    return padded[..., top:top + shape[-2], left:left + shape[-1]]


class AvgPool2DBackwardBackward0(Node):
    """d avg_pool2d_backward(g, x) = avg_pool2d(grad) for g (it is linear in g), 0 for x."""

    double_backward = True

    def apply(self, grad):
        pooled = None
        if self.needs_input_grad(0):
            args = (self._kernel, self._stride, self._padding, self._saved_count_include_pad,
                    self._saved_divisor_override)
            pooled = avg_pool2d(grad, *args) if on_tensors(grad) else _pooled_values(grad, *args)[0]
        return pooled, zeros_like(grad) if self.needs_input_grad(1) else None


def _values(x):
    return x._data if on_tensors(x) else x


def _backward_op(node_cls, values, grad, node, attrs):
    """The gradient ``values`` of a pooling; on Tensors recorded as ``node_cls`` (inputs: grad and the input)."""
    if not on_tensors(grad):
        return values
    state = {name: getattr(node, f"_{name}") for name in ("kernel", "stride", "padding")
             if hasattr(node, f"_{name}")}
    return record(node_cls, values, (grad, node.unpack("self")), attrs=attrs, state=state)


def _pooled_values(x, kernel, stride, padding, count_include_pad=True, divisor_override=None):
    """The mean of every ``kernel`` window of the array ``x``, the windows' slices and the divisor."""
    padded = np.pad(x, [(0, 0)] * (x.ndim - 2) + [(padding[0],) * 2, (padding[1],) * 2])
    _, slices = _windows(x.shape[-2], x.shape[-1], kernel, stride, padding)
    total = sum(padded[..., rows, cols].astype(np.float64) for rows, cols in slices)
    divisor = _divisor(x.shape, kernel, stride, padding, count_include_pad, divisor_override)
    return (total / divisor).astype(x.dtype), slices, divisor


def avg_pool2d(input, kernel, stride, padding, count_include_pad=True, divisor_override=None):
    """The mean of every ``kernel`` window (zero padding counts unless ``count_include_pad=False``); the
    windows move by ``stride``, or by ``kernel`` when ``stride`` is ``()`` (what the node then shows, as torch's)."""
    shown_stride, stride = tuple(stride), tuple(stride) or kernel
    values, slices, divisor = _pooled_values(input._data, kernel, stride, padding, count_include_pad,
                                             divisor_override)
    return record(AvgPool2DBackward0, values, (input,),
                  saved={"self": input}, attrs={"kernel_size": kernel, "stride": shown_stride, "padding": padding,
                                                "ceil_mode": False, "count_include_pad": count_include_pad,
                                                "divisor_override": divisor_override},
                  state={"slices": slices, "padding": padding, "divisor": divisor, "kernel": kernel,
                         "stride": stride})


def _bins(size: int, count: int) -> list:
    """torch's adaptive bins: bin i covers [floor(i * size / count), ceil((i + 1) * size / count))."""
    return [(i * size // count, -(-(i + 1) * size // count)) for i in range(count)]


class AdaptiveAvgPool2DBackward0(Node):
    """d adaptive_avg_pool2d / dx: each bin's gradient shared equally among the cells of its bin."""

    double_backward = True

    def apply(self, grad):
        values = np.zeros(self.input_shape(0), dtype=_values(grad).dtype)
        g = _values(grad)
        for i, (top, bottom) in enumerate(self._rows):
            for j, (left, right) in enumerate(self._cols):
                area = (bottom - top) * (right - left)
                values[..., top:bottom, left:right] += g[..., i, j, None, None] / area
        attrs = {"grad_output_sym_argsize_minus_2": g.shape[-2], "grad_output_sym_argsize_minus_1": g.shape[-1]}
        return (_backward_op(AdaptiveAvgPool2DBackwardBackward0, values, grad, self, attrs),)


class AdaptiveAvgPool2DBackwardBackward0(Node):
    """d adaptive_avg_pool2d_backward(g, x) = adaptive_avg_pool2d(grad) for g (linear in g), 0 for x."""

    double_backward = True

    def apply(self, grad):
        pooled = None
        if self.needs_input_grad(0):
            size = (self._saved_grad_output_sym_argsize_minus_2, self._saved_grad_output_sym_argsize_minus_1)
            pooled = adaptive_avg_pool2d(grad, size) if on_tensors(grad) else _adaptive_values(grad, size)
        return pooled, zeros_like(grad) if self.needs_input_grad(1) else None


def _adaptive_values(x, output_size):
    """The mean over each of ``output_size`` nearly equal bins of the last two dims of the array ``x``."""
    rows, cols = _bins(x.shape[-2], output_size[0]), _bins(x.shape[-1], output_size[1])
    data = np.empty(x.shape[:-2] + tuple(output_size), dtype=x.dtype)
    for i, (top, bottom) in enumerate(rows):
        for j, (left, right) in enumerate(cols):
            data[..., i, j] = x[..., top:bottom, left:right].mean(axis=(-2, -1))
    return data


def adaptive_avg_pool2d(input, output_size):
    """The mean over each of ``output_size`` nearly equal bins of the last two dims (``(1, 1)``: the mean)."""
    height, width = input.shape[-2:]
    out_h, out_w = (output_size[0] or height, output_size[1] or width)
    if (out_h, out_w) == (1, 1):
        return mean(input, (-1, -2), keepdim=True)
    rows, cols = _bins(height, out_h), _bins(width, out_w)
    return record(AdaptiveAvgPool2DBackward0, _adaptive_values(input._data, (out_h, out_w)), (input,),
                  saved={"self": input}, state={"rows": rows, "cols": cols})
