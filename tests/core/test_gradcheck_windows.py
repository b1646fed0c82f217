"""The backwards of the strided views (as_strided, unfold) agree with finite differences (float64)."""

import numpy as np
import pytest

import minitorch as torch
from minitorch.autograd import gradcheck


def leaf(low, high, *shape):
    """A float64 leaf that requires grad, with values drawn from ``[low, high)``."""
    values = np.random.default_rng(0).uniform(low, high, size=shape)
    return torch.tensor(values, dtype=torch.float64, requires_grad=True)


STRIDED_VIEWS = {
    "as_strided": lambda x: x.as_strided((2, 2), (1, 2), 1),
    "as_strided_overlapping": lambda x: x.as_strided((3, 2), (1, 1), 0),
    "as_strided_of_an_expanded_input": lambda x: x[0].expand(2, 3).as_strided((2,), (1,), 0),
    "unfold": lambda x: x.unfold(1, 2, 1),
    "unfold_twice": lambda x: x.unfold(1, 2, 1).unfold(0, 1, 1),
}


@pytest.mark.parametrize("name", sorted(STRIDED_VIEWS))
def test_strided_views(name):
    assert gradcheck(STRIDED_VIEWS[name], (leaf(-2, 2, 2, 3),))
