"""Resizing the last dims of a batch of images (``F.interpolate``: nearest, linear, bilinear) and adaptive max
pooling. Each resize is a weight matrix per resized dim, so the forward is ``A @ x @ B.T`` and the backward
``A.T @ grad @ B``."""

from __future__ import annotations

import math

import numpy as np

from ..autograd import node as _node
from ..autograd.node import Node, record


def _source_scale(in_size, out_size, scale, align_corners):
    if align_corners:
        return (in_size - 1) / (out_size - 1) if out_size > 1 else 0.0
    return 1.0 / scale if scale else in_size / out_size


def resize_matrix(in_size, out_size, scale, mode, align_corners, dtype):
    """The (out_size, in_size) weights that resize one dim as torch's kernel does."""
    weights = np.zeros((out_size, in_size), dtype=np.float64)
    ratio = _source_scale(in_size, out_size, scale, align_corners)
    rows = np.arange(out_size)
    if mode == "nearest":
        weights[rows, np.minimum(np.floor(rows * np.float32(ratio)).astype(np.int64), in_size - 1)] = 1
        return weights.astype(dtype)
    source = rows * ratio if align_corners else np.maximum((rows + 0.5) * ratio - 0.5, 0)
    low = np.minimum(np.floor(source).astype(np.int64), in_size - 1)
    high = np.minimum(low + 1, in_size - 1)
    fraction = source - low
    np.add.at(weights, (rows, low), 1 - fraction)
    np.add.at(weights, (rows, high), fraction)
    return weights.astype(dtype)


def _apply_matrices(array, matrices):
    """Multiply each of the last dims by its matrix (the first matrix for the first resized dim)."""
    for offset, matrix in enumerate(matrices):
        axis = array.ndim - len(matrices) + offset
        array = np.moveaxis(np.tensordot(matrix, np.moveaxis(array, axis, 0), axes=1), 0, axis)
    return array


class _ResizeBackward(Node):
    """d resize(x): the gradient multiplied by each dim's weight matrix transposed (summed onto its sources)."""

    double_backward = True

    def apply(self, grad):
        values = grad._data if isinstance(grad, _node.Tensor) else grad
        values = _apply_matrices(values, [m.T for m in self._matrices]).astype(values.dtype)
        if not isinstance(grad, _node.Tensor):
            return (values,)
        # with create_graph=True torch's upsample_*_backward is an op (UpsampleNearest2DBackwardBackward0...)
        attrs = {name: getattr(self, f"_saved_{name}") for name in self._shown}
        return (record(BACKWARD_NODES[type(self)], np.ascontiguousarray(values), (grad,), attrs=attrs,
                       state={"matrices": self._matrices, "shown": self._shown}),)


class _ResizeBackwardBackward(Node):
    """d upsample_*_backward(g): the resize itself, applied to the incoming gradient."""

    double_backward = True

    def apply(self, grad):
        if not isinstance(grad, _node.Tensor):
            return (_apply_matrices(grad, self._matrices).astype(grad.dtype),)
        return (_record_resize(grad, self._matrices, FORWARD_NODES[type(self)],
                               {name: getattr(self, f"_saved_{name}") for name in self._shown}),)


def _resize_nodes(name: str, doc: str) -> tuple:
    """The node of one resize and the node of its gradient (its backward as an op), named as torch's."""
    forward = type(f"{name}Backward0", (_ResizeBackward,), {"__doc__": doc, "__module__": __name__})
    backward = type(f"{name}BackwardBackward0", (_ResizeBackwardBackward,),
                    {"__doc__": _ResizeBackwardBackward.__doc__, "__module__": __name__})
    return forward, backward


UpsampleNearest1DBackward0, UpsampleNearest1DBackwardBackward0 = _resize_nodes(
    "UpsampleNearest1D", "d nearest(x): each output's gradient added onto the input it copied.")
UpsampleNearest2DBackward0, UpsampleNearest2DBackwardBackward0 = _resize_nodes(
    "UpsampleNearest2D", "d nearest(x): each output's gradient added onto the input it copied.")
UpsampleLinear1DBackward0, UpsampleLinear1DBackwardBackward0 = _resize_nodes(
    "UpsampleLinear1D", "d linear(x): each output's gradient shared between its two inputs by their weights.")
UpsampleBilinear2DBackward0, UpsampleBilinear2DBackwardBackward0 = _resize_nodes(
    "UpsampleBilinear2D", "d bilinear(x): each output's gradient shared among its four inputs by their weights.")
NODES = {("nearest", 1): UpsampleNearest1DBackward0, ("nearest", 2): UpsampleNearest2DBackward0,
         ("linear", 1): UpsampleLinear1DBackward0, ("bilinear", 2): UpsampleBilinear2DBackward0}
BACKWARD_NODES = {UpsampleNearest1DBackward0: UpsampleNearest1DBackwardBackward0,
                  UpsampleNearest2DBackward0: UpsampleNearest2DBackwardBackward0,
                  UpsampleLinear1DBackward0: UpsampleLinear1DBackwardBackward0,
                  UpsampleBilinear2DBackward0: UpsampleBilinear2DBackwardBackward0}
FORWARD_NODES = {backward: forward for forward, backward in BACKWARD_NODES.items()}


def _record_resize(input, matrices, node_cls, shown: dict):  # noqa: A002
    """The resize of ``input`` by its dims' ``matrices``, recorded with ``node_cls`` (torch's saved values:
    ``shown`` and the input's sizes)."""
    out = _apply_matrices(input._data, matrices).astype(input._data.dtype)
    return record(node_cls, np.ascontiguousarray(out), (input,), attrs={**shown, "self_sym_sizes": tuple(input.shape)},
                  state={"matrices": matrices, "shown": tuple(shown)})


def resize(input, sizes, scales, mode, align_corners):  # noqa: A002 (torch's argument name)
    """``input`` with its last ``len(sizes)`` dims resized to ``sizes`` (``scales``: the given factors or None)."""
    dims = input.shape[-len(sizes):]
    matrices = [resize_matrix(n, m, s, mode, align_corners, input._data.dtype) for n, m, s in zip(dims, sizes, scales)]
    scales_shown = {"scales": scales[0]} if len(scales) == 1 else {"scales_h": scales[0], "scales_w": scales[1]}
    shown = {"output_size": tuple(sizes), **scales_shown}
    if mode != "nearest":
        shown["align_corners"] = bool(align_corners)
    return _record_resize(input, matrices, NODES[(mode, len(sizes))], shown)


def output_sizes(dims, size, scale_factor):
    """The resized dims and the scales torch passes to its kernel (None when a size was given)."""
    count = len(dims)
    if size is not None:
        sizes = [size] * count if isinstance(size, int) else list(size)
        return sizes, [None] * count
    scales = [scale_factor] * count if not isinstance(scale_factor, (tuple, list)) else list(scale_factor)
    return [int(math.floor(n * float(s))) for n, s in zip(dims, scales)], [float(s) for s in scales]


class AdaptiveMaxPool2DBackward0(Node):
    """d adaptive_max_pool2d(x): each output's gradient goes to the input it picked."""

    def apply(self, grad):
        indices = self.unpack("result1")
        shape = self.input_shape(0)
        out = np.zeros(shape[:-2] + (shape[-2] * shape[-1],), dtype=grad.dtype)
        flat_grad = grad.reshape(grad.shape[:-2] + (-1,))
        flat_index = indices.reshape(indices.shape[:-2] + (-1,))
        lead = np.indices(flat_index.shape)[:-1]
        np.add.at(out, (*lead, flat_index), flat_grad)
        return (out.reshape(shape),)


def _bins(in_size, out_size):
    return [(i * in_size // out_size, -(-(i + 1) * in_size // out_size)) for i in range(out_size)]


def adaptive_max_pool2d(input, output_size):  # noqa: A002
    """The largest value of each of ``output_size`` nearly equal bins of the last two dims, and where it was."""
    height, width = input.shape[-2:]
    out_h, out_w = output_size
    values = np.empty(input.shape[:-2] + (out_h, out_w), dtype=input._data.dtype)
    indices = np.empty(values.shape, dtype=np.int64)
    for i, (top, bottom) in enumerate(_bins(height, out_h)):
        for j, (left, right) in enumerate(_bins(width, out_w)):
            window = input._data[..., top:bottom, left:right].reshape(input.shape[:-2] + (-1,))
            picked = np.argmax(window, axis=-1)  # the first largest; nan counts as largest, as torch's
            nan = np.isnan(window).any(axis=-1)
            picked = np.where(nan, np.argmax(np.isnan(window), axis=-1), picked)
            cols = right - left
            indices[..., i, j] = (top + picked // cols) * width + left + picked % cols
            values[..., i, j] = np.take_along_axis(window, picked[..., None], -1)[..., 0]
    index_tensor = _node.Tensor._wrap(indices)
    out = record(AdaptiveMaxPool2DBackward0, values, (input,), attrs={"result1": index_tensor, "self": input})
    return out, index_tensor
