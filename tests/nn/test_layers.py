"""Layers against PyTorch: reprs, constructor errors, default initialisation, and forward/backward with
the same weights (values, gradients and the graph torch records).
"""

import math
import re

import numpy as np
import pytest
from nn_test_helpers import assert_close, node_names, raised

import minitorch

pytestmark = pytest.mark.parity

LAYERS = {
    "linear": lambda nn: nn.Linear(3, 4),
    "linear no bias": lambda nn: nn.Linear(3, 4, bias=False),
    "conv": lambda nn: nn.Conv2d(4, 8, 3, stride=2, padding=1),
    "conv grouped": lambda nn: nn.Conv2d(4, 8, (3, 5), stride=(2, 1), dilation=2, groups=2, bias=False),
    "conv same": lambda nn: nn.Conv2d(4, 8, 3, padding="same"),
    "conv valid": lambda nn: nn.Conv2d(4, 8, 1, padding="valid"),
    "relu": lambda nn: nn.ReLU(),
    "relu inplace": lambda nn: nn.ReLU(inplace=True),
    "sigmoid": lambda nn: nn.Sigmoid(),
    "tanh": lambda nn: nn.Tanh(),
    "softmax": lambda nn: nn.Softmax(dim=1),
    "softmax implicit": lambda nn: nn.Softmax(),
    "log softmax": lambda nn: nn.LogSoftmax(1),
    "flatten": lambda nn: nn.Flatten(),
    "flatten dims": lambda nn: nn.Flatten(0, 2),
    "zero pad": lambda nn: nn.ZeroPad2d(1),
    "zero pad tuple": lambda nn: nn.ZeroPad2d((1, 2, 3, 4)),
    "max pool": lambda nn: nn.MaxPool2d(2),
    "max pool settings": lambda nn: nn.MaxPool2d(3, 2, 1, ceil_mode=True),
    "dropout": lambda nn: nn.Dropout(),
    "dropout inplace": lambda nn: nn.Dropout(0.2, inplace=True),
    "identity": lambda nn: nn.Identity(),
    "mse": lambda nn: nn.MSELoss(),
    "bce": lambda nn: nn.BCELoss(),
    "bce logits": lambda nn: nn.BCEWithLogitsLoss(),
    "cross entropy": lambda nn: nn.CrossEntropyLoss(),
    "nll": lambda nn: nn.NLLLoss(reduction="sum"),
}


@pytest.mark.parametrize("name", LAYERS)
def test_repr_matches_torch(torch, name):
    assert repr(LAYERS[name](minitorch.nn)) == repr(LAYERS[name](torch.nn))


BAD_LAYERS = {
    "groups zero": lambda nn: nn.Conv2d(4, 8, 3, groups=0),
    "in channels": lambda nn: nn.Conv2d(4, 8, 3, groups=3),
    "out channels": lambda nn: nn.Conv2d(4, 6, 3, groups=4),
    "padding string": lambda nn: nn.Conv2d(4, 8, 3, padding="foo"),
    "same strided": lambda nn: nn.Conv2d(4, 8, 3, padding="same", stride=2),
    "padding mode": lambda nn: nn.Conv2d(4, 8, 3, padding_mode="foo"),
    "dropout p": lambda nn: nn.Dropout(2),
}


def _sets_sorted(error):
    """torch prints some choices as a Python set, whose order varies between processes: sort them."""
    kind, message = error
    return kind, re.sub(r"\{[^{}]*\}", lambda found: str(sorted(found.group(0)[1:-1].split(", "))), message)


@pytest.mark.parametrize("name", BAD_LAYERS)
def test_constructor_errors_match_torch(torch, name):
    expected = raised(lambda: BAD_LAYERS[name](torch.nn))
    assert expected is not None
    assert _sets_sorted(raised(lambda: BAD_LAYERS[name](minitorch.nn))) == _sets_sorted(expected)


def _copy_parameters(ours, theirs):
    """Give the minitorch module the torch module's parameter values."""
    with minitorch.no_grad():
        for mine, reference in zip(ours.parameters(), theirs.parameters()):
            mine.copy_(minitorch.tensor(reference.detach().numpy()))


@pytest.mark.parametrize("shape", [(3,), (5, 3), (2, 5, 3)])
@pytest.mark.parametrize("bias", [True, False])
def test_linear_forward_backward_and_graph(torch, shape, bias, rng):
    ours, theirs = minitorch.nn.Linear(3, 4, bias=bias), torch.nn.Linear(3, 4, bias=bias)
    _copy_parameters(ours, theirs)
    values = rng.standard_normal(shape).astype(np.float32)
    x, tx = minitorch.tensor(values, requires_grad=True), torch.tensor(values, requires_grad=True)
    out, expected = ours(x), theirs(tx)
    assert_close(out, expected)
    assert node_names(out) == node_names(expected)
    out.sum().backward()
    expected.sum().backward()
    assert_close(x.grad, tx.grad)
    for mine, reference in zip(ours.parameters(), theirs.parameters()):
        assert_close(mine.grad, reference.grad, rtol=1e-5, atol=1e-5)


def test_linear_saves_each_matrix_only_for_the_other(torch):
    for lib in (minitorch, torch):
        layer = lib.nn.Linear(2, 1)
        node = layer(lib.ones(3, 2)).grad_fn
        assert node._saved_mat2 is None and node._saved_mat1 is not None
        node = lib.nn.functional.linear(lib.ones(3, 2, requires_grad=True), lib.ones(1, 2), lib.ones(1)).grad_fn
        assert node._saved_mat1 is None and node._saved_mat2 is not None
        assert (node._saved_alpha, node._saved_beta) == (1, 1)


def test_linear_shape_error_matches_torch(torch):
    for shape in [(3, 5), (5,), (2, 3, 5)]:
        assert raised(lambda s=shape: minitorch.nn.Linear(3, 4)(minitorch.ones(*s))) == raised(
            lambda s=shape: torch.nn.Linear(3, 4)(torch.ones(*s)))


def test_conv2d_module_forward_backward(torch, rng):
    ours, theirs = LAYERS["conv grouped"](minitorch.nn), LAYERS["conv grouped"](torch.nn)
    _copy_parameters(ours, theirs)
    values = rng.standard_normal((2, 4, 9, 11)).astype(np.float32)
    out, expected = ours(minitorch.tensor(values)), theirs(torch.tensor(values))
    assert_close(out, expected, rtol=1e-4, atol=1e-5)
    out.pow(2).sum().backward()
    expected.pow(2).sum().backward()
    assert_close(ours.weight.grad, theirs.weight.grad, rtol=1e-4, atol=1e-3)


@pytest.mark.parametrize("build", [lambda nn: nn.Linear(50, 40), lambda nn: nn.Conv2d(6, 30, (3, 5), groups=3)])
def test_default_initialisation_bounds(torch, build):
    ours, theirs = build(minitorch.nn), build(torch.nn)
    fan_in = math.prod(ours.weight.shape[1:])
    bound = 1 / math.sqrt(fan_in)  # kaiming_uniform_(a=sqrt(5)) gives the same bound as the bias
    for mine, reference in zip(ours.parameters(), theirs.parameters()):
        assert mine.shape == reference.shape and mine.dtype == minitorch.float32
        values = mine.detach().numpy()
        assert np.abs(values).max() <= bound
        assert np.abs(values).max() > 0.8 * bound  # spread over the whole range, not a narrower one
        assert abs(values.mean()) < 0.2 * bound
        assert np.abs(reference.detach().numpy()).max() <= bound
        assert mine._version == reference._version == 1  # initialised by one in-place write


def test_dropout_train_and_eval(torch):
    x = minitorch.ones(2000, requires_grad=True)
    layer = minitorch.nn.Dropout(0.25)
    out = layer(x)
    values = out.detach().numpy()
    assert set(np.unique(values)) <= {0.0, np.float32(1 / 0.75)}
    assert 0.2 < (values == 0).mean() < 0.3
    assert out.grad_fn.name() == torch.nn.Dropout(0.25)(torch.ones(3, requires_grad=True)).grad_fn.name()
    out.sum().backward()
    np.testing.assert_allclose(x.grad.numpy(), values)
    layer.eval()
    assert layer(x) is x
    assert minitorch.nn.functional.dropout(x, 0.0) is x
    assert float(minitorch.nn.functional.dropout(x, 1.0).detach().abs().sum()) == 0


@pytest.mark.parametrize("name", ["flatten", "flatten dims", "zero pad", "zero pad tuple", "max pool",
                                  "max pool settings", "relu", "sigmoid", "tanh", "softmax", "log softmax"])
def test_shape_layers_match_torch(torch, name, rng):
    values = rng.standard_normal((2, 3, 5, 6))
    x, tx = minitorch.tensor(values, requires_grad=True), torch.tensor(values, requires_grad=True)
    out, expected = LAYERS[name](minitorch.nn)(x), LAYERS[name](torch.nn)(tx)
    assert_close(out, expected, rtol=1e-10, atol=1e-12)
    assert node_names(out) == node_names(expected)
    grad = rng.standard_normal(tuple(expected.shape))
    out.backward(minitorch.tensor(grad))
    expected.backward(torch.tensor(grad))
    assert_close(x.grad, tx.grad, rtol=1e-10, atol=1e-12)


def test_relu_inplace_overwrites_and_records(torch):
    for lib in (minitorch, torch):
        x = lib.tensor([-1.0, 2.0], requires_grad=True)
        y = x * 1
        out = lib.nn.ReLU(inplace=True)(y)
        assert out is y and y._version == 1
        assert node_names(out) == ["ReluBackward0", "MulBackward0", "torch::autograd::AccumulateGrad"]
