"""The KL divergences that involve a Gamma distribution, registered with ``kl.register_kl``."""

from __future__ import annotations

import math

import minitorch

from .exponential import Exponential
from .gamma import Gamma
from .kl import register_kl
from .normal import Normal
from .uniform import Uniform

_EULER_GAMMA = 0.5772156649015329


@register_kl(Gamma, Gamma)
def _kl_gamma_gamma(p, q):
    t1 = q.concentration * (p.rate / q.rate).log()
    t2 = minitorch.lgamma(q.concentration) - minitorch.lgamma(p.concentration)
    t3 = (p.concentration - q.concentration) * minitorch.digamma(p.concentration)
    t4 = (q.rate - p.rate) * (p.concentration / p.rate)
    return t1 + t2 + t3 + t4


@register_kl(Exponential, Gamma)
def _kl_exponential_gamma(p, q):
    ratio = q.rate / p.rate
    t1 = -q.concentration * minitorch.log(ratio)
    return t1 + ratio + q.concentration.lgamma() + q.concentration * _EULER_GAMMA - (1 + _EULER_GAMMA)


@register_kl(Gamma, Uniform)
def _kl_gamma_infinity(p, q):
    return minitorch.full_like(p.concentration, minitorch.inf)


@register_kl(Normal, Gamma)
def _kl_normal_infinity(p, q):
    return minitorch.full_like(p.loc, minitorch.inf)


@register_kl(Gamma, Exponential)
def _kl_gamma_exponential(p, q):
    return -p.entropy() - q.rate.log() + q.rate * p.concentration / p.rate


@register_kl(Gamma, Normal)
def _kl_gamma_normal(p, q):
    var_normal = q.scale.pow(2)
    beta_sqr = p.rate.pow(2)
    t1 = 0.5 * minitorch.log(beta_sqr * var_normal * 2 * math.pi) - p.concentration - p.concentration.lgamma()
    t2 = 0.5 * (p.concentration.pow(2) + p.concentration) / beta_sqr
    t3 = q.loc * p.concentration / p.rate
    t4 = 0.5 * q.loc.pow(2)
    return t1 + (p.concentration - 1) * p.concentration.digamma() + (t2 - t3 + t4) / var_normal


@register_kl(Uniform, Gamma)
def _kl_uniform_gamma(p, q):
    common_term = p.high - p.low
    t1 = common_term.log()
    t2 = q.concentration.lgamma() - q.concentration * q.rate.log()
    x_log_x = minitorch.special.xlogy(p.high, p.high) - minitorch.special.xlogy(p.low, p.low)
    t3 = (1 - q.concentration) * (x_log_x - common_term) / common_term
    t4 = q.rate * (p.high + p.low) / 2
    result = -t1 + t2 + t3 + t4
    result[p.low < q.support.lower_bound] = minitorch.inf
    return result
