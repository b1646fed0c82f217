"""Tensor methods for rounding, special functions and element-wise ops of two tensors (``x.floor_()``...)."""

from __future__ import annotations

from .ops import elementwise_binary as binary
from .ops import elementwise_math as math
from .ops.inplace import apply_inplace
from .ops.polygamma import polygamma


class RoundingAndBinaryMethods:
    """``x.floor()``, ``x.atan2(y)``, ``x.lerp_(y, 0.5)``...: calls into ``ops/elementwise_*.py``."""

    def sign(self):
        """``torch.sign(self)``."""
        return math.sign(self)

    def sign_(self):
        """``sign`` in place."""
        return apply_inplace(self, math.sign)

    def sgn(self):
        """``torch.sgn(self)``."""
        return math.sgn(self)

    def sgn_(self):
        """``sgn`` in place."""
        return apply_inplace(self, math.sgn)

    def floor(self):
        """``torch.floor(self)``."""
        return math.floor(self)

    def floor_(self):
        """``floor`` in place."""
        return apply_inplace(self, math.floor)

    def ceil(self):
        """``torch.ceil(self)``."""
        return math.ceil(self)

    def ceil_(self):
        """``ceil`` in place."""
        return apply_inplace(self, math.ceil)

    def trunc(self):
        """``torch.trunc(self)``."""
        return math.trunc(self)

    def trunc_(self):
        """``trunc`` in place."""
        return apply_inplace(self, math.trunc)

    def fix(self):
        """``torch.fix(self)``."""
        return math.fix(self)

    def fix_(self):
        """``fix`` in place."""
        return apply_inplace(self, math.fix)

    def frac(self):
        """``torch.frac(self)``."""
        return math.frac(self)

    def frac_(self):
        """``frac`` in place."""
        return apply_inplace(self, math.frac)

    def erf(self):
        """``torch.erf(self)``."""
        return math.erf(self)

    def erf_(self):
        """``erf`` in place."""
        return apply_inplace(self, math.erf)

    def erfc(self):
        """``torch.erfc(self)``."""
        return math.erfc(self)

    def erfc_(self):
        """``erfc`` in place."""
        return apply_inplace(self, math.erfc)

    def erfinv(self):
        """``torch.erfinv(self)``."""
        return math.erfinv(self)

    def erfinv_(self):
        """``erfinv`` in place."""
        return apply_inplace(self, math.erfinv)

    def lgamma(self):
        """``torch.lgamma(self)``."""
        return math.lgamma(self)

    def lgamma_(self):
        """``lgamma`` in place."""
        return apply_inplace(self, math.lgamma)

    def digamma(self):
        """``torch.digamma(self)``."""
        return math.digamma(self)

    def digamma_(self):
        """``digamma`` in place."""
        return apply_inplace(self, math.digamma)

    def polygamma(self, n):
        """``torch.polygamma(n, self)``."""
        return polygamma(n, self)

    def polygamma_(self, n):
        """``polygamma`` in place."""
        return apply_inplace(self, lambda t: polygamma(n, t))

    def deg2rad(self):
        """``torch.deg2rad(self)``."""
        return math.deg2rad(self)

    def deg2rad_(self):
        """``deg2rad`` in place."""
        return apply_inplace(self, math.deg2rad)

    def rad2deg(self):
        """``torch.rad2deg(self)``."""
        return math.rad2deg(self)

    def rad2deg_(self):
        """``rad2deg`` in place."""
        return apply_inplace(self, math.rad2deg)

    def sinc(self):
        """``torch.sinc(self)``."""
        return math.sinc(self)

    def sinc_(self):
        """``sinc`` in place."""
        return apply_inplace(self, math.sinc)

    def atan2(self, other):
        """``torch.atan2(self, other)``."""
        return binary.atan2.method(self, other)

    def atan2_(self, other):
        """``atan2`` in place."""
        return apply_inplace(self, binary.atan2.method, other)

    def arctan2(self, other):
        """``torch.arctan2(self, other)``."""
        return binary.arctan2.method(self, other)

    def arctan2_(self, other):
        """``arctan2`` in place."""
        return apply_inplace(self, binary.arctan2.method, other)

    def hypot(self, other):
        """``torch.hypot(self, other)``."""
        return binary.hypot.method(self, other)

    def hypot_(self, other):
        """``hypot`` in place."""
        return apply_inplace(self, binary.hypot.method, other)

    def fmod(self, other):
        """``torch.fmod(self, other)``."""
        return binary.fmod(self, other)

    def fmod_(self, other):
        """``fmod`` in place."""
        return apply_inplace(self, binary.fmod, other)

    def remainder(self, other):
        """``torch.remainder(self, other)``."""
        return binary.remainder(self, other)

    def remainder_(self, other):
        """``remainder`` in place."""
        return apply_inplace(self, binary.remainder, other)

    def fmax(self, other):
        """``torch.fmax(self, other)``."""
        return binary.fmax.method(self, other)

    def fmin(self, other):
        """``torch.fmin(self, other)``."""
        return binary.fmin.method(self, other)

    def xlogy(self, other):
        """``torch.xlogy(self, other)``."""
        return binary.xlogy(self, other)

    def xlogy_(self, other):
        """``xlogy`` in place."""
        return apply_inplace(self, binary.xlogy, other)

    def copysign(self, other):
        """``torch.copysign(self, other)``."""
        return binary.copysign(self, other)

    def copysign_(self, other):
        """``copysign`` in place."""
        return apply_inplace(self, binary.copysign, other)
