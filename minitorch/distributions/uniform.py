"""The continuous uniform distribution (``torch.distributions.uniform``)."""

from __future__ import annotations

import minitorch
from minitorch._dtype import Size

from . import constraints
from .distribution import Distribution
from .utils import _NUMBER, broadcast_all

__all__ = ["Uniform"]


class Uniform(Distribution):
    """Values drawn uniformly from the half-open interval ``[low, high)``."""

    has_rsample = True

    def __init__(self, low, high, validate_args=None):
        self.low, self.high = broadcast_all(low, high)
        scalars = isinstance(low, _NUMBER) and isinstance(high, _NUMBER)
        super().__init__(Size() if scalars else self.low.size(), validate_args=validate_args)

    @property
    def arg_constraints(self):
        """``low < high``, each checked against the other."""
        return {"low": constraints.less_than(self.high), "high": constraints.greater_than(self.low)}

    @property
    def mean(self):
        """``(high + low) / 2``."""
        return (self.high + self.low) / 2

    @property
    def mode(self):
        """NaN: every value in the interval is as likely."""
        return minitorch.nan * self.high

    @property
    def stddev(self):
        """``(high - low) / sqrt(12)``."""
        return (self.high - self.low) / 12**0.5

    @property
    def variance(self):
        """``(high - low) ** 2 / 12``."""
        return (self.high - self.low).pow(2) / 12

    def expand(self, batch_shape, _instance=None):
        """The same distribution with ``low`` and ``high`` expanded to ``batch_shape``."""
        new = self._get_checked_instance(Uniform, _instance)
        batch_shape = Size(batch_shape)
        new.low = self.low.expand(batch_shape)
        new.high = self.high.expand(batch_shape)
        super(Uniform, new).__init__(batch_shape, validate_args=False)
        new._validate_args = self._validate_args
        return new

    @constraints.dependent_property(is_discrete=False, event_dim=0)
    def support(self):
        """``Interval(low, high)``."""
        return constraints.interval(self.low, self.high)

    def rsample(self, sample_shape=()):
        """``low + rand * (high - low)``: differentiable in ``low`` and ``high``."""
        shape = self._extended_shape(sample_shape)
        rand = minitorch.rand(shape, dtype=self.low.dtype)
        return self.low + rand * (self.high - self.low)

    def log_prob(self, value):
        """``-log(high - low)`` inside the interval, ``-inf`` outside."""
        if self._validate_args:
            self._validate_sample(value)
        lb = self.low.le(value).to(self.low.dtype)
        ub = self.high.gt(value).to(self.low.dtype)
        return minitorch.log(lb.mul(ub)) - minitorch.log(self.high - self.low)

    def cdf(self, value):
        """``(value - low) / (high - low)``, clamped to ``[0, 1]``."""
        if self._validate_args:
            self._validate_sample(value)
        result = (value - self.low) / (self.high - self.low)
        return result.clamp(min=0, max=1)

    def icdf(self, value):
        """``value * (high - low) + low``."""
        return value * (self.high - self.low) + self.low

    def entropy(self):
        """``log(high - low)``."""
        return minitorch.log(self.high - self.low)
