"""Tensor methods for trigonometric, hyperbolic, exponential and logarithmic functions (``x.sin_()``...)."""

from __future__ import annotations

from .ops import elementwise_math as math
from .ops.inplace import apply_inplace


class TrigExpLogMethods:
    """``x.sin()`` and ``x.sin_()``: calls into the table of ``ops/elementwise_math.py``."""

    def sin(self):
        """``torch.sin(self)``."""
        return math.sin(self)

    def sin_(self):
        """``sin`` in place."""
        return apply_inplace(self, math.sin)

    def cos(self):
        """``torch.cos(self)``."""
        return math.cos(self)

    def cos_(self):
        """``cos`` in place."""
        return apply_inplace(self, math.cos)

    def tan(self):
        """``torch.tan(self)``."""
        return math.tan(self)

    def tan_(self):
        """``tan`` in place."""
        return apply_inplace(self, math.tan)

    def asin(self):
        """``torch.asin(self)``."""
        return math.asin(self)

    def asin_(self):
        """``asin`` in place."""
        return apply_inplace(self, math.asin)

    def arcsin(self):
        """``torch.arcsin(self)``."""
        return math.arcsin(self)

    def arcsin_(self):
        """``arcsin`` in place."""
        return apply_inplace(self, math.arcsin)

    def acos(self):
        """``torch.acos(self)``."""
        return math.acos(self)

    def acos_(self):
        """``acos`` in place."""
        return apply_inplace(self, math.acos)

    def arccos(self):
        """``torch.arccos(self)``."""
        return math.arccos(self)

    def arccos_(self):
        """``arccos`` in place."""
        return apply_inplace(self, math.arccos)

    def atan(self):
        """``torch.atan(self)``."""
        return math.atan(self)

    def atan_(self):
        """``atan`` in place."""
        return apply_inplace(self, math.atan)

    def arctan(self):
        """``torch.arctan(self)``."""
        return math.arctan(self)

    def arctan_(self):
        """``arctan`` in place."""
        return apply_inplace(self, math.arctan)

    def sinh(self):
        """``torch.sinh(self)``."""
        return math.sinh(self)

    def sinh_(self):
        """``sinh`` in place."""
        return apply_inplace(self, math.sinh)

    def cosh(self):
        """``torch.cosh(self)``."""
        return math.cosh(self)

    def cosh_(self):
        """``cosh`` in place."""
        return apply_inplace(self, math.cosh)

    def asinh(self):
        """``torch.asinh(self)``."""
        return math.asinh(self)

    def asinh_(self):
        """``asinh`` in place (torch gives it no derivative)."""
        return apply_inplace(self, math.asinh_in_place)

    def arcsinh(self):
        """``torch.arcsinh(self)``."""
        return math.arcsinh(self)

    def arcsinh_(self):
        """``arcsinh`` in place (torch gives it no derivative)."""
        return apply_inplace(self, math.asinh_in_place)

    def acosh(self):
        """``torch.acosh(self)``."""
        return math.acosh(self)

    def acosh_(self):
        """``acosh`` in place (torch gives it no derivative)."""
        return apply_inplace(self, math.acosh_in_place)

    def arccosh(self):
        """``torch.arccosh(self)``."""
        return math.arccosh(self)

    def arccosh_(self):
        """``arccosh`` in place (torch gives it no derivative)."""
        return apply_inplace(self, math.acosh_in_place)

    def atanh(self):
        """``torch.atanh(self)``."""
        return math.atanh(self)

    def atanh_(self):
        """``atanh`` in place (torch gives it no derivative)."""
        return apply_inplace(self, math.atanh_in_place)

    def arctanh(self):
        """``torch.arctanh(self)``."""
        return math.arctanh(self)

    def arctanh_(self):
        """``arctanh`` in place (torch gives it no derivative)."""
        return apply_inplace(self, math.atanh_in_place)

    def exp2(self):
        """``torch.exp2(self)``."""
        return math.exp2(self)

    def exp2_(self):
        """``exp2`` in place."""
        return apply_inplace(self, math.exp2)

    def expm1(self):
        """``torch.expm1(self)``."""
        return math.expm1(self)

    def expm1_(self):
        """``expm1`` in place."""
        return apply_inplace(self, math.expm1)

    def log2(self):
        """``torch.log2(self)``."""
        return math.log2(self)

    def log2_(self):
        """``log2`` in place."""
        return apply_inplace(self, math.log2)

    def log10(self):
        """``torch.log10(self)``."""
        return math.log10(self)

    def log10_(self):
        """``log10`` in place."""
        return apply_inplace(self, math.log10)

    def log1p(self):
        """``torch.log1p(self)``."""
        return math.log1p(self)

    def log1p_(self):
        """``log1p`` in place."""
        return apply_inplace(self, math.log1p)

    def rsqrt(self):
        """``torch.rsqrt(self)``."""
        return math.rsqrt(self)

    def rsqrt_(self):
        """``rsqrt`` in place."""
        return apply_inplace(self, math.rsqrt)
