"""The multinomial distribution: counts of ``total_count`` categorical draws (``torch.distributions.multinomial``)."""

from __future__ import annotations

import minitorch
from minitorch._dtype import Size

from . import constraints
from .binomial import Binomial
from .categorical import Categorical
from .distribution import Distribution
from .utils import broadcast_all

__all__ = ["Multinomial"]


class Multinomial(Distribution):
    """How many of ``total_count`` independent draws fell in each category (probabilities ``probs``).

    ``Multinomial(10, torch.tensor([0.5, 0.5])).sample()`` counts ten fair coin tosses: a float tensor of two
    counts summing to 10.
    """

    arg_constraints = {"probs": constraints.simplex, "logits": constraints.real_vector}

    def __init__(self, total_count=1, probs=None, logits=None, validate_args=None):
        if not isinstance(total_count, int):
            raise NotImplementedError("inhomogeneous total_count is not supported")
        self.total_count = total_count
        self._categorical = Categorical(probs=probs, logits=logits)
        self._binomial = Binomial(total_count=total_count, probs=self.probs)
        batch_shape = self._categorical.batch_shape
        event_shape = self._categorical.param_shape[-1:]
        super().__init__(batch_shape, event_shape, validate_args=validate_args)

    @property
    def mean(self):
        """``probs * total_count``."""
        return self.probs * self.total_count

    @property
    def variance(self):
        """``total_count * probs * (1 - probs)``."""
        return self.total_count * self.probs * (1 - self.probs)

    def expand(self, batch_shape, _instance=None):
        """The same distribution with its parameter expanded to ``batch_shape + (K,)``."""
        new = self._get_checked_instance(Multinomial, _instance)
        batch_shape = Size(batch_shape)
        new.total_count = self.total_count
        new._categorical = self._categorical.expand(batch_shape)
        super(Multinomial, new).__init__(batch_shape, self.event_shape, validate_args=False)
        new._validate_args = self._validate_args
        return new

    @constraints.dependent_property(is_discrete=True, event_dim=1)
    def support(self):
        """Vectors of non-negative counts summing to at most ``total_count``."""
        return constraints.multinomial(self.total_count)

    @property
    def logits(self):
        """The categories' normalised log probabilities."""
        return self._categorical.logits

    @property
    def probs(self):
        """The categories' probabilities."""
        return self._categorical.probs

    @property
    def param_shape(self):
        """The shape of the parameter: ``batch_shape + (K,)``."""
        return self._categorical.param_shape

    def sample(self, sample_shape=()):
        """Counts per category: ``total_count`` categorical draws scattered into zeros, as torch does."""
        sample_shape = Size(sample_shape)
        samples = self._categorical.sample(Size((self.total_count,)) + sample_shape)
        order = list(range(samples.dim()))
        order.append(order.pop(0))
        samples = samples.permute(*order)
        counts = minitorch.zeros(self._extended_shape(sample_shape), dtype=samples.dtype)
        counts.scatter_add_(-1, samples, minitorch.ones_like(samples))
        return counts.to(self.probs.dtype)

    def entropy(self):
        """The entropy, from the categorical entropy and the binomial marginals of the counts."""
        n = minitorch.tensor(self.total_count)
        cat_entropy = self._categorical.entropy()
        term1 = n * cat_entropy - minitorch.lgamma(n + 1)
        support = self._binomial.enumerate_support(expand=False)[1:]
        binomial_probs = minitorch.exp(self._binomial.log_prob(support))
        weights = minitorch.lgamma(support + 1)
        term2 = (binomial_probs * weights).sum([0, -1])
        return term1 + term2

    def log_prob(self, value):
        """``log n! - sum(log x_i!) + sum(x_i log p_i)`` for the counts ``x``."""
        if self._validate_args:
            self._validate_sample(value)
        logits, value = broadcast_all(self.logits, value)
        logits = logits.clone(memory_format=minitorch.contiguous_format)
        log_factorial_n = minitorch.lgamma(value.sum(-1) + 1)
        log_factorial_xs = minitorch.lgamma(value + 1).sum(-1)
        logits[(value == 0) & (logits == -minitorch.inf)] = 0
        log_powers = (logits * value).sum(-1)
        return log_factorial_n - log_factorial_xs + log_powers
