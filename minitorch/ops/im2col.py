"""``unfold`` (im2col) and ``fold`` (col2im): sliding blocks of an image as columns, and back.

``unfold`` gives, for each position of a ``kh x kw`` window sliding over ``(N, C, H, W)``, the column of the
``C * kh * kw`` values it covers: ``(N, C * kh * kw, L)``, ``L`` the number of positions. A convolution is
then one matrix product with these columns (``ops/conv.py`` works this way). ``fold`` is its transpose: it
adds each column back onto the pixels of its window, so overlapping windows sum. Each is the other's backward
(``Im2ColBackward0``, ``Col2ImBackward0``, as torch names them). The arithmetic is ``ops/conv.py``'s.
"""

import numpy as np

from ..autograd.node import Node, record
from ._formulas import on_tensors
from .conv import _col2im, _im2col, output_size


def blocks(size, kernel, dilation, padding, stride):
    """How many window positions fit along each of the two spatial dims."""
    return [output_size(size[i], kernel[i], stride[i], padding[i], dilation[i]) for i in range(2)]


def _unfold_values(x, kernel, dilation, padding, stride):
    columns, (rows, cols) = _im2col(x, kernel, stride, padding, dilation, 1)
    return np.ascontiguousarray(columns.reshape(x.shape[0], -1, rows * cols))


def _fold_values(columns, output, kernel, dilation, padding, stride):
    n, c = columns.shape[0], columns.shape[1] // (kernel[0] * kernel[1])
    rows, cols = blocks(output, kernel, dilation, padding, stride)
    spread = columns.reshape(n, c, kernel[0], kernel[1], rows, cols)
    return np.ascontiguousarray(_col2im(spread, (n, c, *output), stride, padding, dilation))


class Im2ColBackward0(Node):
    """d unfold(x) = fold(grad, output_size=x's spatial size) (each value read by several windows sums)."""

    double_backward = True

    def apply(self, grad):
        settings = (self._saved_kernel_size, self._saved_dilation, self._saved_padding, self._saved_stride)
        size = self.input_shape(0)[-2:]
        if on_tensors(grad):
            return (col2im(grad, size, *settings),)
        batched = grad if grad.ndim == 3 else grad[None]
        values = _fold_values(batched, size, *settings)
        return (values if grad.ndim == 3 else values[0],)


class Col2ImBackward0(Node):
    """d fold(columns) = unfold(grad) with the same window."""

    double_backward = True

    def apply(self, grad):
        settings = (self._saved_kernel_size, self._saved_dilation, self._saved_padding, self._saved_stride)
        if on_tensors(grad):
            return (im2col(grad, *settings),)
        batched = grad if grad.ndim == 4 else grad[None]
        values = _unfold_values(batched, *settings)
        return (values if grad.ndim == 4 else values[0],)


def check_window(kernel, dilation, padding, stride):
    """torch's errors for a window setting out of range, in the order its shape check makes them."""
    if min(kernel) <= 0:
        raise RuntimeError(f"kernel size should be greater than zero, but got kernel_height: {kernel[0]} "
                           f"kernel_width: {kernel[1]}")
    if min(stride) <= 0:
        raise RuntimeError(f"stride should be greater than zero, but got stride_height: {stride[0]} "
                           f"stride_width: {stride[1]}")
    if min(dilation) <= 0:
        raise RuntimeError(f"dilation should be greater than zero, but got dilation_height: {dilation[0]} "
                           f"dilation_width: {dilation[1]}")
    if min(padding) < 0:
        raise RuntimeError(f"padding should be non-negative, but got pad_height: {padding[0]} "
                           f"pad_width: {padding[1]}")


def im2col(input, kernel_size, dilation, padding, stride):  # noqa: A002
    """``(N, C, H, W)`` (or ``(C, H, W)``) to the columns ``(N, C * kh * kw, L)`` of every window position."""
    check_window(kernel_size, dilation, padding, stride)
    if input.ndim not in (3, 4) or 0 in input.shape[-3:]:
        raise RuntimeError(f"Expected 3D or 4D (batch mode) tensor with possibly 0 batch size and other non-zero "
                           f"dimensions for input, but got: {list(input.shape)}")
    rows, cols = blocks(input.shape[-2:], kernel_size, dilation, padding, stride)
    if rows < 1 or cols < 1:
        raise RuntimeError(f"Given input with spatial size {tuple(input.shape[-2:])}, kernel_size={kernel_size}, "
                           f"dilation={dilation}, padding={padding}, calculated shape of the array of sliding "
                           f"blocks as ({rows}, {cols}), but its components must be at least one.")
    x = input._data if input.ndim == 4 else input._data[None]
    values = _unfold_values(x, kernel_size, dilation, padding, stride)
    return record(Im2ColBackward0, values if input.ndim == 4 else values[0], (input,),
                  attrs={"dilation": dilation, "kernel_size": kernel_size, "padding": padding, "stride": stride,
                         "self_sym_argsize_minus_1": input.shape[-1], "self_sym_argsize_minus_2": input.shape[-2]})


def col2im(input, output_size, kernel_size, dilation, padding, stride):  # noqa: A002
    """Columns ``(N, C * kh * kw, L)`` (or ``(C * kh * kw, L)``) summed back onto ``(N, C, *output_size)``."""
    check_window(kernel_size, dilation, padding, stride)
    if input.ndim not in (2, 3) or 0 in input.shape[-2:]:
        raise RuntimeError("Expected 2D or 3D (batch mode) tensor for input with possibly 0 batch size and non-zero "
                           f"dimensions for input, but got: {list(input.shape)}")
    per_block = kernel_size[0] * kernel_size[1]
    if input.shape[-2] % per_block:
        raise RuntimeError(f"Expected size of input's dimension 1 to be divisible by the product of kernel_size, but "
                           f"got input.size(1)={input.shape[-2]} and kernel_size={kernel_size}.")
    rows, cols = blocks(output_size, kernel_size, dilation, padding, stride)
    if rows < 1 or cols < 1 or rows * cols != input.shape[-1]:
        raise RuntimeError(f"Given output_size={output_size}, kernel_size={kernel_size}, dilation={dilation}, "
                           f"padding={padding}, stride={stride}, expected size of input's dimension 2 to match the "
                           f"calculated number of sliding blocks {rows} * {cols} = {rows * cols}, but got "
                           f"input.size(2)={input.shape[-1]}.")
    columns = input._data if input.ndim == 3 else input._data[None]
    values = _fold_values(columns, output_size, kernel_size, dilation, padding, stride)
    return record(Col2ImBackward0, values if input.ndim == 3 else values[0], (input,),
                  attrs={"dilation": dilation, "kernel_size": kernel_size, "padding": padding, "stride": stride})
