"""2-d max pooling: the forward (values and the index of each maximum) beside its backward Node.

The forward looks at every window through a strided view (no copy, no loop over pixels) and keeps,
for each output, the position of the maximum in the input (``indices``, as torch returns them with
``return_indices=True``). The backward sends each output's gradient to that one position; when
windows overlap, a position that wins several windows receives the sum.
"""

import math

import numpy as np
from numpy.lib.stride_tricks import as_strided

from ..autograd import node as _node
from ..autograd.node import Node, record
from ._formulas import on_tensors, zeros_like


def pooled_size(size, kernel, stride, padding, dilation, ceil_mode):
    """Output length of one dimension, with torch's rule that the last window must start inside."""
    span = size + 2 * padding - dilation * (kernel - 1) - 1
    out = (math.ceil(span / stride) if ceil_mode else span // stride) + 1
    if ceil_mode and (out - 1) * stride >= size + padding:
        out -= 1
    return out


def check_max_pool2d(shape, kernel, stride, padding, dilation, ceil_mode):
    """Raise torch's errors for a bad pooling configuration; return the output ``(height, width)``."""
    if len(shape) not in (3, 4) or 0 in shape[-3:]:
        raise RuntimeError("non-empty 3D or 4D (batch mode) tensor expected for input")
    if 0 in stride:
        raise RuntimeError("stride should not be zero")
    for k, p, d in zip(kernel, padding, dilation):
        if p > (d * (k - 1) + 1) // 2:
            raise RuntimeError(f"pad should be at most half of effective kernel size, but got pad={p}, "
                               f"kernel_size={k} and dilation={d}")
    if padding[0] > kernel[0] // 2 or padding[1] > kernel[1] // 2:  # a second check, without the dilation
        raise RuntimeError("pad should be smaller than or equal to half of kernel size, but got "
                           f"padW = {padding[1]}, padH = {padding[0]}, kW = {kernel[1]}, kH = {kernel[0]}")
    out = [pooled_size(shape[-2 + i], kernel[i], stride[i], padding[i], dilation[i], ceil_mode) for i in (0, 1)]
    if min(out) < 1:
        channels, height, width = shape[-3:]
        raise RuntimeError(f"Given input size: ({channels}x{height}x{width}). Calculated output size: "
                           f"({channels}x{out[0]}x{out[1]}). Output size is too small")
    return tuple(out)


def max_pool2d_forward(x, kernel, stride, padding, dilation, out_size):
    """Max over each window of ``x (N, C, H, W)``: ``(values, indices)``, indices flat in ``H*W``."""
    n, c, h, w = x.shape
    (kh, kw), (sh, sw), (ph, pw), (dh, dw) = kernel, stride, padding, dilation
    out_h, out_w = out_size
    # Pad with the lowest value so padding never wins; enough on the far side for ceil_mode windows.
    pad_bottom = max(ph, (out_h - 1) * sh + dh * (kh - 1) + 1 - h - ph)
    pad_right = max(pw, (out_w - 1) * sw + dw * (kw - 1) + 1 - w - pw)
    lowest = -np.inf if x.dtype.kind == "f" else np.iinfo(x.dtype).min
    padded = np.pad(x, ((0, 0), (0, 0), (ph, pad_bottom), (pw, pad_right)), constant_values=lowest)
    s = padded.strides
    windows = as_strided(padded, (n, c, out_h, out_w, kh, kw),
                         (s[0], s[1], s[2] * sh, s[3] * sw, s[2] * dh, s[3] * dw), writeable=False)
    flat = windows.reshape(n, c, out_h, out_w, kh * kw)
    best = np.argmax(flat, axis=-1)  # the first maximum, as torch picks it (NaN wins, as in torch)
    values = np.take_along_axis(flat, best[..., None], axis=-1)[..., 0]
    top, left = np.arange(out_h)[:, None] * sh - ph, np.arange(out_w)[None, :] * sw - pw
    rows, cols = top + (best // kw) * dh, left + (best % kw) * dw
    # A window holding only the lowest value: torch names its first tap inside the input.
    only_lowest = values == lowest
    if only_lowest.any():
        rows = np.where(only_lowest, np.where(top < 0, top + (-top + dh - 1) // dh * dh, top), rows)
        cols = np.where(only_lowest, np.where(left < 0, left + (-left + dw - 1) // dw * dw, left), cols)
    return values, (rows * w + cols).astype(np.int64)


def max_pool2d_backward(grad, indices, input_shape):
    """Scatter-add each output gradient onto the input position its maximum came from."""
    n, c, h, w = input_shape
    planes = np.arange(n * c).reshape(n, c, 1, 1) * (h * w)
    summed = np.bincount((planes + indices).ravel(), weights=grad.ravel(), minlength=n * c * h * w)
    return summed.reshape(input_shape).astype(grad.dtype, copy=False)


class MaxPool2DWithIndicesBackward0(Node):
    """d maxpool(x)/dx = 1 at each window's maximum (``indices``), 0 elsewhere."""

    double_backward = True

    def apply(self, grad):
        return (max_pool2d_with_indices_backward(grad, self.unpack("self"), self.unpack("result1")),)


class MaxPool2DWithIndicesBackwardBackward0(Node):
    """d max_pool2d_backward(g, x) = grad read at each window's maximum (``indices``) for g, 0 for x."""

    double_backward = True

    def apply(self, grad):
        indices = self.unpack("indices")
        values = _at_indices(grad, indices) if self.needs_input_grad(0) else None
        return values, zeros_like(grad) if self.needs_input_grad(1) else None


def _at_indices(grad, indices):
    """``grad`` (input-shaped) read at each output's flat index within its ``H*W`` plane."""
    planes, picks = grad.shape[:-2] + (-1,), indices.shape[:-2] + (-1,)
    if on_tensors(grad):
        return grad.reshape(planes).gather(-1, indices.reshape(picks)).reshape(indices.shape)
    return np.take_along_axis(grad.reshape(planes), indices.reshape(picks), -1).reshape(indices.shape)


def max_pool2d_with_indices_backward(grad, x, indices):
    """torch's ``max_pool2d_with_indices_backward``: each output's gradient added at its maximum's position.

    On Tensors (``create_graph=True``) recorded as ``MaxPool2DWithIndicesBackwardBackward0``."""
    arrays = [t._data if on_tensors(t) else t for t in (grad, x, indices)]
    g, xv, iv = arrays
    if xv.ndim == 3:
        values = max_pool2d_backward(g[None], iv[None], (1, *xv.shape))[0]
    else:
        values = max_pool2d_backward(g, iv, xv.shape)
    if not on_tensors(grad):
        return values
    return record(MaxPool2DWithIndicesBackwardBackward0, values, (grad, x), saved={"indices": indices})


def max_pool2d_with_indices(input, kernel, stride, padding, dilation, ceil_mode, saved_stride):
    """Record max pooling of a 3-d or 4-d tensor; returns ``(values, indices)`` tensors."""
    out_size = check_max_pool2d(input.shape, kernel, stride, padding, dilation, ceil_mode)
    x = input._data[None] if input._data.ndim == 3 else input._data
    values, indices = max_pool2d_forward(x, kernel, stride, padding, dilation, out_size)
    if input._data.ndim == 3:
        values, indices = values[0], indices[0]
    indices = _node.Tensor._wrap(indices)
    attrs = {"kernel_size": tuple(kernel), "stride": tuple(saved_stride), "padding": tuple(padding),
             "dilation": tuple(dilation), "ceil_mode": ceil_mode}
    out = record(MaxPool2DWithIndicesBackward0, values, (input,), saved={"self": input, "result1": indices},
                 attrs=attrs)
    return out, indices
