"""Every differentiable element-wise math op's backward agrees with finite differences (float64)."""

import numpy as np
import pytest

import minitorch as torch
from minitorch.autograd import gradcheck


def leaf(low, high, *shape, seed=0):
    """A float64 leaf that requires grad, with values drawn from ``[low, high)``."""
    values = np.random.default_rng(seed).uniform(low, high, size=shape or (2, 3))
    return torch.tensor(values, dtype=torch.float64, requires_grad=True)


# name -> (function, the interval its input is drawn from: inside the domain, away from kinks)
UNARY = {
    "sin": (torch.sin, (-3, 3)), "cos": (torch.cos, (-3, 3)), "tan": (torch.tan, (-1.2, 1.2)),
    "asin": (torch.asin, (-0.9, 0.9)), "acos": (torch.acos, (-0.9, 0.9)), "atan": (torch.atan, (-3, 3)),
    "sinh": (torch.sinh, (-2, 2)), "cosh": (torch.cosh, (-2, 2)), "asinh": (torch.asinh, (-3, 3)),
    "acosh": (torch.acosh, (1.2, 4)), "atanh": (torch.atanh, (-0.9, 0.9)), "exp2": (torch.exp2, (-2, 2)),
    "expm1": (torch.expm1, (-2, 2)), "log2": (torch.log2, (0.2, 4)), "log10": (torch.log10, (0.2, 4)),
    "log1p": (torch.log1p, (-0.8, 3)), "rsqrt": (torch.rsqrt, (0.2, 4)), "frac": (torch.frac, (0.1, 0.9)),
    "erf": (torch.erf, (-2, 2)), "erfc": (torch.erfc, (-2, 2)), "erfinv": (torch.erfinv, (-0.9, 0.9)),
    "lgamma": (torch.lgamma, (0.2, 5)), "lgamma_negative": (torch.lgamma, (-0.9, -0.1)),
    "digamma": (torch.digamma, (0.2, 5)), "deg2rad": (torch.deg2rad, (-90, 90)),
    "rad2deg": (torch.rad2deg, (-2, 2)), "sinc": (torch.sinc, (-2, 2)), "square": (torch.square, (-2, 2)),
    "logit": (torch.logit, (0.1, 0.9)), "logit_eps": (lambda x: torch.logit(x, eps=0.05), (0.1, 0.9)),
    "nan_to_num": (torch.nan_to_num, (-2, 2)), "clamp_min": (lambda x: torch.clamp_min(x, 0.1), (-2, 2)),
    "clamp_max": (lambda x: x.clamp_max(0.1), (-2, 2)), "float_power": (lambda x: torch.float_power(x, 3), (-2, 2)),
    "floor": (torch.floor, (0.1, 0.9)), "round_decimals": (lambda x: torch.round(x, decimals=1), (0.11, 0.14)),
    "sign": (torch.sign, (0.1, 2)), "div_floor": (lambda x: x.div(0.3, rounding_mode="floor"), (0.1, 0.2)),
    "fmod_number": (lambda x: torch.fmod(x, 0.7), (0.1, 0.6)), "xlogy_number": (lambda x: torch.xlogy(x, 3.0), (-2, 2)),
    "sin_in_place": (lambda x: (x * 1).sin_(), (-3, 3)),
}


@pytest.mark.parametrize("name", sorted(UNARY))
def test_unary(name):
    fn, (low, high) = UNARY[name]
    assert gradcheck(fn, (leaf(low, high),))


BINARY = {
    "atan2": torch.atan2, "hypot": torch.hypot, "fmax": torch.fmax, "fmin": torch.fmin,
    "xlogy": lambda a, b: torch.xlogy(a, b.abs() + 0.1), "copysign": torch.copysign,
    "fmod": lambda a, b: torch.fmod(a, b.abs() + 2.5), "remainder": lambda a, b: torch.remainder(a, b.abs() + 2.5),
    "float_power": lambda a, b: torch.float_power(a.abs() + 0.5, b),
    "lerp": lambda a, b: torch.lerp(a, b, 0.3), "lerp_tensor": lambda a, b: torch.lerp(a, b, b * 0.2),
    "addcmul": lambda a, b: torch.addcmul(a, a, b, value=0.5),
    "addcdiv": lambda a, b: torch.addcdiv(a, b, a.abs() + 1, value=2),
    "clamp_tensor_min": lambda a, b: torch.clamp(a, min=b), "clamp_tensor_max": lambda a, b: a.clamp(max=b),
    "clamp_tensor_bounds": lambda a, b: torch.clamp(a, b - 0.5, b * 2 + 0.7),
    "rsub_tensor": lambda a, b: torch.rsub(a, b, alpha=1.5),
}


@pytest.mark.parametrize("name", sorted(BINARY))
def test_binary_with_broadcasting(name):
    a, b = leaf(-2, 2, 2, 3), leaf(-2, 2, 3, seed=1)
    assert gradcheck(BINARY[name], (a, b))
