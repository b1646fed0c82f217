"""nn.RNN / LSTM / GRU and their cells without torch: gradcheck in float64, hand-derived values, shapes."""

import math
import warnings

import numpy as np
import pytest

import minitorch as torch
from minitorch.autograd import gradcheck, gradgradcheck
from minitorch.nn import _rnn_layers
from minitorch.ops.mkldnn_rnn import mkldnn_lstm

nn = torch.nn


def _total(output, hidden):
    """A scalar that depends on every output, so gradcheck sees every gradient path."""
    hiddens = list(hidden) if isinstance(hidden, tuple) else [hidden]
    return (output * output).sum() + sum((h * 0.5).sum() for h in hiddens)


MODULES = [
    (nn.RNN, {}),
    (nn.RNN, {"nonlinearity": "relu", "num_layers": 2, "bidirectional": True}),
    (nn.GRU, {"num_layers": 2, "batch_first": True}),
    (nn.GRU, {"bidirectional": True, "bias": False}),
    (nn.LSTM, {"bidirectional": True}),
    (nn.LSTM, {"proj_size": 2, "batch_first": True}),
]


@pytest.mark.parametrize(("cls", "kwargs"), MODULES, ids=lambda v: str(v))
def test_sequence_modules_pass_gradcheck(cls, kwargs):
    torch.manual_seed(0)
    module = cls(2, 3, dtype=torch.float64, **kwargs)
    x = torch.randn(3, 2, 2, dtype=torch.float64, requires_grad=True)
    layers = module.num_layers * (2 if module.bidirectional else 1)
    h0 = torch.randn(layers, 3 if kwargs.get("batch_first") else 2, module.proj_size or 3, dtype=torch.float64,
                     requires_grad=True)
    c0 = torch.randn(layers, h0.shape[1], 3, dtype=torch.float64, requires_grad=True)
    state = (h0, c0) if cls is nn.LSTM else h0
    params = list(module.parameters())
    assert gradcheck(lambda x, h0, c0, *weights: _total(*module(x, state)), (x, h0, c0, *params))


@pytest.mark.parametrize("cls", [nn.RNNCell, nn.GRUCell, nn.LSTMCell])
def test_cells_pass_gradcheck(cls):
    torch.manual_seed(1)
    cell = cls(2, 3, dtype=torch.float64)
    x = torch.randn(4, 2, dtype=torch.float64, requires_grad=True)
    h = torch.randn(4, 3, dtype=torch.float64, requires_grad=True)
    c = torch.randn(4, 3, dtype=torch.float64, requires_grad=True)
    state = (h, c) if cls is nn.LSTMCell else h

    def step(x, h, c, *weights):
        out = cell(x, state)
        return sum((o * o).sum() for o in out) if isinstance(out, tuple) else (out * out).sum()

    assert gradcheck(step, (x, h, c, *cell.parameters()))


@pytest.mark.parametrize("bidirectional", [False, True])
@pytest.mark.parametrize("bias", [True, False])
def test_one_node_lstm_layer_passes_gradcheck_and_equals_the_step_by_step_graph(bidirectional, bias):
    """The float32 path's ``MkldnnRnnLayerBackward0`` (run here in float64) against finite differences and
    against the composite path's values and gradients."""
    torch.manual_seed(2)
    module = nn.LSTM(2, 3, num_layers=2, bidirectional=bidirectional, bias=bias, dtype=torch.float64)
    weights = module._flat_weights
    x = torch.randn(3, 2, 2, dtype=torch.float64, requires_grad=True)
    layers = 4 if bidirectional else 2
    h0 = torch.randn(layers, 2, 3, dtype=torch.float64, requires_grad=True)
    c0 = torch.randn(layers, 2, 3, dtype=torch.float64, requires_grad=True)
    settings = (bias, 2, 0.0, True, bidirectional, False)

    def one_node(x, h0, c0, *params):
        output, hy, cy = mkldnn_lstm(x, h0, c0, weights, *settings)
        return _total(output, (hy, cy))

    def step_by_step(x, h0, c0, *params):
        output, hy, cy = _rnn_layers.run_lstm(x, (h0, c0), weights, *settings)
        return _total(output, (hy, cy))

    output = mkldnn_lstm(x, h0, c0, weights, *settings)[0]
    assert output.grad_fn.name() == ("CatBackward0" if bidirectional else "MkldnnRnnLayerBackward0")
    assert gradcheck(one_node, (x, h0, c0, *weights))
    leaves = (x, h0, c0, *weights)
    grads = [torch.autograd.grad(f(*leaves), leaves) for f in (one_node, step_by_step)]
    for a, b in zip(*grads):
        np.testing.assert_allclose(a.numpy(), b.numpy(), rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(one_node(*leaves).item(), step_by_step(*leaves).item(), rtol=1e-12)


def test_one_node_lstm_layer_passes_gradgradcheck():
    """With ``create_graph=True`` the node's backward is recorded, so it can be differentiated again."""
    torch.manual_seed(6)
    module = nn.LSTM(2, 2, dtype=torch.float64)
    weights = module._flat_weights
    x = torch.randn(2, 1, 2, dtype=torch.float64, requires_grad=True)
    h0 = torch.randn(1, 1, 2, dtype=torch.float64, requires_grad=True)
    c0 = torch.randn(1, 1, 2, dtype=torch.float64, requires_grad=True)

    def one_node(x, h0, c0, *params):
        output, hy, cy = mkldnn_lstm(x, h0, c0, weights, True, 1, 0.0, True, False, False)
        return output, hy, cy

    assert gradgradcheck(one_node, (x, h0, c0, *weights))


def _set(module, **values):
    with torch.no_grad():
        for name, value in values.items():
            getattr(module, name).fill_(value)


def test_rnn_values_by_hand():
    """One unit: ``h_t = tanh(w x_t + u h_{t-1} + b_ih + b_hh)`` from ``h_0 = 0``."""
    rnn = nn.RNN(1, 1, dtype=torch.float64)
    _set(rnn, weight_ih_l0=0.5, weight_hh_l0=-0.8, bias_ih_l0=0.1, bias_hh_l0=0.2)
    output, h_n = rnn(torch.tensor([[[1.0]], [[2.0]], [[-1.0]]], dtype=torch.float64))
    h, expected = 0.0, []
    for x in (1.0, 2.0, -1.0):
        h = math.tanh(0.5 * x - 0.8 * h + 0.3)
        expected.append(h)
    assert output.flatten().tolist() == pytest.approx(expected, abs=1e-15)
    assert h_n.item() == pytest.approx(expected[-1], abs=1e-15)


def test_lstm_cell_values_by_hand():
    """One unit, every gate's weights equal: i = f = o = sigmoid(z), g = tanh(z), c' = f c + i g, h' = o tanh(c')."""
    cell = nn.LSTMCell(1, 1, dtype=torch.float64)
    _set(cell, weight_ih=0.5, weight_hh=0.25, bias_ih=0.0, bias_hh=0.1)
    h, c = cell(torch.tensor([[2.0]], dtype=torch.float64),
                (torch.tensor([[1.0]], dtype=torch.float64), torch.tensor([[-0.5]], dtype=torch.float64)))
    z = 0.5 * 2.0 + 0.25 * 1.0 + 0.1
    s = 1 / (1 + math.exp(-z))
    c_expected = s * -0.5 + s * math.tanh(z)
    assert c.item() == pytest.approx(c_expected, abs=1e-15)
    assert h.item() == pytest.approx(s * math.tanh(c_expected), abs=1e-15)


def test_gru_cell_values_by_hand():
    """One unit: r = z = sigmoid(a), n = tanh(w x + b + r (u h + b)), h' = (1 - z) n + z h."""
    cell = nn.GRUCell(1, 1, dtype=torch.float64)
    _set(cell, weight_ih=0.5, weight_hh=-0.3, bias_ih=0.05, bias_hh=0.1)
    h = cell(torch.tensor([[1.5]], dtype=torch.float64), torch.tensor([[0.4]], dtype=torch.float64))
    a = 0.5 * 1.5 + 0.05 + -0.3 * 0.4 + 0.1
    gate = 1 / (1 + math.exp(-a))
    n = math.tanh(0.5 * 1.5 + 0.05 + gate * (-0.3 * 0.4 + 0.1))
    assert h.item() == pytest.approx((1 - gate) * n + gate * 0.4, abs=1e-15)


def test_bidirectional_backward_half_runs_the_sequence_reversed():
    torch.manual_seed(3)
    both = nn.GRU(2, 3, bidirectional=True)
    backward_only = nn.GRU(2, 3)
    with torch.no_grad():
        for name in ("weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0"):
            getattr(backward_only, name).copy_(getattr(both, name + "_reverse"))
    x = torch.randn(5, 1, 2)
    with torch.no_grad():
        output, h_n = both(x)
        reversed_output, reversed_h = backward_only(x.flip(0))
    np.testing.assert_array_equal(output[:, :, 3:].numpy(), reversed_output.flip(0).numpy())
    np.testing.assert_array_equal(h_n[1].numpy(), reversed_h[0].numpy())


@pytest.mark.parametrize("cls", [nn.RNN, nn.GRU, nn.LSTM])
def test_shapes_batch_first_and_unbatched(cls):
    torch.manual_seed(4)
    module = cls(3, 5, num_layers=2, batch_first=True, bidirectional=True)
    x = torch.randn(2, 7, 3)
    with torch.no_grad():
        output, hidden = module(x)
        single, single_hidden = module(x[1])
    h_n = hidden[0] if cls is nn.LSTM else hidden
    assert tuple(output.shape) == (2, 7, 10) and tuple(h_n.shape) == (4, 2, 5)
    np.testing.assert_allclose(single.numpy(), output[1].numpy(), rtol=1e-6, atol=1e-7)
    assert tuple((single_hidden[0] if cls is nn.LSTM else single_hidden).shape) == (4, 5)


def test_parameters_are_named_and_drawn_in_torchs_order():
    torch.manual_seed(5)
    lstm = nn.LSTM(3, 4, num_layers=2, bidirectional=True, proj_size=2)
    names = [name for name, _ in lstm.named_parameters()]
    assert names[:5] == ["weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0", "weight_hr_l0"]
    assert names[5] == "weight_ih_l0_reverse" and len(names) == 20
    assert tuple(lstm.weight_ih_l1.shape) == (16, 4) and tuple(lstm.weight_hh_l1.shape) == (16, 2)
    torch.manual_seed(5)  # the same draws, one uniform_(-1/sqrt(4), 1/sqrt(4)) per parameter, in this order
    expected = [torch.empty(p.shape).uniform_(-0.5, 0.5) for p in lstm.parameters()]
    for param, values in zip(lstm.parameters(), expected):
        np.testing.assert_array_equal(param.detach().numpy(), values.numpy())


def test_dropout_warning_and_eval_mode():
    with pytest.warns(UserWarning, match="non-zero dropout expects num_layers greater than 1"):
        nn.GRU(2, 3, dropout=0.5)
    module = nn.LSTM(2, 3, num_layers=2, dropout=0.5)
    module.eval()
    x = torch.randn(4, 1, 2)
    np.testing.assert_array_equal(module(x)[0].detach().numpy(), module(x)[0].detach().numpy())


def test_zero_length_sequence_is_refused():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(RuntimeError, match="Expected sequence length to be larger than 0 in RNN"):
            nn.GRU(2, 3)(torch.randn(0, 1, 2))
