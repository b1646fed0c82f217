"""The Gamma distribution (``torch.distributions.gamma``)."""

from __future__ import annotations

import minitorch
from minitorch._dtype import Size

from . import constraints
from ._gamma_sampling import standard_gamma
from .exp_family import ExponentialFamily
from .utils import _NUMBER, broadcast_all

__all__ = ["Gamma"]


class Gamma(ExponentialFamily):
    """The Gamma distribution with shape ``concentration`` and inverse scale ``rate``."""

    arg_constraints = {"concentration": constraints.positive, "rate": constraints.positive}
    support = constraints.nonnegative
    has_rsample = True
    _mean_carrier_measure = 0

    def __init__(self, concentration, rate, validate_args=None):
        self.concentration, self.rate = broadcast_all(concentration, rate)
        scalars = isinstance(concentration, _NUMBER) and isinstance(rate, _NUMBER)
        super().__init__(Size() if scalars else self.concentration.size(), validate_args=validate_args)

    @property
    def mean(self):
        """``concentration / rate``."""
        return self.concentration / self.rate

    @property
    def mode(self):
        """``(concentration - 1) / rate``, at least 0."""
        return ((self.concentration - 1) / self.rate).clamp(min=0)

    @property
    def variance(self):
        """``concentration / rate ** 2``."""
        return self.concentration / self.rate.pow(2)

    def expand(self, batch_shape, _instance=None):
        """The same distribution with its parameters expanded to ``batch_shape``."""
        new = self._get_checked_instance(Gamma, _instance)
        batch_shape = Size(batch_shape)
        new.concentration = self.concentration.expand(batch_shape)
        new.rate = self.rate.expand(batch_shape)
        super(Gamma, new).__init__(batch_shape, validate_args=False)
        new._validate_args = self._validate_args
        return new

    def rsample(self, sample_shape=()):
        """Standard Gamma draws divided by ``rate``: differentiable in both (implicit reparameterisation)."""
        shape = self._extended_shape(sample_shape)
        value = standard_gamma(self.concentration.expand(shape)) / self.rate.expand(shape)
        value.detach().clamp_(min=minitorch.finfo(value.dtype).tiny)  # not recorded in the graph
        return value

    def log_prob(self, value):
        """``a log(rate) + (a - 1) log(value) - rate * value - lgamma(a)``, ``a`` the concentration."""
        value = minitorch.as_tensor(value, dtype=self.rate.dtype)
        if self._validate_args:
            self._validate_sample(value)
        return (
            minitorch.xlogy(self.concentration, self.rate)
            + minitorch.xlogy(self.concentration - 1, value)
            - self.rate * value
            - minitorch.lgamma(self.concentration)
        )

    def entropy(self):
        """``a - log(rate) + lgamma(a) + (1 - a) digamma(a)``."""
        return (
            self.concentration
            - minitorch.log(self.rate)
            + minitorch.lgamma(self.concentration)
            + (1.0 - self.concentration) * minitorch.digamma(self.concentration)
        )

    @property
    def _natural_params(self):
        return (self.concentration - 1, -self.rate)

    def _log_normalizer(self, x, y):
        return minitorch.lgamma(x + 1) + (x + 1) * minitorch.log(-y.reciprocal())
