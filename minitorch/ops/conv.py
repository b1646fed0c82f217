"""2-d convolution: numpy numerics, the ``ConvolutionBackward0`` node and the ``convolution`` op.

A convolution (strictly, a cross-correlation, as in every deep learning library) slides each filter
over the input. It is written here as one matrix product:

1. ``_im2col`` lays every receptive field out as a column. No data is copied to find the windows
   (``as_strided`` gives a view); one copy makes the columns contiguous for the matrix product.
2. ``weight (out_channels, C*kh*kw) @ columns (C*kh*kw, out_h*out_w)`` gives every output pixel at
   once, batched over samples and groups.

The backward pass reuses the same columns:

- grad of the weight: ``grad_out @ columns.T`` summed over the batch;
- grad of the input: ``weight.T @ grad_out`` gives a gradient per column entry, and each kernel tap
  ``(i, j)`` adds its share back onto the strided slice of the input it read (``_col2im``);
- grad of the bias: ``grad_out`` summed over batch and pixels.

Padding here is symmetric, as in ATen's ``convolution``; ``nn.functional.conv2d`` handles
``padding='same'`` with an even kernel by padding the input first, as PyTorch does.

A 1-d convolution (``conv1d``: input ``(N, C, L)``, weight ``(out, C/groups, k)``) is the 2-d one of
height 1: ``_lift`` adds that height to the arrays and to the settings, ``_drop`` takes it away again.
"""

import numpy as np
from numpy.lib.stride_tricks import as_strided

from ..autograd.node import Node, record
from ._formulas import expand_to, on_tensors, record_gradients


def output_size(size, kernel, stride, padding, dilation):
    """Length of one output dimension: ``(size + 2*padding - dilation*(kernel-1) - 1) // stride + 1``."""
    return (size + 2 * padding - dilation * (kernel - 1) - 1) // stride + 1


def _pad_spatial(x, padding):
    """Zero-pad the last two axes of ``x`` by ``padding = (ph, pw)`` on both sides."""
    ph, pw = padding
    if ph == 0 and pw == 0:
        return x
    n, c, h, w = x.shape
    padded = np.zeros((n, c, h + 2 * ph, w + 2 * pw), dtype=x.dtype)
    padded[:, :, ph:ph + h, pw:pw + w] = x
    return padded


def _windows(padded, kernel, stride, dilation):
    """View of every receptive field: shape ``(N, C, kh, kw, out_h, out_w)``, no copy."""
    n, c, h, w = padded.shape
    kh, kw = kernel
    out_h = output_size(h, kh, stride[0], 0, dilation[0])
    out_w = output_size(w, kw, stride[1], 0, dilation[1])
    sn, sc, sh, sw = padded.strides
    return as_strided(
        padded,
        shape=(n, c, kh, kw, out_h, out_w),
        strides=(sn, sc, sh * dilation[0], sw * dilation[1], sh * stride[0], sw * stride[1]),
        writeable=False,
    )


def _im2col(x, kernel, stride, padding, dilation, groups):
    """Columns of ``x``: shape ``(N, groups, C/groups * kh * kw, out_h * out_w)``, and ``(out_h, out_w)``."""
    windows = _windows(_pad_spatial(x, padding), kernel, stride, dilation)
    n, c, kh, kw, out_h, out_w = windows.shape
    return windows.reshape(n, groups, (c // groups) * kh * kw, out_h * out_w), (out_h, out_w)


def _col2im(columns, input_shape, stride, padding, dilation):
    """Sum column entries ``(N, C, kh, kw, out_h, out_w)`` back onto the pixels they were read from."""
    n, c, kh, kw, out_h, out_w = columns.shape
    ph, pw = padding
    h, w = input_shape[2], input_shape[3]
    padded = np.zeros((n, c, h + 2 * ph, w + 2 * pw), dtype=columns.dtype)
    rows_end, cols_end = stride[0] * (out_h - 1) + 1, stride[1] * (out_w - 1) + 1
    # One vectorised add per kernel tap: tap (i, j) read a strided slice of the padded input.
    for i in range(kh):
        for j in range(kw):
            top, left = i * dilation[0], j * dilation[1]
            padded[:, :, top:top + rows_end:stride[0], left:left + cols_end:stride[1]] += columns[:, :, i, j]
    return padded[:, :, ph:ph + h, pw:pw + w]


def conv2d_forward(x, weight, bias, stride, padding, dilation, groups):
    """Output ``(N, out_channels, out_h, out_w)`` of a grouped 2-d cross-correlation, as ndarrays."""
    out_channels = weight.shape[0]
    columns, (out_h, out_w) = _im2col(x, weight.shape[2:], stride, padding, dilation, groups)
    filters = weight.reshape(groups, out_channels // groups, columns.shape[2])
    out = np.matmul(filters, columns).reshape(x.shape[0], out_channels, out_h, out_w)
    if bias is not None:
        out += bias.reshape(1, -1, 1, 1)
    return out


def conv2d_grad_input(grad, weight, input_shape, stride, padding, dilation, groups):
    """Gradient of the convolution with respect to its input."""
    n, out_channels, out_h, out_w = grad.shape
    _, channels_per_group, kh, kw = weight.shape
    grad_out = grad.reshape(n, groups, out_channels // groups, out_h * out_w)
    filters = weight.reshape(groups, out_channels // groups, channels_per_group * kh * kw)
    columns = np.matmul(filters.transpose(0, 2, 1), grad_out)
    columns = columns.reshape(n, groups * channels_per_group, kh, kw, out_h, out_w)
    return np.ascontiguousarray(_col2im(columns, input_shape, stride, padding, dilation))


def conv2d_grad_weight(grad, x, weight_shape, stride, padding, dilation, groups):
    """Gradient of the convolution with respect to its weight."""
    n, out_channels = grad.shape[:2]
    columns, _ = _im2col(x, weight_shape[2:], stride, padding, dilation, groups)
    grad_out = grad.reshape(n, groups, out_channels // groups, grad.shape[2] * grad.shape[3])
    per_sample = np.matmul(grad_out, columns.transpose(0, 1, 3, 2))
    return per_sample.sum(axis=0).reshape(weight_shape)


def conv2d_grad_bias(grad):
    """Gradient of the convolution with respect to its bias: one sum per output channel."""
    return grad.sum(axis=(0, 2, 3))


def _lift(arrays, stride, padding, dilation):
    """A 1-d convolution's arrays and settings as a 2-d one's: height 1, stride 1, no padding."""
    return ([None if a is None else a[:, :, None, :] for a in arrays], (1, *stride), (0, *padding),
            (1, *dilation))


def _drop(array):
    return None if array is None else np.ascontiguousarray(array[:, :, 0, :])


class ConvolutionBackward0(Node):
    """d conv(x, w) + b: grad_input = conv_transpose(grad, w), grad_weight = conv(x, grad), grad_bias = sum(grad)."""

    double_backward = True

    def apply(self, grad):
        """Return ``(grad_input, grad_weight, grad_bias)``, ``None`` where no gradient is needed."""
        needs = tuple(fn is not None for fn, _ in self.next_functions)
        return convolution_backward(grad, self.unpack("input"), self.unpack("weight"), self._params, needs)


class ConvolutionBackwardBackward0(Node):
    """d convolution_backward(g, x, w): for g, conv(ggI, w) + conv(x, ggW) + ggb; for x, the input gradient of
    conv(x, ggW) at g; for w, the weight gradient of conv(ggI, w) at g."""

    double_backward = True

    def apply(self, grad_grad_input, grad_grad_weight, grad_grad_bias):
        grad_output, x, weight = (self.unpack(name) for name in ("grad_output", "input", "weight"))
        params = self._params
        grad_grad_output = None
        if self.needs_input_grad(0):
            terms = [] if grad_grad_input is None else [_conv(grad_grad_input, weight, params)]
            if grad_grad_weight is not None:
                terms.append(_conv(x, grad_grad_weight, params))
            if grad_grad_bias is not None:
                bias = grad_grad_bias.reshape((1, -1) + (1,) * (grad_output.ndim - 2))
                terms.append(bias if terms else expand_to(bias, grad_output.shape))
            grad_grad_output = _sum(terms)
        grad_x = grad_weight = None
        if self.needs_input_grad(1) and grad_grad_weight is not None:
            grad_x = convolution_backward(grad_output, x, grad_grad_weight, params, (True, False, False))[0]
        if self.needs_input_grad(2) and grad_grad_input is not None:
            grad_weight = convolution_backward(grad_output, grad_grad_input, weight, params, (False, True, False))[1]
        return grad_grad_output, grad_x, grad_weight


def _sum(terms):
    """The sum of the tensors or arrays in ``terms`` (None when there are none)."""
    total = terms[0] if terms else None
    for term in terms[1:]:
        total = total + term
    return total


def _conv(x, weight, params):
    """A convolution without bias, of arrays or (recorded) of Tensors (1-d ones at height 1)."""
    if on_tensors(x):
        return convolution(x, weight, None, *params)
    stride, padding, dilation, groups = params
    if x.ndim == 3:
        (x, weight), stride, padding, dilation = _lift((x, weight), stride, padding, dilation)
        return _drop(conv2d_forward(x, weight, None, stride, padding, dilation, groups))
    return conv2d_forward(x, weight, None, stride, padding, dilation, groups)


def convolution_backward(grad, x, weight, params, needs):
    """torch's ``convolution_backward``: ``(grad_input, grad_weight, grad_bias)``, None where ``needs`` says no.

    On Tensors (``create_graph=True``) the three are outputs of one ``ConvolutionBackwardBackward0`` node."""
    g, xv, wv = (t._data if on_tensors(t) else t for t in (grad, x, weight))
    stride, padding, dilation, groups = params
    one_d = xv.ndim == 3
    if one_d:  # a 1-d convolution: the 2-d one at height 1
        (g, xv, wv), stride, padding, dilation = _lift((g, xv, wv), stride, padding, dilation)
    lifted = (stride, padding, dilation, groups)
    grads = (conv2d_grad_input(g, wv, xv.shape, *lifted) if needs[0] else None,
             conv2d_grad_weight(g, xv, wv.shape, *lifted) if needs[1] else None,
             conv2d_grad_bias(g) if len(needs) > 2 and needs[2] else None)
    if one_d:
        grads = (_drop(grads[0]), _drop(grads[1]), grads[2])
    if not on_tensors(grad):
        return grads
    stride, padding, dilation, groups = params
    return record_gradients(ConvolutionBackwardBackward0, grads, (grad, x, weight),
                            saved={"grad_output": grad, "input": x, "weight": weight},
                            attrs={"stride": stride, "padding": padding, "dilation": dilation, "transposed": False,
                                   "output_padding": (0,) * len(stride), "groups": groups}, state={"params": params})


def convolution(input, weight, bias, stride, padding, dilation, groups):
    """Record a 3-d or 4-d convolution with symmetric ``padding``; arguments are already checked tuples."""
    arrays = (input._data, weight._data)
    lifted_stride, lifted_padding, lifted_dilation = stride, padding, dilation
    if input.ndim == 3:
        arrays, lifted_stride, lifted_padding, lifted_dilation = _lift(arrays, stride, padding, dilation)
    out = conv2d_forward(*arrays, None if bias is None else bias._data, lifted_stride, lifted_padding,
                         lifted_dilation, groups)
    if input.ndim == 3:
        out = _drop(out)
    attrs = {
        "stride": tuple(stride),
        "padding": tuple(padding),
        "dilation": tuple(dilation),
        "transposed": False,
        "output_padding": (0,) * len(stride),
        "groups": groups,
        "bias_sym_sizes_opt": (0,) if bias is None else tuple(bias.shape),
    }
    return record(
        ConvolutionBackward0,
        out,
        inputs=(input, weight, bias),
        saved={"input": input, "weight": weight},
        attrs=attrs,
        state={"params": (tuple(stride), tuple(padding), tuple(dilation), groups)},
    )
