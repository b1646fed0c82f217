"""Recurrent layers over whole sequences: ``RNN``, ``LSTM``, ``GRU``, as ``torch.nn`` defines them.

A module holds one set of weights per layer and direction, named as torch names them
(``weight_ih_l0``, ``weight_hh_l0``, ``bias_ih_l0``, ``bias_hh_l0``, ``..._reverse``, ``weight_hr_l0``
for an LSTM with ``proj_size``), all drawn uniformly from ``±1/sqrt(hidden_size)`` in that order, so that
after ``manual_seed`` they are torch's. ``forward`` checks its input with torch's errors and hands the
work to ``_rnn_layers.py`` (recorded ops, torch's graph) or, for a float32 LSTM, to
``ops/mkldnn_rnn.py`` (torch's oneDNN path, one node per layer); a ``PackedSequence`` goes to
``_rnn_packed.py``.
"""

import math
import numbers
import warnings

from .. import _factories
from ..ops import squeezing
from ..ops.mkldnn_rnn import mkldnn_lstm
from . import _rnn_layers, init
from ._rnn_packed import packed_forward
from .module import Module
from .parameter import Parameter
from .utils.rnn import PackedSequence

GATES = {"LSTM": 4, "GRU": 3, "RNN_TANH": 1, "RNN_RELU": 1}
PROJECTIONS_WARNING = ("LSTM with projections is not supported with oneDNN. Using default implementation. (Triggered "
                       "internally at /__w/pytorch/pytorch/aten/src/ATen/native/RNN.cpp:1512.)")
_warned = set()  # torch warns once per process (TORCH_WARN_ONCE)


def _check_settings(mode, input_size, hidden_size, num_layers, bias, batch_first, dropout, proj_size):
    """torch's errors (and its warning) for the constructor's arguments, in torch's order."""
    if not isinstance(dropout, numbers.Number) or not 0 <= dropout <= 1 or isinstance(dropout, bool):
        raise ValueError("dropout should be a number in range [0, 1] representing the probability of an element "
                         "being zeroed")
    if dropout > 0 and num_layers == 1:
        warnings.warn("dropout option adds dropout after all but last recurrent layer, so non-zero dropout "
                      f"expects num_layers greater than 1, but got dropout={dropout} and num_layers={num_layers}",
                      stacklevel=4)
    for name, value, kind in (("bias", bias, bool), ("batch_first", batch_first, bool),
                              ("input_size", input_size, int), ("hidden_size", hidden_size, int)):
        if not isinstance(value, kind):
            raise TypeError(f"{name} should be of type {kind.__name__}, got: {type(value).__name__}")
        if kind is int and value <= 0:
            raise ValueError(f"{name} must be greater than zero")
    if num_layers <= 0:
        raise ValueError("num_layers must be greater than zero")
    if proj_size < 0:
        raise ValueError("proj_size should be a positive integer or zero to disable projections")
    if proj_size >= hidden_size:
        raise ValueError("proj_size has to be smaller than hidden_size")
    if mode not in GATES:
        raise ValueError("Unrecognized RNN mode: " + mode)


class RNNBase(Module):
    """What RNN, LSTM and GRU share: the settings, the weights per layer and direction, the checks."""

    def __init__(self, mode, input_size, hidden_size, num_layers=1, bias=True, batch_first=False, dropout=0.0,
                 bidirectional=False, proj_size=0, device=None, dtype=None):
        """Check the settings, create the weights of every layer and direction, and draw them."""
        super().__init__()
        self.mode, self.input_size, self.hidden_size, self.num_layers = mode, input_size, hidden_size, num_layers
        self.bias, self.batch_first, self.dropout = bias, batch_first, float(dropout)
        self.bidirectional, self.proj_size = bidirectional, proj_size
        _check_settings(mode, input_size, hidden_size, num_layers, bias, batch_first, dropout, proj_size)
        self._flat_weights_names, self._all_weights = [], []
        real_hidden_size = proj_size if proj_size > 0 else hidden_size
        directions = 2 if bidirectional else 1
        for layer in range(num_layers):
            for direction in range(directions):
                layer_input_size = input_size if layer == 0 else real_hidden_size * directions
                shapes = [(GATES[mode] * hidden_size, layer_input_size), (GATES[mode] * hidden_size, real_hidden_size)]
                names = ["weight_ih_l{}{}", "weight_hh_l{}{}"]
                if bias:
                    shapes += [(GATES[mode] * hidden_size,)] * 2
                    names += ["bias_ih_l{}{}", "bias_hh_l{}{}"]
                if proj_size > 0:
                    shapes.append((proj_size, hidden_size))
                    names.append("weight_hr_l{}{}")
                names = [name.format(layer, "_reverse" if direction == 1 else "") for name in names]
                for name, size in zip(names, shapes):
                    setattr(self, name, Parameter(_factories.empty(*size, dtype=dtype, device=device)))
                self._flat_weights_names.extend(names)
                self._all_weights.append(names)
        self.reset_parameters()

    @property
    def _flat_weights(self):
        """The weights in torch's flat order (the current attributes, so a replaced weight is seen)."""
        return [getattr(self, name, None) for name in self._flat_weights_names]

    @property
    def all_weights(self):
        """The weights grouped per layer and direction: ``[[w_ih, w_hh, b_ih, b_hh], ...]``."""
        return [[getattr(self, name) for name in names] for names in self._all_weights]

    def flatten_parameters(self):
        """Does nothing: the weights are never packed into one buffer on the CPU (as in torch)."""

    def reset_parameters(self):
        """Draw every weight uniformly from ``[-1/sqrt(hidden_size), 1/sqrt(hidden_size)]``, in order."""
        stdv = 1.0 / math.sqrt(self.hidden_size) if self.hidden_size > 0 else 0
        for weight in self.parameters():
            init.uniform_(weight, -stdv, stdv)

    def check_input(self, input, batch_sizes=None):
        """torch's errors for an input of another dtype, rank or feature size."""
        weight_dtype = self._flat_weights[0].dtype
        if input.dtype != weight_dtype:
            raise ValueError(f"RNN input dtype ({input.dtype}) does not match weight dtype ({weight_dtype}). "
                             f"Convert input: input.to({weight_dtype}), or convert model: model.to({input.dtype})")
        expected_input_dim = 2 if batch_sizes is not None else 3
        if input.dim() != expected_input_dim:
            raise RuntimeError(f"input must have {expected_input_dim} dimensions, got {input.dim()}")
        if self.input_size != input.size(-1):
            raise RuntimeError(f"input.size(-1) must be equal to input_size. Expected {self.input_size}, "
                               f"got {input.size(-1)}")

    def get_expected_hidden_size(self, input, batch_sizes=None):
        """``(num_layers * num_directions, batch, proj_size or hidden_size)``."""
        mini_batch = input.size(0) if self.batch_first else input.size(1)
        directions = 2 if self.bidirectional else 1
        return (self.num_layers * directions, mini_batch, self.proj_size if self.proj_size > 0 else self.hidden_size)

    def check_hidden_size(self, hx, expected_hidden_size, msg="Expected hidden size {}, got {}"):
        """torch's error when ``hx`` does not have the expected size."""
        if tuple(hx.size()) != tuple(expected_hidden_size):
            raise RuntimeError(msg.format(expected_hidden_size, list(hx.size())))

    def check_forward_args(self, input, hidden, batch_sizes=None):
        """Check the input, then the initial hidden state against it."""
        self.check_input(input, batch_sizes)
        self.check_hidden_size(hidden, self.get_expected_hidden_size(input, batch_sizes))

    def _batched(self, input, hx, kind):
        """A 2-D (unbatched) input and its 2-D ``hx`` get a batch dimension; torch's errors for other ranks."""
        if input.dim() not in (2, 3):
            tail = "D tensor instead" if kind == "RNN" else "D instead"
            raise ValueError(f"{kind}: Expected input to be 2D or 3D, got {input.dim()}{tail}")
        if input.dim() == 3:
            if hx is not None and hx.dim() != 3:
                raise RuntimeError(f"For batched 3-D input, hx should also be 3-D but got {hx.dim()}-D tensor")
            return input, hx
        if hx is not None and hx.dim() != 2:
            raise RuntimeError(f"For unbatched 2-D input, hx should also be 2-D but got {hx.dim()}-D tensor")
        batch_dim = 0 if self.batch_first else 1
        return squeezing.unsqueeze(input, batch_dim), None if hx is None else squeezing.unsqueeze(hx, 1)

    def _zeros(self, input, size):
        batch = input.size(0) if self.batch_first else input.size(1)
        directions = 2 if self.bidirectional else 1
        return _factories.zeros(self.num_layers * directions, batch, size, dtype=input.dtype)

    def _one_hidden_forward(self, input, hx, kind, cell):
        """RNN's and GRU's forward: ``(output, h_n)``, unbatched in, unbatched out, packed in, packed out."""
        if isinstance(input, PackedSequence):
            return packed_forward(self, input, hx, cell)
        is_batched = input.dim() == 3
        input, hx = self._batched(input, hx, kind)
        if hx is None:
            hx = self._zeros(input, self.hidden_size)
        self.check_forward_args(input, hx)
        output, hidden = _rnn_layers.run_rnn(cell, input, hx, self._flat_weights, self.bias, self.num_layers,
                                             self.dropout, self.training, self.bidirectional, self.batch_first)
        if not is_batched:
            output, hidden = squeezing.squeeze(output, 0 if self.batch_first else 1), squeezing.squeeze(hidden, 1)
        return output, hidden

    def extra_repr(self):
        """Sizes, then only the settings that differ from their defaults, in torch's order."""
        defaults = (("proj_size", 0), ("num_layers", 1), ("bias", True), ("batch_first", False), ("dropout", 0),
                    ("bidirectional", False))
        changed = [f", {name}={getattr(self, name)}" for name, default in defaults if getattr(self, name) != default]
        return f"{self.input_size}, {self.hidden_size}" + "".join(changed)


class RNN(RNNBase):
    """Elman RNN: ``h_t = tanh(x_t @ W_ih.T + b_ih + h_{t-1} @ W_hh.T + b_hh)`` (or ReLU), layer upon layer."""

    def __init__(self, *args, **kwargs):
        """``RNN(input_size, hidden_size, num_layers=1, nonlinearity='tanh', bias=True, batch_first=False,
        dropout=0.0, bidirectional=False)``."""
        if "proj_size" in kwargs:
            raise ValueError("proj_size argument is only supported for LSTM, not RNN or GRU")
        if len(args) > 3:
            self.nonlinearity = args[3]
            args = args[:3] + args[4:]
        else:
            self.nonlinearity = kwargs.pop("nonlinearity", "tanh")
        modes = {"tanh": "RNN_TANH", "relu": "RNN_RELU"}
        if self.nonlinearity not in modes:
            raise ValueError(f"Unknown nonlinearity '{self.nonlinearity}'. Select from 'tanh' or 'relu'.")
        super().__init__(modes[self.nonlinearity], *args, **kwargs)

    def forward(self, input, hx=None):
        """``(output, h_n)``: every step's top-layer hidden state, and every layer's last one."""
        cell = _rnn_layers.tanh_cell if self.mode == "RNN_TANH" else _rnn_layers.relu_cell
        return self._one_hidden_forward(input, hx, "RNN", cell)


class GRU(RNNBase):
    """Gated recurrent unit: reset and update gates decide how much of the old state to keep."""

    def __init__(self, *args, **kwargs):
        """``GRU(input_size, hidden_size, num_layers=1, bias=True, batch_first=False, dropout=0.0,
        bidirectional=False)``."""
        if "proj_size" in kwargs:
            raise ValueError("proj_size argument is only supported for LSTM, not RNN or GRU")
        super().__init__("GRU", *args, **kwargs)

    def forward(self, input, hx=None):
        """``(output, h_n)``, as ``RNN``."""
        return self._one_hidden_forward(input, hx, "GRU", _rnn_layers.gru_cell)


class LSTM(RNNBase):
    """Long short-term memory: a cell state ``c`` carried through input, forget and output gates."""

    def __init__(self, *args, **kwargs):
        """``LSTM(input_size, hidden_size, num_layers=1, bias=True, batch_first=False, dropout=0.0,
        bidirectional=False, proj_size=0)``."""
        super().__init__("LSTM", *args, **kwargs)

    def get_expected_cell_size(self, input, batch_sizes=None):
        """``(num_layers * num_directions, batch, hidden_size)``."""
        mini_batch = input.size(0) if self.batch_first else input.size(1)
        return (self.num_layers * (2 if self.bidirectional else 1), mini_batch, self.hidden_size)

    def check_forward_args(self, input, hidden, batch_sizes=None):
        """Check the input, then ``h_0`` and ``c_0`` against it."""
        self.check_input(input, batch_sizes)
        self.check_hidden_size(hidden[0], self.get_expected_hidden_size(input, batch_sizes),
                               "Expected hidden[0] size {}, got {}")
        self.check_hidden_size(hidden[1], self.get_expected_cell_size(input, batch_sizes),
                               "Expected hidden[1] size {}, got {}")

    def forward(self, input, hx=None):
        """``(output, (h_n, c_n))``."""
        if isinstance(input, PackedSequence):
            return packed_forward(self, input, hx, None)
        if input.dim() not in (2, 3):
            raise ValueError(f"LSTM: Expected input to be 2D or 3D, got {input.dim()}D instead")
        is_batched = input.dim() == 3
        batch_dim = 0 if self.batch_first else 1
        if not is_batched:
            input = squeezing.unsqueeze(input, batch_dim)
        if hx is None:
            hx = (self._zeros(input, self.proj_size or self.hidden_size), self._zeros(input, self.hidden_size))
        else:
            ranks, wanted = (hx[0].dim(), hx[1].dim()), (3, 3) if is_batched else (2, 2)
            if ranks != wanted:
                kind = "batched 3-D" if is_batched else "unbatched 2-D"
                raise RuntimeError(f"For {kind} input, hx and cx should also be {wanted[0]}-D but got "
                                   f"({ranks[0]}-D, {ranks[1]}-D) tensors")
            if not is_batched:
                hx = (squeezing.unsqueeze(hx[0], 1), squeezing.unsqueeze(hx[1], 1))
        self.check_forward_args(input, hx)
        args = (self._flat_weights, self.bias, self.num_layers, self.dropout, self.training, self.bidirectional,
                self.batch_first)
        one_dnn = input.dtype.is_floating_point and input.dtype.itemsize == 4 and input.numel()  # torch's rule
        if one_dnn and not self.proj_size:
            output, h_n, c_n = mkldnn_lstm(input, hx[0], hx[1], *args)
        else:
            if one_dnn and PROJECTIONS_WARNING not in _warned:
                _warned.add(PROJECTIONS_WARNING)
                warnings.warn(PROJECTIONS_WARNING, UserWarning, stacklevel=3)
            output, h_n, c_n = _rnn_layers.run_lstm(input, hx, *args)
        if not is_batched:
            output = squeezing.squeeze(output, batch_dim)
            h_n, c_n = squeezing.squeeze(h_n, 1), squeezing.squeeze(c_n, 1)
        return output, (h_n, c_n)
