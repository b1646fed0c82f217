"""``nn.init`` against PyTorch: gains, fans, the exact bounds and spreads each function asks for, the
drawn values (statistically), in-place semantics on parameters, and the error texts.
"""

import numpy as np
import pytest
from nn_test_helpers import raised

import minitorch

pytestmark = pytest.mark.parity

GAINS = [("linear", None), ("conv2d", None), ("sigmoid", None), ("tanh", None), ("relu", None),
         ("leaky_relu", None), ("leaky_relu", 0.2), ("leaky_relu", 1), ("selu", None), ("conv_transpose2d", None)]


@pytest.mark.parametrize("nonlinearity, param", GAINS)
def test_calculate_gain(torch, nonlinearity, param):
    assert minitorch.nn.init.calculate_gain(nonlinearity, param) == torch.nn.init.calculate_gain(nonlinearity, param)


def _drawn_with(lib, monkeypatch, call, shape):
    """The arguments ``call`` passes to ``Tensor.uniform_``/``normal_`` (recorded, then really drawn)."""
    seen = []
    for method in ("uniform_", "normal_"):
        original = getattr(lib.Tensor, method)

        def spy(self, *args, _original=original, _method=method, **kwargs):
            seen.append((_method, args, {k: v for k, v in kwargs.items() if k != "generator"}))
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(lib.Tensor, method, spy)
    tensor = lib.nn.Parameter(lib.empty(*shape))
    result = call(lib.nn.init, tensor)
    monkeypatch.undo()
    assert result is tensor
    return seen, tensor


CALLS = {
    "uniform_": lambda init, t: init.uniform_(t, -0.3, 0.7),
    "normal_": lambda init, t: init.normal_(t, 0.5, 2.0),
    "xavier_uniform_": lambda init, t: init.xavier_uniform_(t, gain=1.7),
    "xavier_normal_": lambda init, t: init.xavier_normal_(t),
    "kaiming_uniform_": lambda init, t: init.kaiming_uniform_(t, a=5**0.5),
    "kaiming_uniform_ relu fan_out": lambda init, t: init.kaiming_uniform_(t, mode="fan_out", nonlinearity="relu"),
    "kaiming_normal_": lambda init, t: init.kaiming_normal_(t),
    "kaiming_normal_ fan_out": lambda init, t: init.kaiming_normal_(t, a=0.1, mode="fan_out"),
}


@pytest.mark.parametrize("name", CALLS)
@pytest.mark.parametrize("shape", [(40, 30), (16, 6, 3, 5)])
def test_bounds_are_computed_as_torch_and_values_respect_them(torch, monkeypatch, name, shape):
    ours, mine = _drawn_with(minitorch, monkeypatch, CALLS[name], shape)
    theirs, reference = _drawn_with(torch, monkeypatch, CALLS[name], shape)
    assert ours == theirs  # the same method with the same (bit-identical) bounds or spread
    method, args, kwargs = ours[0]
    values = mine.detach().numpy().astype(np.float64)
    if method == "uniform_":
        low, high = args
        assert low <= values.min() and values.max() < high
        assert values.min() < low + 0.1 * (high - low) and values.max() > high - 0.1 * (high - low)
    else:
        mean, std = args
        assert abs(values.mean() - mean) < 4 * std / np.sqrt(values.size)
        assert 0.85 * std < values.std() < 1.15 * std
    assert mine._version == reference._version == 1
    assert mine.requires_grad and mine.is_leaf and mine.grad_fn is None


def test_constant_zeros_ones(torch):
    for lib in (minitorch, torch):
        param = lib.nn.Parameter(lib.empty(2, 3))
        assert lib.nn.init.constant_(param, 0.3) is param
        assert np.allclose(param.detach().numpy(), 0.3)
        lib.nn.init.zeros_(param)
        assert not param.detach().numpy().any()
        lib.nn.init.ones_(param)
        assert (param.detach().numpy() == 1).all()
        assert param._version == 3 and param.is_leaf


ERRORS = {
    "nonlinearity": lambda t: t.nn.init.calculate_gain("foo"),
    "slope bool": lambda t: t.nn.init.calculate_gain("leaky_relu", True),
    "slope str": lambda t: t.nn.init.calculate_gain("leaky_relu", "a"),
    "fan of vector": lambda t: t.nn.init.kaiming_uniform_(t.empty(3)),
    "xavier of vector": lambda t: t.nn.init.xavier_uniform_(t.empty(3)),
    "mode": lambda t: t.nn.init.kaiming_normal_(t.empty(3, 2), mode="foo"),
}


@pytest.mark.parametrize("name", ERRORS)
def test_errors_match_torch(torch, name):
    expected = raised(lambda: ERRORS[name](torch))
    assert expected is not None and raised(lambda: ERRORS[name](minitorch)) == expected


def test_zero_element_tensors_warn_as_torch(torch):
    for lib in (minitorch, torch):
        with pytest.warns(UserWarning, match="Initializing zero-element tensors is a no-op"):
            lib.nn.init.kaiming_uniform_(lib.empty(0, 2))
