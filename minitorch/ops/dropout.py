"""Dropout: multiply by a random mask of 0s and ``1 / (1 - p)``s, as PyTorch does on the CPU.

It is an ordinary multiplication (its node is ``MulBackward0``), so the gradient flows only through
the elements that were kept, scaled by the same factor.
"""

import numpy as np

from .. import _random
from .._strides import preserved_strides
from ..autograd import node as _node
from . import arithmetic


def _kept_in_memory_order(shape, probability, like) -> np.ndarray:
    """Bernoulli draws in the memory order of ``like``'s ``empty_like`` layout (a transposed input's mask is
    drawn along its columns), as torch fills ``empty_like(input).bernoulli_(1 - p)``."""
    strides = preserved_strides(like)
    order = sorted(range(len(shape)), key=lambda dim: -strides[dim])  # outermost in memory first
    kept = _random.bernoulli(tuple(shape[dim] for dim in order), probability)
    return np.transpose(kept, np.argsort(order))


def dropout_mask(shape, p, dtype, like=None) -> np.ndarray:
    """torch's noise, ``empty_like(input).bernoulli_(1 - p).div_(1 - p)``: 0s and ``1 / (1 - p)``s in ``dtype``,
    drawn in the memory order of ``like`` (the input) when it is given and not row-major."""
    dtype = np.dtype(dtype).type
    if like is None or like.flags.c_contiguous:
        kept = _random.bernoulli(shape, 1.0 - p)
    else:
        kept = _kept_in_memory_order(shape, 1.0 - p, like)
    return kept.astype(dtype) / dtype(1.0 - p)


def dropout(input, p, inplace):
    """``input * mask``, where each mask element is 0 with probability ``p``, else ``1 / (1 - p)``."""
    if p == 1.0:
        mask = _node.Tensor._wrap(np.zeros((), dtype=input._data.dtype))
    else:
        mask = _node.Tensor._wrap(dropout_mask(input.shape, p, input._data.dtype, like=input._data))
    return input.mul_(mask) if inplace else arithmetic.mul(input, mask)
