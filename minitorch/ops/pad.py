"""Constant padding (``F.pad(x, pad, value=v)``, ``nn.ZeroPad2d``) beside its backward Node.

``pad`` lists (before, after) pairs starting from the *last* dimension, as torch reads it; negative
amounts crop instead of padding. The gradient of padding is cropping (and of cropping, zero padding):
the backward is the same function with the amounts negated.
"""

import numpy as np

from ..autograd.node import Node, record
from ._formulas import on_tensors


def pad_array(values, pad, fill=0):
    """``values`` padded (or, for negative amounts, cropped) by ``pad``, filled with ``fill``."""
    crop, widths = [slice(None)] * values.ndim, [(0, 0)] * values.ndim
    for i in range(len(pad) // 2):
        axis = values.ndim - 1 - i
        before, after = pad[2 * i], pad[2 * i + 1]
        if values.shape[axis] + before + after < 0:
            raise RuntimeError("narrow(): length must be non-negative.")
        crop[axis] = slice(max(0, -before), values.shape[axis] - max(0, -after))
        widths[axis] = (max(0, before), max(0, after))
    if values.dtype.kind in "iub":
        fill = int(fill)
    return np.pad(values[tuple(crop)], widths, constant_values=fill)


class ConstantPadNdBackward0(Node):
    """d pad(x)/dx = 1 inside: the gradient cropped back (negative padding)."""

    double_backward = True

    def apply(self, grad):
        crop = [-amount for amount in self._pad]
        return (constant_pad_nd(grad, crop) if on_tensors(grad) else pad_array(grad, crop),)


def constant_pad_nd(input, pad, value=0):
    """Record constant padding of ``input``; ``pad`` is already checked."""
    return record(ConstantPadNdBackward0, pad_array(input._data, pad, value), (input,),
                  attrs={"pad": tuple(amount % 2**64 for amount in pad)}, state={"pad": tuple(pad)})
