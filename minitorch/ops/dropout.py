"""Dropout: multiply by a random mask of 0s and ``1 / (1 - p)``s, as PyTorch does on the CPU.

It is an ordinary multiplication (its node is ``MulBackward0``), so the gradient flows only through
the elements that were kept, scaled by the same factor.
"""

import numpy as np

from .. import _random
from ..autograd import node as _node
from . import arithmetic


def dropout_mask(shape, p, dtype) -> np.ndarray:
    """torch's noise, ``empty(shape).bernoulli_(1 - p).div_(1 - p)``: 0s and ``1 / (1 - p)``s in ``dtype``."""
    dtype = np.dtype(dtype).type
    kept = _random.bernoulli(shape, 1.0 - p)
    return kept.astype(dtype) / dtype(1.0 - p)


def dropout(input, p, inplace):
    """``input * mask``, where each mask element is 0 with probability ``p``, else ``1 / (1 - p)``."""
    if p == 1.0:
        mask = _node.Tensor._wrap(np.zeros((), dtype=input._data.dtype))
    else:
        mask = _node.Tensor._wrap(dropout_mask(input.shape, p, input._data.dtype))
    return input.mul_(mask) if inplace else arithmetic.mul(input, mask)
