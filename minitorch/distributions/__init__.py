"""Probability distributions with sampling, log densities and reparameterised gradients (``torch.distributions``).

Each family lives in its own module, at torch's path: ``minitorch.distributions.normal.Normal``,
``minitorch.distributions.multinomial.Multinomial``... Sampling uses minitorch's generator, which draws
torch's numbers, so after the same ``manual_seed`` a sample equals torch's.
"""

from . import (
    _kl_gamma,  # registers the pairs with a Gamma
    constraints,
)
from .bernoulli import Bernoulli
from .binomial import Binomial
from .categorical import Categorical
from .distribution import Distribution
from .exp_family import ExponentialFamily
from .exponential import Exponential
from .gamma import Gamma
from .independent import Independent
from .kl import kl_divergence, register_kl
from .multinomial import Multinomial
from .normal import Normal
from .one_hot_categorical import OneHotCategorical, OneHotCategoricalStraightThrough
from .uniform import Uniform

__all__ = [
    "Bernoulli",
    "Binomial",
    "Categorical",
    "Distribution",
    "Exponential",
    "ExponentialFamily",
    "Gamma",
    "Independent",
    "Multinomial",
    "Normal",
    "OneHotCategorical",
    "OneHotCategoricalStraightThrough",
    "Uniform",
    "constraints",
    "kl_divergence",
    "register_kl",
]
