"""Distributions of the exponential family (``torch.distributions.exp_family``)."""

from __future__ import annotations

import minitorch

from .distribution import Distribution

__all__ = ["ExponentialFamily"]


class ExponentialFamily(Distribution):
    """A distribution whose density is ``exp(<t(x), theta> - F(theta) + k(x))``.

    Subclasses give the natural parameters ``theta`` (``_natural_params``), the log normalizer ``F``
    (``_log_normalizer``) and the expected carrier measure ``E[k(x)]`` (``_mean_carrier_measure``);
    the entropy then follows from the gradient of ``F``.
    """

    @property
    def _natural_params(self):
        """The natural parameters, a tuple of tensors."""
        raise NotImplementedError

    def _log_normalizer(self, *natural_params):
        """The log normalizer ``F`` at the given natural parameters."""
        raise NotImplementedError

    @property
    def _mean_carrier_measure(self):
        """The expected carrier measure ``E[k(x)]``."""
        raise NotImplementedError

    def entropy(self):
        """``F(theta) - <theta, grad F(theta)> - E[k(x)]`` (a Bregman divergence of the log normalizer)."""
        result = -self._mean_carrier_measure
        params = [p.detach().requires_grad_() for p in self._natural_params]
        log_normalizer = self._log_normalizer(*params)
        gradients = minitorch.autograd.grad(log_normalizer.sum(), params, create_graph=True)
        result += log_normalizer
        for param, gradient in zip(params, gradients):
            result -= (param * gradient).reshape(self._batch_shape + (-1,)).sum(-1)
        return result
