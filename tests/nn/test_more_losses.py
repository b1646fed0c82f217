"""The margin and NLL losses without torch: hand-derived values and gradcheck in float64."""

import math

import numpy as np
import pytest

import minitorch as torch
from minitorch.autograd import gradcheck

F = torch.nn.functional


def _rand(*shape, seed=0):
    return torch.tensor(np.random.default_rng(seed).normal(size=shape), requires_grad=True)


def test_values_by_hand():
    x = torch.tensor([[0.0, 1.0, 3.0]])
    # class 1: max(0, 1 - 1 + 0) + max(0, 1 - 1 + 3) = 0 + 3, over 3 classes
    assert F.multi_margin_loss(x, torch.tensor([1])).item() == pytest.approx(1.0)
    # targets {2}: pairs (2, 0): 1 - 3 < 0, (2, 1): 1 - 2 < 0 -> 0; targets {0}: (0,1): 2, (0,2): 4 -> 6 / 3
    assert F.multilabel_margin_loss(x, torch.tensor([[2, -1, 0]])).item() == 0.0
    assert F.multilabel_margin_loss(x, torch.tensor([[0, -1, 2]])).item() == pytest.approx(2.0)
    assert F.soft_margin_loss(torch.tensor([0.0]), torch.tensor([1.0])).item() == pytest.approx(math.log(2))
    assert F.poisson_nll_loss(torch.tensor([0.0]), torch.tensor([2.0])).item() == pytest.approx(1.0)
    gaussian = F.gaussian_nll_loss(torch.tensor([1.0]), torch.tensor([3.0]), torch.tensor([2.0]))
    assert gaussian.item() == pytest.approx(0.5 * (math.log(2.0) + 2.0))


@pytest.mark.parametrize("reduction", ["none", "mean", "sum"])
def test_gradcheck_margin_losses(reduction):
    labels = torch.tensor(np.sign(np.random.default_rng(5).normal(size=(3, 4))))
    classes = torch.tensor([3, 0, 1])
    padded = torch.tensor([[3, 0, -1, 1], [2, -1, 0, 0], [1, 2, 3, -1]])
    weight = torch.tensor([1.0, 2.0, 0.5, 3.0], dtype=torch.float64)
    assert gradcheck(lambda x, y: F.soft_margin_loss(x, y, reduction=reduction), (_rand(3, 4), labels))
    assert gradcheck(lambda x: F.multi_margin_loss(x, classes, reduction=reduction), (_rand(3, 4),))
    assert gradcheck(lambda x: F.multi_margin_loss(x, classes, p=2, margin=0.7, weight=weight, reduction=reduction),
                     (_rand(3, 4),))
    assert gradcheck(lambda x: F.multilabel_margin_loss(x, padded, reduction=reduction), (_rand(3, 4),))
    assert gradcheck(lambda x: F.multilabel_soft_margin_loss(x, (labels > 0).double(), reduction=reduction),
                     (_rand(3, 4),))


@pytest.mark.parametrize("reduction", ["none", "mean", "sum"])
def test_gradcheck_nll_losses(reduction):
    counts = torch.tensor(np.arange(12.0).reshape(3, 4))
    assert gradcheck(lambda x: F.poisson_nll_loss(x, counts, full=True, reduction=reduction), (_rand(3, 4),))
    rates = torch.tensor(np.random.default_rng(2).uniform(0.5, 2, size=(3, 4)), requires_grad=True)
    assert gradcheck(lambda x: F.poisson_nll_loss(x, counts, log_input=False, reduction=reduction), (rates,))
    var = torch.tensor(np.random.default_rng(3).uniform(0.5, 2, size=(3, 4)), requires_grad=True)
    assert gradcheck(lambda x, t, v: F.gaussian_nll_loss(x, t, v, full=True, reduction=reduction),
                     (_rand(3, 4), _rand(3, 4, seed=1), var))
