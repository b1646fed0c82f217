"""The arithmetic of optimizer updates, rounded the way PyTorch's CPU kernels round it.

PyTorch computes ``x.add(y, alpha=a)``, ``lerp`` and ``addcmul`` with a fused multiply-add: the
product is not rounded before the addition. Plain numpy rounds twice, and after a few steps the
parameters differ in the last printed digit. For float32 the fused result is obtained exactly by
doing the multiply-add in float64 (a product of two float32 values fits in a float64) and rounding
once at the end.
"""

import numpy as np

from ..ops._util import fused_multiply_add as _fused


def add_scaled(x, alpha, y):
    """``torch.add(x, y, alpha=alpha)``."""
    return _fused(x, alpha, y)


def lerp(start, end, weight):
    """``torch.lerp(start, end, weight)``: the formula depends on which end ``weight`` is closer to."""
    if weight < 0.5:
        return _fused(start, weight, end - start)
    return _fused(end, -(1 - weight), end - start)


def addcmul(x, value, a, b):
    """``torch.addcmul(x, a, b, value=value)``: ``x + (value * a) * b``."""
    return _fused(x, np.asarray(value, dtype=a.dtype) * a, b)


def addcdiv(x, value, a, b):
    """``torch.addcdiv(x, a, b, value=value)``: ``x + (value * a) / b``."""
    return x + (np.asarray(value, dtype=a.dtype) * a) / b
