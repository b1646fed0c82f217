"""Transposed convolution (``conv_transpose1d`` / ``conv_transpose2d``): the gradient of a convolution as an op.

A convolution maps an input ``a`` to ``conv(a, w)``, a linear map of ``a``. Its transpose maps ``x`` back to
the input's shape: every input pixel of ``x`` scatters ``x * w`` onto a window of the (larger) output. That is
exactly the input gradient of the convolution, so the forward pass here is ``conv2d_grad_input`` of
``ops/conv.py`` with ``x`` in the place of the output gradient, and the backward pass swaps the roles back:

- grad of the input: ``conv(grad, w)``, an ordinary convolution;
- grad of the weight: the weight gradient of ``conv(grad, w)`` with ``x`` as its output gradient;
- grad of the bias: ``grad`` summed over batch and pixels.

The output length is ``(L - 1) * stride - 2 * padding + dilation * (k - 1) + output_padding + 1``;
``output_padding`` adds the rows a strided convolution drops, so one transposed convolution can undo the
shape of each of them. torch records it as ``ConvolutionBackward0`` with ``transposed=True``.
"""

import numpy as np

from ..autograd.node import Node, record
from .conv import _drop, _lift, conv2d_forward, conv2d_grad_bias, conv2d_grad_input, conv2d_grad_weight


def transposed_size(size, kernel, stride, padding, dilation, output_padding):
    """Length of one output dimension of a transposed convolution."""
    return (size - 1) * stride - 2 * padding + dilation * (kernel - 1) + output_padding + 1


def _forward(x, weight, bias, stride, padding, dilation, output_padding, groups):
    """The transposed convolution of 4-d arrays: ``x (N, C_in, H, W)``, ``weight (C_in, C_out/groups, kh, kw)``."""
    sizes = [transposed_size(x.shape[2 + i], weight.shape[2 + i], stride[i], padding[i], dilation[i],
                             output_padding[i]) for i in range(2)]
    out_shape = (x.shape[0], weight.shape[1] * groups, *sizes)
    out = conv2d_grad_input(x, weight, out_shape, stride, padding, dilation, groups)
    if bias is not None:
        out += bias.reshape(1, -1, 1, 1)
    return out


class ConvolutionBackward0(Node):
    """d conv_transpose(x, w) + b: grad_input = conv(grad, w), grad_weight = conv_weight_grad(grad, x),
    grad_bias = sum(grad)."""

    def apply(self, grad):
        """Return ``(grad_input, grad_weight, grad_bias)``, ``None`` where no gradient is needed."""
        x, weight = self.unpack("input"), self.unpack("weight")
        stride, padding, dilation, groups = self._params
        one_d = x.ndim == 3
        if one_d:
            (grad, x, weight), stride, padding, dilation = _lift((grad, x, weight), stride, padding, dilation)
        grad_x = grad_w = grad_b = None
        if self.needs_input_grad(0):
            grad_x = conv2d_forward(grad, weight, None, stride, padding, dilation, groups)
        if self.needs_input_grad(1):
            grad_w = conv2d_grad_weight(x, grad, weight.shape, stride, padding, dilation, groups)
        if self.needs_input_grad(2):
            grad_b = conv2d_grad_bias(grad)
        if one_d:
            grad_x, grad_w = _drop(grad_x), _drop(grad_w)
        return grad_x, grad_w, grad_b


def conv_transpose(input, weight, bias, stride, padding, output_padding, groups, dilation):  # noqa: A002
    """Record a 3-d or 4-d transposed convolution; the settings are already checked tuples."""
    x, w = input._data, weight._data
    lifted = (stride, padding, dilation)
    if input.ndim == 3:
        (x, w), *lifted = _lift((x, w), stride, padding, dilation)
    lifted_output_padding = (0, *output_padding) if input.ndim == 3 else output_padding
    out = _forward(x, w, None if bias is None else bias._data, *lifted, lifted_output_padding, groups)
    out = _drop(out) if input.ndim == 3 else np.ascontiguousarray(out)
    attrs = {
        "stride": tuple(stride),
        "padding": tuple(padding),
        "dilation": tuple(dilation),
        "transposed": True,
        "output_padding": tuple(output_padding),
        "groups": groups,
        "bias_sym_sizes_opt": (0,) if bias is None else tuple(bias.shape),
    }
    return record(ConvolutionBackward0, out, inputs=(input, weight, bias), saved={"input": input, "weight": weight},
                  attrs=attrs, state={"params": (tuple(stride), tuple(padding), tuple(dilation), groups)})
