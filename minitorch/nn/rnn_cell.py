"""One time step at a time: ``RNNCell``, ``LSTMCell``, ``GRUCell``, as ``torch.nn`` defines them.

A cell owns ``weight_ih``, ``weight_hh`` and (with ``bias=True``) ``bias_ih``, ``bias_hh``, with
``1``, ``4`` or ``3`` gates stacked in their rows, drawn uniformly from ``±1/sqrt(hidden_size)``. The
step itself is the one the sequence layers use (``_rnn_layers.py``), after torch's shape checks.
"""

import math

from .. import _factories
from ..ops import squeezing
from . import _rnn_layers, init
from .module import Module
from .parameter import Parameter


def _check_weights(w_ih, w_hh, gates):
    """torch's error when a weight does not have ``gates * hidden_size`` rows."""
    hidden_size = w_hh.shape[1]
    for weight, name in ((w_ih, "weight_ih"), (w_hh, "weight_hh")):
        if weight.shape[0] != gates * hidden_size:
            raise RuntimeError(f"{name} first dim must be {gates} * hidden_size = {gates * hidden_size}, "
                               f"but got {weight.shape[0]}")


def _check_hiddens(input, hiddens, hidden_size):
    """torch's errors when a hidden state's batch or size does not match."""
    for label, hx in enumerate(hiddens):
        if input.shape[0] != hx.shape[0]:
            raise RuntimeError(f"Input batch size {input.shape[0]} doesn't match hidden{label} batch size "
                               f"{hx.shape[0]}")
        if hx.shape[1] != hidden_size:
            raise RuntimeError(f"hidden{label} has inconsistent hidden_size: got {hx.shape[1]}, expected "
                               f"{hidden_size}")


def _check_cell(input, hiddens, w_ih, w_hh, gates):
    """ATen's checks of a cell's input, hidden states and weights, in the order each cell makes them."""
    if gates == 1:
        _check_weights(w_ih, w_hh, gates)
    if input.shape[1] != w_ih.shape[1]:
        raise RuntimeError(f"input has inconsistent input_size: got {input.shape[1]} expected {w_ih.shape[1]}")
    if gates == 4:
        _check_weights(w_ih, w_hh, gates)
    _check_hiddens(input, hiddens, w_hh.shape[1])
    if gates == 3:
        _check_weights(w_ih, w_hh, gates)


class RNNCellBase(Module):
    """The weights and the initialisation every cell shares."""

    def __init__(self, input_size, hidden_size, bias, num_chunks, device=None, dtype=None):
        """Create ``weight_ih``, ``weight_hh`` (and the biases) for ``num_chunks`` gates and draw them."""
        super().__init__()
        self.input_size, self.hidden_size, self.bias = input_size, hidden_size, bias
        gate_rows = num_chunks * hidden_size
        self.weight_ih = Parameter(_factories.empty(gate_rows, input_size, dtype=dtype, device=device))
        self.weight_hh = Parameter(_factories.empty(gate_rows, hidden_size, dtype=dtype, device=device))
        if bias:
            self.bias_ih = Parameter(_factories.empty(gate_rows, dtype=dtype, device=device))
            self.bias_hh = Parameter(_factories.empty(gate_rows, dtype=dtype, device=device))
        else:
            self.register_parameter("bias_ih", None)
            self.register_parameter("bias_hh", None)
        self.reset_parameters()

    def extra_repr(self):
        """``input_size, hidden_size``, then ``bias`` and ``nonlinearity`` when not the defaults."""
        text = f"{self.input_size}, {self.hidden_size}"
        if self.bias is not True:
            text += f", bias={self.bias}"
        if getattr(self, "nonlinearity", "tanh") != "tanh":
            text += f", nonlinearity={self.nonlinearity}"
        return text

    def reset_parameters(self):
        """Draw every weight uniformly from ``[-1/sqrt(hidden_size), 1/sqrt(hidden_size)]``, in order."""
        stdv = 1.0 / math.sqrt(self.hidden_size) if self.hidden_size > 0 else 0
        for weight in self.parameters():
            init.uniform_(weight, -stdv, stdv)

    def _params(self):
        return _rnn_layers.CellParams(self.weight_ih, self.weight_hh, self.bias_ih, self.bias_hh)

    def _batched(self, input, hx, kind):
        """torch's rank checks; a 1-D input (and its hidden state) gets a batch dimension."""
        if input.dim() not in (1, 2):
            raise ValueError(f"{kind}: Expected input to be 1D or 2D, got {input.dim()}D instead")
        if hx is not None and hx.dim() not in (1, 2):
            raise ValueError(f"{kind}: Expected hidden to be 1D or 2D, got {hx.dim()}D instead")
        if input.dim() == 2:
            return input, hx
        return squeezing.unsqueeze(input, 0), None if hx is None else squeezing.unsqueeze(hx, 0)

    def _zeros(self, input):
        return _factories.zeros(input.size(0), self.hidden_size, dtype=input.dtype)


class RNNCell(RNNCellBase):
    """``h' = tanh(x @ W_ih.T + b_ih + h @ W_hh.T + b_hh)`` (or ReLU)."""

    def __init__(self, input_size, hidden_size, bias=True, nonlinearity="tanh", device=None, dtype=None):
        """One gate; ``nonlinearity`` is ``'tanh'`` or ``'relu'`` (checked when called, as torch does)."""
        super().__init__(input_size, hidden_size, bias, num_chunks=1, device=device, dtype=dtype)
        self.nonlinearity = nonlinearity

    def forward(self, input, hx=None):
        """The next hidden state ``(batch, hidden_size)`` (or ``(hidden_size,)`` for a 1-D input)."""
        is_batched = input.dim() == 2
        input, hx = self._batched(input, hx, "RNNCell")
        hx = self._zeros(input) if hx is None else hx
        cells = {"tanh": _rnn_layers.tanh_cell, "relu": _rnn_layers.relu_cell}
        if self.nonlinearity not in cells:
            raise RuntimeError(f"Unknown nonlinearity: {self.nonlinearity}")
        _check_cell(input, [hx], self.weight_ih, self.weight_hh, 1)
        out = cells[self.nonlinearity](input, hx, self._params())
        return out if is_batched else squeezing.squeeze(out, 0)


class GRUCell(RNNCellBase):
    """One GRU step (reset, update and new gates)."""

    def __init__(self, input_size, hidden_size, bias=True, device=None, dtype=None):
        """Three gates stacked in the weights' rows: reset, update, new."""
        super().__init__(input_size, hidden_size, bias, num_chunks=3, device=device, dtype=dtype)

    def forward(self, input, hx=None):
        """The next hidden state."""
        is_batched = input.dim() == 2
        input, hx = self._batched(input, hx, "GRUCell")
        hx = self._zeros(input) if hx is None else hx
        _check_cell(input, [hx], self.weight_ih, self.weight_hh, 3)
        out = _rnn_layers.gru_cell(input, hx, self._params())
        return out if is_batched else squeezing.squeeze(out, 0)


class LSTMCell(RNNCellBase):
    """One LSTM step: ``(h', c')`` from ``(h, c)`` through input, forget, cell and output gates."""

    def __init__(self, input_size, hidden_size, bias=True, device=None, dtype=None):
        """Four gates stacked in the weights' rows: input, forget, cell, output."""
        super().__init__(input_size, hidden_size, bias, num_chunks=4, device=device, dtype=dtype)

    def forward(self, input, hx=None):
        """``(h', c')``."""
        if input.dim() not in (1, 2):
            raise ValueError(f"LSTMCell: Expected input to be 1D or 2D, got {input.dim()}D instead")
        for index, value in enumerate(hx or ()):
            if value.dim() not in (1, 2):
                raise ValueError(f"LSTMCell: Expected hx[{index}] to be 1D or 2D, got {value.dim()}D instead")
        is_batched = input.dim() == 2
        if not is_batched:
            input = squeezing.unsqueeze(input, 0)
        if hx is None:
            zeros = self._zeros(input)
            hx = (zeros, zeros)
        elif not is_batched:
            hx = (squeezing.unsqueeze(hx[0], 0), squeezing.unsqueeze(hx[1], 0))
        _check_cell(input, list(hx), self.weight_ih, self.weight_hh, 4)
        hy, cy = _rnn_layers.lstm_cell(input, tuple(hx), self._params())
        return (hy, cy) if is_batched else (squeezing.squeeze(hy, 0), squeezing.squeeze(cy, 0))
