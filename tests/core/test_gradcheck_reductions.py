"""Every differentiable reduction's backward agrees with finite differences (float64)."""

import numpy as np
import pytest

import minitorch as torch
from minitorch.autograd import gradcheck


def leaf(*shape, seed=0):
    """A float64 leaf of distinct values (no ties, so max/sort/median have one answer)."""
    values = np.random.default_rng(seed).permutation(np.arange(1, np.prod(shape) + 1)) * 0.37 - 2.1
    return torch.tensor(values.reshape(shape), dtype=torch.float64, requires_grad=True)


REDUCTIONS = {
    "prod": lambda x: x.prod(), "prod_dim": lambda x: x.prod(1), "prod_keepdim": lambda x: x.prod(0, keepdim=True),
    "prod_with_zero": lambda x: torch.cat([x, x[:, :1] * 0], 1).prod(1),
    "var": lambda x: x.var(), "var_dim": lambda x: x.var(1, correction=0), "var_dims": lambda x: x.var((0, 1)),
    "std": lambda x: x.std(), "std_dim_keepdim": lambda x: x.std(0, keepdim=True),
    "std_mean": lambda x: torch.std_mean(x, 1), "var_mean": lambda x: torch.var_mean(x),
    "norm": lambda x: x.norm(), "norm_1": lambda x: x.norm(1, dim=0), "norm_3": lambda x: x.norm(3, 1),
    "norm_inf": lambda x: x.norm(float("inf")), "norm_half": lambda x: torch.linalg.vector_norm(x, 0.5, dim=1),
    "logsumexp": lambda x: x.logsumexp(1), "logsumexp_all": lambda x: x.logsumexp((0, 1), keepdim=True),
    "amax": lambda x: x.amax(1), "amin": lambda x: x.amin(), "aminmax": lambda x: tuple(torch.aminmax(x, dim=0)),
    "cumsum": lambda x: x.cumsum(1), "logcumsumexp": lambda x: x.logcumsumexp(1),
    "logcumsumexp_dim0": lambda x: torch.logcumsumexp(x, 0),
    "cumprod": lambda x: x.cumprod(1), "cumprod_dim0": lambda x: x.cumprod(0),
    "sort": lambda x: x.sort(1, descending=True).values, "topk": lambda x: x.topk(2, 0).values,
    "kthvalue": lambda x: x.kthvalue(2, 1).values, "median": lambda x: x.median(),
    "median_dim": lambda x: x.median(0, keepdim=True).values, "mode": lambda x: x.mode(1).values,
    "cummax": lambda x: x.cummax(1).values, "cummin": lambda x: x.cummin(0).values,
}


@pytest.mark.parametrize("name", sorted(REDUCTIONS))
def test_reduction(name):
    assert gradcheck(REDUCTIONS[name], (leaf(3, 4),))


def test_cumprod_with_zeros():
    x = torch.tensor([[2.0, 0.0, 3.0, 0.5], [0.0, 1.5, 0.0, 2.0]], dtype=torch.float64, requires_grad=True)
    assert gradcheck(lambda t: t.cumprod(1), (x,))
