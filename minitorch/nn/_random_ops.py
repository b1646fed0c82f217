"""Dropout: multiply by a random mask of 0s and ``1 / (1 - p)``s, as PyTorch does on the CPU.

It is an ordinary multiplication (its node is ``MulBackward0``), so the gradient flows only through
the elements that were kept, scaled by the same factor.
"""

import numpy as np

from .. import _random
from ..ops import arithmetic


def dropout(input, p, inplace):
    """``input * mask``, where each mask element is 0 with probability ``p``, else ``1 / (1 - p)``."""
    from ..tensor import Tensor

    if p == 1.0:
        mask = Tensor._wrap(np.zeros((), dtype=input._data.dtype))
    else:
        dtype = input._data.dtype.type
        kept = _random.bernoulli(input.shape, 1.0 - p)  # torch: empty_like(input).bernoulli_(1 - p)
        mask = Tensor._wrap(kept.astype(dtype) / dtype(1.0 - p))
    return input.mul_(mask) if inplace else arithmetic.mul(input, mask)
