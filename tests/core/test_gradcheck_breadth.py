"""The backward of every op added with the wider families agrees with finite differences (float64)."""

import numpy as np
import pytest

import minitorch as torch
from minitorch.autograd import gradcheck


def leaf(*shape, seed=0, low=-1.0, high=1.0):
    """A float64 leaf that requires grad, with values drawn from ``[low, high)``."""
    values = np.random.default_rng(seed).uniform(low, high, size=shape)
    return torch.tensor(values, dtype=torch.float64, requires_grad=True)


def square(n=3, seed=0):
    """A well-conditioned float64 matrix (diagonally dominant) that requires grad."""
    values = np.random.default_rng(seed).uniform(-0.5, 0.5, size=(n, n)) + 2 * np.eye(n)
    return torch.tensor(values, dtype=torch.float64, requires_grad=True)


CASES = {
    "unfold": (lambda x: x.unfold(1, 2, 1), lambda: [leaf(2, 4)]),
    "unfold_step": (lambda x: x.unfold(0, 2, 3), lambda: [leaf(7)]),
    "as_strided": (lambda x: torch.as_strided(x, (2, 2), (1, 3), 1), lambda: [leaf(2, 3)]),
    "sum_to_size": (lambda x: x.sum_to_size(1, 3), lambda: [leaf(2, 3)]),
    "fill_diagonal_": (lambda x: (x * 1).fill_diagonal_(0.5), lambda: [leaf(3, 3)]),
    "vdot": (torch.vdot, lambda: [leaf(4), leaf(4, seed=1)]),
    "addmv": (lambda a, m, v: torch.addmv(a, m, v, beta=0.5, alpha=2), lambda: [leaf(3), leaf(3, 4, seed=1),
                                                                              leaf(4, seed=2)]),
    "addr": (lambda a, u, v: torch.addr(a, u, v, alpha=3), lambda: [leaf(1, 4), leaf(3, seed=1), leaf(4, seed=2)]),
    "addbmm": (torch.addbmm, lambda: [leaf(2, 3), leaf(4, 2, 5, seed=1), leaf(4, 5, 3, seed=2)]),
    "baddbmm": (lambda a, b, c: torch.baddbmm(a, b, c, beta=2), lambda: [leaf(2, 3), leaf(4, 2, 5, seed=1),
                                                                        leaf(4, 5, 3, seed=2)]),
    "block_diag": (torch.block_diag, lambda: [leaf(2, 2), leaf(3, seed=1), leaf(1, 2, seed=2)]),
    "select_scatter": (lambda a, s: torch.select_scatter(a, s, 1, 0), lambda: [leaf(2, 3), leaf(2, seed=1)]),
    "slice_scatter": (lambda a, s: torch.slice_scatter(a, s, 0, 1, 3), lambda: [leaf(4, 2), leaf(2, 2, seed=1)]),
    "diagonal_scatter": (lambda a, s: torch.diagonal_scatter(a, s, 1), lambda: [leaf(3, 4), leaf(3, seed=1)]),
    "masked_scatter": (lambda a, s: a.masked_scatter(torch.tensor([True, False, True]), s),
                       lambda: [leaf(2, 3), leaf(5, seed=1)]),
    "det": (torch.det, lambda: [square()]),
    "inverse": (torch.inverse, lambda: [square()]),
    "slogdet": (lambda a: torch.slogdet(a).logabsdet, lambda: [square()]),
    "pinverse": (torch.pinverse, lambda: [leaf(3, 2)]),
    "pinverse_wide": (torch.pinverse, lambda: [leaf(2, 4)]),
    "matrix_exp": (torch.matrix_exp, lambda: [leaf(3, 3)]),
    "solve": (torch.linalg.solve, lambda: [square(), leaf(3, 2, seed=1)]),
    "solve_vector": (torch.linalg.solve, lambda: [square(), leaf(3, seed=1)]),
    "matrix_exp_batch": (torch.matrix_exp, lambda: [leaf(2, 2, 2)]),
    "nansum": (lambda x: torch.nansum(x, 0), lambda: [leaf(2, 3)]),
    "nanmedian": (lambda x: torch.nanmedian(x, 1).values, lambda: [leaf(2, 3)]),
    "logcumsumexp": (lambda x: torch.logcumsumexp(x, 0), lambda: [leaf(4, 2)]),
    "logaddexp": (torch.logaddexp, lambda: [leaf(2, 3), leaf(3, seed=1)]),
    "logaddexp2": (torch.logaddexp2, lambda: [leaf(2, 3), leaf(2, 3, seed=1)]),
    "ldexp": (torch.ldexp, lambda: [leaf(3), leaf(3, seed=1)]),
    "frexp": (lambda x: torch.frexp(x).mantissa, lambda: [leaf(4, low=0.6, high=0.9)]),
    "dist": (lambda a, b: torch.dist(a, b, 3), lambda: [leaf(2, 3), leaf(3, seed=1)]),
    "cdist": (torch.cdist, lambda: [leaf(3, 2), leaf(4, 2, seed=1)]),
    "cdist_p1": (lambda a, b: torch.cdist(a, b, p=1), lambda: [leaf(2, 3, 2), leaf(2, 4, 2, seed=1)]),
    "renorm": (lambda x: torch.renorm(x, 2, 0, 0.5), lambda: [leaf(3, 4)]),
    "renorm_p3": (lambda x: torch.renorm(x, 3, 1, 0.5), lambda: [leaf(3, 4)]),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_gradcheck(name):
    fn, inputs = CASES[name]
    assert gradcheck(fn, inputs())


NN_CASES = {
    "softshrink": (lambda x: torch.nn.functional.softshrink(x, 0.3), lambda: [leaf(3, 4)]),
    "hardshrink": (lambda x: torch.nn.functional.hardshrink(x, 0.3), lambda: [leaf(3, 4)]),
    "glu": (lambda x: torch.nn.functional.glu(x, 0), lambda: [leaf(4, 3)]),
    "adaptive_max_pool2d": (lambda x: torch.nn.functional.adaptive_max_pool2d(x, (2, 3)), lambda: [leaf(1, 2, 5, 4)]),
    "group_norm": (lambda x, w, b: torch.nn.functional.group_norm(x, 2, w, b),
                   lambda: [leaf(2, 4, 3), leaf(4, seed=1), leaf(4, seed=2)]),
    "nearest": (lambda x: torch.nn.functional.interpolate(x, scale_factor=1.5), lambda: [leaf(1, 2, 3, 2)]),
    "linear": (lambda x: torch.nn.functional.interpolate(x, size=5, mode="linear"), lambda: [leaf(1, 2, 3)]),
    "bilinear": (lambda x: torch.nn.functional.interpolate(x, size=(4, 3), mode="bilinear", align_corners=True),
                 lambda: [leaf(1, 1, 3, 2)]),
    "cosine_similarity": (torch.nn.functional.cosine_similarity, lambda: [leaf(3, 4), leaf(3, 4, seed=1)]),
    "pairwise_distance": (torch.nn.functional.pairwise_distance, lambda: [leaf(3, 4), leaf(3, 4, seed=1)]),
    "kl_div": (lambda x, t: torch.nn.functional.kl_div(x, t, reduction="batchmean"),
               lambda: [leaf(2, 3), leaf(2, 3, seed=1, low=0.1, high=0.9)]),
    "triplet_margin_loss": (torch.nn.functional.triplet_margin_loss,
                            lambda: [leaf(3, 4), leaf(3, 4, seed=1), leaf(3, 4, seed=2)]),
}


@pytest.mark.parametrize("name", sorted(NN_CASES))
def test_gradcheck_nn(name):
    fn, inputs = NN_CASES[name]
    assert gradcheck(fn, inputs())


@pytest.mark.parametrize("reduce", ["sum", "prod", "mean", "amax", "amin"])
@pytest.mark.parametrize("include_self", [True, False])
def test_gradcheck_scatter_reduce(reduce, include_self):
    index = torch.tensor([[0, 2, 2, 1], [1, 1, 0, 0], [2, 0, 1, 2]])
    assert gradcheck(lambda x, s: x.scatter_reduce(0, index, s, reduce, include_self=include_self),
                     [leaf(3, 4, low=0.5, high=1.5), leaf(3, 4, seed=1, low=0.5, high=1.5)])
