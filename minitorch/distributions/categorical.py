"""The categorical distribution over ``0 .. K-1`` (``torch.distributions.categorical``)."""

from __future__ import annotations

import minitorch
from minitorch._dtype import Size

from . import constraints
from .distribution import Distribution
from .utils import lazy_property, logits_to_probs, probs_to_logits

__all__ = ["Categorical"]


class Categorical(Distribution):
    """Category ``i`` with probability ``probs[..., i]`` (normalised) or ``softmax(logits)[..., i]``.

    The last dimension of the parameter lists the categories; the others are the batch.
    """

    arg_constraints = {"probs": constraints.simplex, "logits": constraints.real_vector}
    has_enumerate_support = True

    def __init__(self, probs=None, logits=None, validate_args=None):
        if (probs is None) == (logits is None):
            raise ValueError("Either `probs` or `logits` must be specified, but not both.")
        if probs is not None:
            if probs.dim() < 1:
                raise ValueError("`probs` parameter must be at least one-dimensional.")
            self.probs = probs / probs.sum(-1, keepdim=True)
        else:
            if logits.dim() < 1:
                raise ValueError("`logits` parameter must be at least one-dimensional.")
            self.logits = logits - logits.logsumexp(dim=-1, keepdim=True)
        self._param = self.probs if probs is not None else self.logits
        self._num_events = self._param.size()[-1]
        batch_shape = self._param.size()[:-1] if self._param.dim() > 1 else Size()
        super().__init__(batch_shape, validate_args=validate_args)

    def expand(self, batch_shape, _instance=None):
        """The same distribution with its parameter expanded to ``batch_shape + (K,)``."""
        new = self._get_checked_instance(Categorical, _instance)
        batch_shape = Size(batch_shape)
        param_shape = batch_shape + Size((self._num_events,))
        for name in ("probs", "logits"):
            if name in self.__dict__:
                setattr(new, name, self.__dict__[name].expand(param_shape))
                new._param = new.__dict__[name]
        new._num_events = self._num_events
        super(Categorical, new).__init__(batch_shape, validate_args=False)
        new._validate_args = self._validate_args
        return new

    @constraints.dependent_property(is_discrete=True, event_dim=0)
    def support(self):
        """The integers ``0 .. K-1``."""
        return constraints.integer_interval(0, self._num_events - 1)

    @lazy_property
    def logits(self):
        """``log(probs)`` (clamped away from 0), computed on first use."""
        return probs_to_logits(self.probs)

    @lazy_property
    def probs(self):
        """``softmax(logits)``, computed on first use."""
        return logits_to_probs(self.logits)

    @property
    def param_shape(self):
        """The shape of the parameter: ``batch_shape + (K,)``."""
        return self._param.size()

    @property
    def mean(self):
        """NaN: categories have no mean."""
        return minitorch.full(self._extended_shape(), minitorch.nan, dtype=self.probs.dtype)

    @property
    def mode(self):
        """The most likely category."""
        return self.probs.argmax(dim=-1)

    @property
    def variance(self):
        """NaN: categories have no variance."""
        return minitorch.full(self._extended_shape(), minitorch.nan, dtype=self.probs.dtype)

    def sample(self, sample_shape=()):
        """Category indices: ``torch.multinomial`` with replacement on each batch row, as torch draws them."""
        if not isinstance(sample_shape, Size):
            sample_shape = Size(sample_shape)
        probs_2d = self.probs.reshape(-1, self._num_events)
        samples_2d = minitorch.multinomial(probs_2d, sample_shape.numel(), True).T
        return samples_2d.reshape(self._extended_shape(sample_shape))

    def log_prob(self, value):
        """``logits[..., value]``: the normalised log probability of each category given."""
        if self._validate_args:
            self._validate_sample(value)
        value = value.long().unsqueeze(-1)
        value, log_pmf = minitorch.broadcast_tensors(value, self.logits)
        value = value[..., :1]
        return log_pmf.gather(-1, value).squeeze(-1)

    def entropy(self):
        """``-sum(p log p)`` over the categories (logits clamped to the dtype's smallest value)."""
        min_real = minitorch.finfo(self.logits.dtype).min
        logits = minitorch.clamp(self.logits, min=min_real)
        p_log_p = logits * self.probs
        return -p_log_p.sum(-1)

    def enumerate_support(self, expand=True):
        """``0 .. K-1`` along dimension 0 (expanded over the batch unless ``expand=False``)."""
        values = minitorch.arange(self._num_events, dtype=minitorch.long)
        values = values.view((-1,) + (1,) * len(self._batch_shape))
        if expand:
            values = values.expand((-1,) + self._batch_shape)
        return values
