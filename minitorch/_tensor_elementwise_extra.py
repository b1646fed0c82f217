"""Tensor methods for element-wise ops with extra arguments (``x.round(decimals=2)``, ``x.lerp_(y, 0.5)``...)."""

from __future__ import annotations

from .ops import arithmetic, division, pointwise
from .ops import elementwise_extra as extra
from .ops.inplace import apply_inplace


class ExtraElementwiseMethods:
    """Methods whose op takes more than one operand or a keyword: calls into ``ops/elementwise_extra.py``."""

    def round(self, *, decimals=0):
        """``torch.round(self, decimals=decimals)``."""
        return extra.round(self, decimals=decimals)

    def round_(self, *, decimals=0):
        """``round`` in place."""
        return apply_inplace(self, extra.round, decimals=decimals)

    def clamp_min(self, min):
        """``torch.clamp_min(self, min)``."""
        return extra.clamp_min(self, min)

    def clamp_min_(self, min):
        """``clamp_min`` in place."""
        return apply_inplace(self, extra.clamp_min, min)

    def clamp_max(self, max):
        """``torch.clamp_max(self, max)``."""
        return extra.clamp_max(self, max)

    def clamp_max_(self, max):
        """``clamp_max`` in place."""
        return apply_inplace(self, extra.clamp_max, max)

    def lerp(self, end, weight):
        """``torch.lerp(self, end, weight)``."""
        return extra.lerp(self, end, weight)

    def lerp_(self, end, weight):
        """``lerp`` in place."""
        return apply_inplace(self, extra.lerp, end, weight)

    def addcmul(self, tensor1, tensor2, *, value=1):
        """``torch.addcmul(self, tensor1, tensor2, value=value)``."""
        return extra.addcmul(self, tensor1, tensor2, value=value)

    def addcmul_(self, tensor1, tensor2, *, value=1):
        """``addcmul`` in place."""
        return apply_inplace(self, extra.addcmul, tensor1, tensor2, value=value)

    def addcdiv(self, tensor1, tensor2, *, value=1):
        """``torch.addcdiv(self, tensor1, tensor2, value=value)``."""
        return extra.addcdiv(self, tensor1, tensor2, value=value)

    def addcdiv_(self, tensor1, tensor2, *, value=1):
        """``addcdiv`` in place."""
        return apply_inplace(self, extra.addcdiv, tensor1, tensor2, value=value)

    def div(self, other, *, rounding_mode=None):
        """``torch.div(self, other, rounding_mode=rounding_mode)``."""
        return division.div(self, other, rounding_mode=rounding_mode)

    def div_(self, other, *, rounding_mode=None):
        """``div`` in place."""
        return apply_inplace(self, division.div, other, rounding_mode=rounding_mode)

    def divide(self, other, *, rounding_mode=None):
        """``torch.divide(self, other, rounding_mode=rounding_mode)``."""
        return division.divide(self, other, rounding_mode=rounding_mode)

    def divide_(self, other, *, rounding_mode=None):
        """``divide`` in place."""
        return apply_inplace(self, division.divide, other, rounding_mode=rounding_mode)

    def true_divide(self, other):
        """``torch.true_divide(self, other)``."""
        return division.true_divide(self, other)

    def true_divide_(self, other):
        """``true_divide`` in place."""
        return apply_inplace(self, division.true_divide, other)

    def floor_divide(self, other):
        """``torch.floor_divide(self, other)``."""
        return division.floor_divide(self, other)

    def floor_divide_(self, other):
        """``floor_divide`` in place."""
        return apply_inplace(self, division.floor_divide, other)

    def square(self):
        """``torch.square(self)``."""
        return extra.square(self)

    def square_(self):
        """``square`` in place."""
        return apply_inplace(self, extra.square)

    def float_power(self, exponent):
        """``torch.float_power(self, exponent)``."""
        return extra.float_power(self, exponent)

    def float_power_(self, exponent):
        """``float_power`` in place: only a float64 tensor can hold the result."""
        if self.dtype.name != "float64":
            raise RuntimeError(f"the base given to float_power_ has dtype {self.dtype.legacy_name} but the operation's "
                               "result requires dtype Double")
        return apply_inplace(self, extra.float_power, exponent)

    def nan_to_num(self, nan=0.0, posinf=None, neginf=None):
        """``torch.nan_to_num(self, nan, posinf, neginf)``."""
        return extra.nan_to_num(self, nan, posinf, neginf)

    def nan_to_num_(self, nan=0.0, posinf=None, neginf=None):
        """``nan_to_num`` in place."""
        return apply_inplace(self, extra.nan_to_num, nan, posinf, neginf)

    def logit(self, eps=None):
        """``torch.logit(self, eps)``."""
        return extra.logit(self, eps)

    def logit_(self, eps=None):
        """``logit`` in place."""
        return apply_inplace(self, extra.logit, eps)

    def multiply(self, other):
        """``torch.multiply(self, other)``."""
        return arithmetic.mul(self, other)

    def multiply_(self, other):
        """``multiply`` in place."""
        return apply_inplace(self, arithmetic.mul, other)

    def negative(self):
        """``torch.negative(self)``."""
        return arithmetic.neg(self)

    def negative_(self):
        """``negative`` in place."""
        return apply_inplace(self, arithmetic.neg)

    def absolute(self):
        """``torch.absolute(self)``."""
        return pointwise.abs(self)

    def absolute_(self):
        """``absolute`` in place."""
        return apply_inplace(self, pointwise.abs)

    def subtract(self, other, *, alpha=1):
        """``torch.subtract(self, other, alpha)``."""
        return arithmetic.sub(self, other, alpha)

    def subtract_(self, other, *, alpha=1):
        """``subtract`` in place."""
        return apply_inplace(self, arithmetic.sub, other, alpha)
