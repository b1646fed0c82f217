"""Average pooling over three spatial dims, without padding: what ``F.local_response_norm`` pools with
(windows of ``size`` neighbouring channels). Recorded as torch's ``AvgPool3DBackward0``; not exposed as
``F.avg_pool3d`` (no padding, ``ceil_mode`` or divisor override here)."""

import itertools

import numpy as np

from ..autograd.node import Node, record


def _taps(input_shape, kernel, stride):
    """For every offset in the window, the slices of the input it reads for all outputs at once."""
    spatial = input_shape[-3:]
    out = [(spatial[i] - kernel[i]) // stride[i] + 1 for i in range(3)]
    return [tuple(slice(offset[i], offset[i] + stride[i] * (out[i] - 1) + 1, stride[i]) for i in range(3))
            for offset in itertools.product(*(range(k) for k in kernel))]


class AvgPool3DBackward0(Node):
    """d mean(window) = grad / window size, spread over every input the window read."""

    def apply(self, grad):
        kernel, stride = self._saved_kernel_size, self._saved_stride
        out = np.zeros(self.input_shape(0), dtype=grad.dtype)
        share = grad / (kernel[0] * kernel[1] * kernel[2])
        for taps in _taps(out.shape, kernel, stride):
            out[(..., *taps)] += share
        return (out,)


def avg_pool3d(input, kernel_size, stride=(1, 1, 1)):  # noqa: A002
    """The mean of every ``kernel_size`` window of the last three dims of ``input``, moving by ``stride``."""
    x = input._data
    taps = _taps(x.shape, kernel_size, stride)
    total = sum(x[(..., *tap)].astype(np.float64) for tap in taps)
    values = (total / len(taps)).astype(x.dtype)
    return record(AvgPool3DBackward0, values, (input,), saved={"self": input},
                  attrs={"kernel_size": tuple(kernel_size), "stride": tuple(stride), "padding": (0, 0, 0),
                         "ceil_mode": False, "count_include_pad": True, "divisor_override": None})
