"""Tensor's in-place methods (``x.add_(1)``, ``x += 1``, ``x[0] = 5``, ``x.zero_()``...).

Each runs the out-of-place op through ``apply_inplace`` (``ops/inplace.py``), the one helper that checks leaves,
writes the result into the tensor's memory, bumps the version counter and rebases the tensor's history.
"""

from __future__ import annotations

import numpy as np

from ._dtype import result_type
from ._tensor_random import RandomMethods
from .autograd.view_history import INTERNAL_OVERLAP_ERROR
from .ops import arithmetic, copy, index_put, pointwise
from .ops.inplace import apply_inplace, changed_in_place, has_internal_overlap


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
        _check_clamp_cast(self, min, max)
        return apply_inplace(self, pointwise.clamp, min, max)

    def copy_(self, src):
        """Write ``src``'s values (broadcast, converted to this dtype) into this tensor; ``CopyBackwards``."""
        if copy.same_data(self, src):  # torch's copy_ returns at once: no overlap to refuse
            return apply_inplace(self, copy.copy_values, src, cast=True, overlap_ok=True, reads_inputs_first=True)
        if has_internal_overlap(self._data):  # refused before the shapes are compared
            raise RuntimeError(INTERNAL_OVERLAP_ERROR)
        return apply_inplace(self, copy.copy_values, src, cast=True)

    def fill_(self, value):
        """Set every element to ``value`` (a number, or a 0-d tensor that then gets a gradient)."""
        is_number = not hasattr(value, "_data")
        return apply_inplace(self, copy.fill_values, value, cast=True, overlap_ok=is_number, reads_inputs_first=True)

    def zero_(self):
        """Set every element to 0."""
        return apply_inplace(self, copy.zero_values, cast=True, overlap_ok=True)

    __iadd__, __isub__, __imul__, __itruediv__ = add_, sub_, mul_, div_

    def __setitem__(self, index, value):
        index_put.setitem(self, index, value)

    def exp_(self):
        """``exp`` in place."""
        return apply_inplace(self, pointwise.exp)

    def sigmoid_(self):
        """``sigmoid`` in place."""
        return apply_inplace(self, pointwise.sigmoid)

    def tanh_(self):
        """``tanh`` in place."""
        return apply_inplace(self, pointwise.tanh)

    def relu_(self):
        """``relu`` in place."""
        return apply_inplace(self, pointwise.relu)

    def neg_(self):
        """``neg`` in place."""
        return apply_inplace(self, arithmetic.neg)

    def sqrt_(self):
        """``sqrt`` in place."""
        return apply_inplace(self, pointwise.sqrt)

    def abs_(self):
        """``abs`` in place."""
        return apply_inplace(self, pointwise.abs)

    def log_(self):
        """``log`` in place."""
        return apply_inplace(self, pointwise.log)

    def reciprocal_(self):
        """``reciprocal`` in place."""
        return apply_inplace(self, arithmetic.reciprocal)

    def resize_(self, *sizes, memory_format=None):
        """Give the tensor a new shape in place, keeping its first values in order (new ones are zeros here,
        uninitialised in torch); a tensor that requires grad cannot be resized."""
        from ._factories import _sizes  # cycle: _factories imports minitorch.tensor, which imports this module

        if self.requires_grad:
            raise RuntimeError("cannot resize variables that require grad")
        shape = _sizes(sizes)
        count = int(np.prod(shape, dtype=np.int64))
        flat = self._data.reshape(-1)  # a view of the same memory when the tensor is contiguous
        if count <= flat.size:
            self._data = flat[:count].reshape(shape)
        else:
            grown = np.zeros(count, dtype=self._data.dtype)
            grown[:flat.size] = flat
            self._data = grown.reshape(shape)
        changed_in_place(self)
        return self


_CPP_TYPE_NAMES = {"Bool": "bool", "Byte": "unsigned char", "Char": "signed char", "Short": "short int",
                   "Int": "int", "Long": "long int", "Half": "c10::Half", "Float": "float", "Double": "double"}


def _check_clamp_cast(tensor, low, high) -> None:
    """``clamp_`` refuses bounds that would change the dtype, naming the output type as C++ does."""
    result = result_type(tensor, *(bound for bound in (low, high) if bound is not None))
    if result.category > tensor.dtype.category:
        raise RuntimeError(f"result type {result.legacy_name} can't be cast to the desired output type "
                           f"{_CPP_TYPE_NAMES.get(tensor.dtype.legacy_name, tensor.dtype.legacy_name)}")
