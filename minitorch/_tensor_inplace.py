"""Tensor's in-place methods (``x.add_(1)``, ``x += 1``, ``x[0] = 5``, ``x.zero_()``...).

Each runs the out-of-place op through ``apply_inplace`` (``ops/inplace.py``), the one helper that checks leaves,
writes the result into the tensor's memory, bumps the version counter and rebases the tensor's history.
"""

from __future__ import annotations

import numpy as np

from ._tensor_random import RandomMethods
from .autograd.node import Node, record
from .ops import arithmetic, copy, indexing, pointwise
from .ops.inplace import apply_inplace


def _fill(a, value):
    """The values ``a.fill_(value)`` writes; recorded as ``FillBackward2`` (no gradient to old values)."""
    return record(FillBackward2, np.full(a.shape, value, dtype=a._data.dtype), (a,))


def _zero(a):
    """The values ``a.zero_()`` writes; recorded as ``ZeroBackward0``."""
    return record(ZeroBackward0, np.zeros_like(a._data), (a,))


class FillBackward2(Node):
    def apply(self, grad):
        return (np.zeros_like(grad),)


class ZeroBackward0(FillBackward2):
    pass


class InPlaceMethods(RandomMethods):
    """The methods that change a tensor's values where they are."""

    def add_(self, other, alpha=1):
        """Add in place."""
        return apply_inplace(self, arithmetic.add, other, alpha)

    def sub_(self, other, alpha=1):
        """Subtract in place."""
        return apply_inplace(self, arithmetic.sub, other, alpha)

    def mul_(self, other):
        """Multiply in place."""
        return apply_inplace(self, arithmetic.mul, other)

    def div_(self, other):
        """Divide in place."""
        return apply_inplace(self, arithmetic.div, other)

    def pow_(self, exponent):
        """Raise to a power in place."""
        return apply_inplace(self, arithmetic.pow, exponent)

    def clamp_(self, min=None, max=None):  # noqa: A002
        """Clamp in place."""
        return apply_inplace(self, pointwise.clamp, min, max)

    def copy_(self, src):
        """Write ``src``'s values (broadcast) into this tensor; recorded as ``CopyBackwards``."""
        return apply_inplace(self, copy.copy_values, src)

    def fill_(self, value):
        """Set every element to ``value``."""
        return apply_inplace(self, _fill, value)

    def zero_(self):
        """Set every element to 0."""
        return apply_inplace(self, _zero)

    __iadd__, __isub__, __imul__, __itruediv__ = add_, sub_, mul_, div_

    def __setitem__(self, index, value):
        indexing.setitem(self, index, value)



def _in_place_unary(op):
    def method(self):
        return apply_inplace(self, op)

    method.__name__ = op.__name__ + "_"
    method.__doc__ = f"``{op.__name__}`` in place."
    return method


for _op in (pointwise.exp, pointwise.sigmoid, pointwise.tanh, pointwise.relu, arithmetic.neg,
            pointwise.sqrt, pointwise.abs, pointwise.log, arithmetic.reciprocal):
    setattr(InPlaceMethods, _op.__name__ + "_", _in_place_unary(_op))

