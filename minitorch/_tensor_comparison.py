"""Tensor methods for comparisons and tests (``x.eq(y)``, ``x.lt_(0)``, ``x.isnan()``...)."""

from __future__ import annotations

from .autograd.grad_mode import no_grad
from .ops import comparison
from .ops.inplace import apply_inplace


class ComparisonMethods:
    """Calls into ``ops/comparison.py``; the operators (``x < y``) are in ``_tensor_methods.py``."""

    def eq(self, other):
        """``torch.eq(self, other)``."""
        return comparison.eq(self, other)

    def eq_(self, other):
        """``eq`` in place: writes 1 or 0 in this tensor's dtype."""
        return apply_inplace(self, comparison.eq.in_place, other)

    def ne(self, other):
        """``torch.ne(self, other)``."""
        return comparison.ne(self, other)

    def ne_(self, other):
        """``ne`` in place: writes 1 or 0 in this tensor's dtype."""
        return apply_inplace(self, comparison.ne.in_place, other)

    def lt(self, other):
        """``torch.lt(self, other)``."""
        return comparison.lt(self, other)

    def lt_(self, other):
        """``lt`` in place: writes 1 or 0 in this tensor's dtype."""
        return apply_inplace(self, comparison.lt.in_place, other)

    def le(self, other):
        """``torch.le(self, other)``."""
        return comparison.le(self, other)

    def le_(self, other):
        """``le`` in place: writes 1 or 0 in this tensor's dtype."""
        return apply_inplace(self, comparison.le.in_place, other)

    def gt(self, other):
        """``torch.gt(self, other)``."""
        return comparison.gt(self, other)

    def gt_(self, other):
        """``gt`` in place: writes 1 or 0 in this tensor's dtype."""
        return apply_inplace(self, comparison.gt.in_place, other)

    def ge(self, other):
        """``torch.ge(self, other)``."""
        return comparison.ge(self, other)

    def ge_(self, other):
        """``ge`` in place: writes 1 or 0 in this tensor's dtype."""
        return apply_inplace(self, comparison.ge.in_place, other)

    def not_equal(self, other):
        """``torch.not_equal(self, other)``."""
        return comparison.not_equal(self, other)

    def not_equal_(self, other):
        """``not_equal`` in place: writes 1 or 0 in this tensor's dtype."""
        return apply_inplace(self, comparison.not_equal.in_place, other)

    def less(self, other):
        """``torch.less(self, other)``."""
        return comparison.less(self, other)

    def less_(self, other):
        """``less`` in place: writes 1 or 0 in this tensor's dtype."""
        return apply_inplace(self, comparison.less.in_place, other)

    def less_equal(self, other):
        """``torch.less_equal(self, other)``."""
        return comparison.less_equal(self, other)

    def less_equal_(self, other):
        """``less_equal`` in place: writes 1 or 0 in this tensor's dtype."""
        return apply_inplace(self, comparison.less_equal.in_place, other)

    def greater(self, other):
        """``torch.greater(self, other)``."""
        return comparison.greater(self, other)

    def greater_(self, other):
        """``greater`` in place: writes 1 or 0 in this tensor's dtype."""
        return apply_inplace(self, comparison.greater.in_place, other)

    def greater_equal(self, other):
        """``torch.greater_equal(self, other)``."""
        return comparison.greater_equal(self, other)

    def greater_equal_(self, other):
        """``greater_equal`` in place: writes 1 or 0 in this tensor's dtype."""
        return apply_inplace(self, comparison.greater_equal.in_place, other)

    def logical_and(self, other):
        """``torch.logical_and(self, other)``."""
        return comparison.logical_and.method(self, other)

    def logical_and_(self, other):
        """``logical_and`` in place."""
        comparison.logical_and_.check_other(other, position=1)
        return _without_gradient(self, comparison.logical_and.method, other)

    def logical_or(self, other):
        """``torch.logical_or(self, other)``."""
        return comparison.logical_or.method(self, other)

    def logical_or_(self, other):
        """``logical_or`` in place."""
        comparison.logical_or_.check_other(other, position=1)
        return _without_gradient(self, comparison.logical_or.method, other)

    def logical_xor(self, other):
        """``torch.logical_xor(self, other)``."""
        return comparison.logical_xor.method(self, other)

    def logical_xor_(self, other):
        """``logical_xor`` in place."""
        comparison.logical_xor_.check_other(other, position=1)
        return _without_gradient(self, comparison.logical_xor.method, other)

    def bitwise_and(self, other):
        """``torch.bitwise_and(self, other)``."""
        return comparison.bitwise_and(self, other)

    def bitwise_and_(self, other):
        """``bitwise_and`` in place."""
        return apply_inplace(self, comparison.bitwise_and, other)

    def bitwise_or(self, other):
        """``torch.bitwise_or(self, other)``."""
        return comparison.bitwise_or(self, other)

    def bitwise_or_(self, other):
        """``bitwise_or`` in place."""
        return apply_inplace(self, comparison.bitwise_or, other)

    def bitwise_xor(self, other):
        """``torch.bitwise_xor(self, other)``."""
        return comparison.bitwise_xor(self, other)

    def bitwise_xor_(self, other):
        """``bitwise_xor`` in place."""
        return apply_inplace(self, comparison.bitwise_xor, other)

    def logical_not(self):
        """``torch.logical_not(self)``."""
        return comparison.logical_not(self)

    def logical_not_(self):
        """``logical_not`` in place."""
        return _without_gradient(self, comparison.logical_not)

    def bitwise_not(self):
        """``torch.bitwise_not(self)``."""
        return comparison.bitwise_not(self)

    def bitwise_not_(self):
        """``bitwise_not`` in place."""
        return apply_inplace(self, comparison.bitwise_not)

    def isnan(self):
        """``torch.isnan(self)``."""
        return comparison.isnan(self)

    def isinf(self):
        """``torch.isinf(self)``."""
        return comparison.isinf(self)

    def isfinite(self):
        """``torch.isfinite(self)``."""
        return comparison.isfinite(self)

    def isposinf(self):
        """``torch.isposinf(self)``."""
        return comparison.isposinf(self)

    def isneginf(self):
        """``torch.isneginf(self)``."""
        return comparison.isneginf(self)

    def isclose(self, other, rtol=1e-05, atol=1e-08, equal_nan=False):
        """``torch.isclose(self, other, rtol, atol, equal_nan)``."""
        return comparison.isclose(self, other, rtol, atol, equal_nan)

    def allclose(self, other, rtol=1e-05, atol=1e-08, equal_nan=False):
        """``torch.allclose(self, other, rtol, atol, equal_nan)``."""
        return comparison.allclose(self, other, rtol, atol, equal_nan)

    def equal(self, other):
        """``torch.equal(self, other)``."""
        return comparison.equal(self, other)


def _without_gradient(tensor, op, *args):
    """An in-place op torch gives no derivative (the logical ops): no leaf check, the history is kept."""
    with no_grad():
        return apply_inplace(tensor, op, *args)
