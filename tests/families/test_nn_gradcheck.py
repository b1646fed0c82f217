"""The new activation, normalisation, pooling and loss nodes agree with finite differences (float64)."""

import numpy as np
import pytest

import minitorch as torch
import minitorch.nn.functional as F
from minitorch.autograd import gradcheck


def leaf(*shape, seed=0):
    """A float64 leaf in [-2.5, 2.5], kept away from the kinks at 0, +-1 and +-3."""
    values = np.random.default_rng(seed).uniform(-2.5, 2.5, size=shape)
    values = np.where(np.abs(np.abs(values) - np.round(np.abs(values))) < 0.05, values + 0.17, values)
    return torch.tensor(values, dtype=torch.float64, requires_grad=True)


ACTIVATIONS = {
    "leaky_relu": lambda x: F.leaky_relu(x, 0.2),
    "elu": lambda x: F.elu(x, 1.5),
    "selu": F.selu,
    "celu": lambda x: F.celu(x, 0.7),
    "gelu": F.gelu,
    "gelu_tanh": lambda x: F.gelu(x, approximate="tanh"),
    "silu": F.silu,
    "mish": F.mish,
    "softplus": F.softplus,
    "softplus_threshold": lambda x: F.softplus(x, beta=3.0, threshold=2.0),
    "hardtanh": lambda x: F.hardtanh(x, -1.2, 0.9),
    "relu6": lambda x: F.relu6(x * 3),
    "logsigmoid": F.logsigmoid,
    "hardsigmoid": F.hardsigmoid,
    "hardswish": lambda x: F.hardswish(x * 2),
    "threshold": lambda x: F.threshold(x, 0.5, -1.0),
    "softsign": F.softsign,
    "tanhshrink": F.tanhshrink,
    "softmin": lambda x: F.softmin(x, dim=1),
    "leaky_relu_inplace": lambda x: F.leaky_relu(x * 1, 0.3, inplace=True),
    "elu_inplace": lambda x: F.elu(x * 1, inplace=True),
}


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_activations(name):
    assert gradcheck(ACTIVATIONS[name], (leaf(3, 4),))


@pytest.mark.parametrize("training", [True, False])
@pytest.mark.parametrize("shape", [(5, 3), (4, 3, 2), (2, 3, 2, 2)])
def test_batch_norm(training, shape):
    mean = torch.tensor([0.1, -0.2, 0.3], dtype=torch.float64)
    var = torch.tensor([1.5, 0.5, 2.0], dtype=torch.float64)

    def f(x, w, b):
        return F.batch_norm(x, mean.clone(), var.clone(), w, b, training=training)

    assert gradcheck(f, (leaf(*shape), leaf(3, seed=1), leaf(3, seed=2)))


def test_batch_norm_without_affine():
    assert gradcheck(lambda x: F.batch_norm(x, None, None, training=True), (leaf(6, 3),))


@pytest.mark.parametrize("options", [{"kernel_size": 2}, {"kernel_size": 3, "stride": 1, "padding": 1},
                                     {"kernel_size": 3, "stride": 2, "padding": 1, "count_include_pad": False},
                                     {"kernel_size": (2, 3), "stride": (1, 2)}])
def test_avg_pool2d(options):
    assert gradcheck(lambda x: F.avg_pool2d(x, **options), (leaf(1, 2, 5, 6),))


@pytest.mark.parametrize("size", [(1, 1), (2, 3), (3, None), 4])
def test_adaptive_avg_pool2d(size):
    assert gradcheck(lambda x: F.adaptive_avg_pool2d(x, size), (leaf(2, 5, 7),))


LOSSES = {
    "l1": lambda x, t: F.l1_loss(x, t),
    "l1_none": lambda x, t: F.l1_loss(x, t, reduction="none"),
    "smooth_l1": lambda x, t: F.smooth_l1_loss(x, t),
    "smooth_l1_beta_sum": lambda x, t: F.smooth_l1_loss(x, t, beta=0.5, reduction="sum"),
    "huber": lambda x, t: F.huber_loss(x, t, delta=1.5),
    "huber_none": lambda x, t: F.huber_loss(x, t, reduction="none"),
}


@pytest.mark.parametrize("name", sorted(LOSSES))
def test_regression_losses(name):
    assert gradcheck(LOSSES[name], (leaf(3, 4, seed=3), leaf(3, 4, seed=4)))
