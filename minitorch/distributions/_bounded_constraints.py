"""``Constraint``, the base class, and the constraints bounded by numbers or tensors (``interval``...).

``constraints`` gives them their public names.
"""

from __future__ import annotations


class Constraint:
    """A region of values; ``check(value)`` tells which elements of ``value`` lie in it."""

    is_discrete = False
    event_dim = 0

    def check(self, value):
        """A bool tensor: True where ``value`` satisfies the constraint."""
        raise NotImplementedError

    def __repr__(self):
        return type(self).__name__[1:] + "()"


class _Bounded(Constraint):
    """Shared ``__init__`` and ``__repr__`` of the constraints with one or two bounds."""

    bound_names = ()

    def __init__(self, *bounds):
        for name, bound in zip(self.bound_names, bounds):
            setattr(self, name, bound)

    def __repr__(self):
        bounds = ", ".join(f"{name}={getattr(self, name)}" for name in self.bound_names)
        return f"{type(self).__name__[1:]}({bounds})"


class _IntegerInterval(_Bounded):
    """Integers in ``[lower_bound, upper_bound]``."""

    is_discrete = True
    bound_names = ("lower_bound", "upper_bound")

    def check(self, value):
        """True where ``value`` is a whole number within the bounds."""
        return (value % 1 == 0) & (self.lower_bound <= value) & (value <= self.upper_bound)


class _IntegerGreaterThan(_Bounded):
    """Integers at least ``lower_bound``."""

    is_discrete = True
    bound_names = ("lower_bound",)

    def check(self, value):
        """True where ``value`` is a whole number not below the bound."""
        return (value % 1 == 0) & (value >= self.lower_bound)


class _GreaterThan(_Bounded):
    """Numbers strictly above ``lower_bound``."""

    bound_names = ("lower_bound",)

    def check(self, value):
        """True where ``value > lower_bound``."""
        return self.lower_bound < value


class _GreaterThanEq(_Bounded):
    """Numbers at least ``lower_bound``."""

    bound_names = ("lower_bound",)

    def check(self, value):
        """True where ``value >= lower_bound``."""
        return self.lower_bound <= value


class _LessThan(_Bounded):
    """Numbers strictly below ``upper_bound``."""

    bound_names = ("upper_bound",)

    def check(self, value):
        """True where ``value < upper_bound``."""
        return value < self.upper_bound


class _Interval(_Bounded):
    """Numbers in the closed interval ``[lower_bound, upper_bound]``."""

    bound_names = ("lower_bound", "upper_bound")

    def check(self, value):
        """True where ``lower_bound <= value <= upper_bound``."""
        return (self.lower_bound <= value) & (value <= self.upper_bound)


class _HalfOpenInterval(_Bounded):
    """Numbers in ``[lower_bound, upper_bound)``."""

    bound_names = ("lower_bound", "upper_bound")

    def check(self, value):
        """True where ``lower_bound <= value < upper_bound``."""
        return (self.lower_bound <= value) & (value < self.upper_bound)
