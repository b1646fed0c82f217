"""Double backward (``create_graph=True``) without torch, for the element-wise math table and the other ops
added to it: second derivatives checked by finite differences (``gradgradcheck``) and hand-derived values.
"""

import math

import numpy as np
import pytest

import minitorch
from minitorch.autograd import gradgradcheck


def _inputs(*shapes, low=0.2, high=0.8, seed=0):
    """float64 leaves with values in [low, high]: inside every table function's domain (acosh shifts by 1)."""
    random = np.random.default_rng(seed)
    return [minitorch.tensor(random.uniform(low, high, shape), dtype=minitorch.float64, requires_grad=True)
            for shape in shapes]


TABLE = ["tan", "asin", "acos", "atan", "sinh", "cosh", "asinh", "atanh", "exp2", "expm1", "log2", "log10",
         "log1p", "rsqrt", "erf", "erfc", "erfinv", "lgamma", "deg2rad", "rad2deg", "sinc", "frac"]


@pytest.mark.parametrize("name", TABLE)
def test_table_second_derivatives_match_finite_differences(name):
    (x,) = _inputs((2, 3))
    assert gradgradcheck(lambda a: getattr(minitorch, name)(a) * a, [x])


def test_acosh_second_derivative_matches_finite_differences():
    (x,) = _inputs((3,), low=1.2, high=2.0)
    assert gradgradcheck(lambda a: a.acosh() * a, [x])


def test_sinc_at_zero_follows_torch_formula():
    # torch's sinc_backward puts 0 where x == 0 with a where(); differentiating it again still goes through the
    # division 0 / 0 of the branch not taken, so the second derivative there is nan, as torch's
    x = minitorch.tensor([0.0, 0.5], dtype=minitorch.float64, requires_grad=True)
    (g,) = minitorch.autograd.grad(x.sinc().sum(), x, create_graph=True)
    (h,) = minitorch.autograd.grad(g.sum(), x)
    assert g[0].item() == 0.0 and math.isnan(h[0].item())


def test_second_derivative_of_log1p_by_hand():
    # d/dx log(1 + x) = 1 / (1 + x); d2/dx2 = -1 / (1 + x)**2
    x = minitorch.tensor([1.0, 3.0], dtype=minitorch.float64, requires_grad=True)
    (g,) = minitorch.autograd.grad(x.log1p().sum(), x, create_graph=True)
    (h,) = minitorch.autograd.grad(g.sum(), x)
    assert g.tolist() == [0.5, 0.25] and h.tolist() == [-0.25, -0.0625]


def test_third_derivative_of_exp2_by_hand():
    # d^n/dx^n 2**x = 2**x * log(2)**n
    x = minitorch.tensor(1.0, dtype=minitorch.float64, requires_grad=True)
    (d1,) = minitorch.autograd.grad(x.exp2(), x, create_graph=True)
    (d2,) = minitorch.autograd.grad(d1, x, create_graph=True)
    (d3,) = minitorch.autograd.grad(d2, x)
    assert d3.item() == pytest.approx(2 * math.log(2) ** 3, rel=1e-12)


def test_digamma_still_refuses_create_graph_clearly():
    (x,) = _inputs((3,))
    with pytest.raises(NotImplementedError, match="double backward through DigammaBackward0"):
        minitorch.autograd.grad(x.digamma().sum(), x, create_graph=True)
