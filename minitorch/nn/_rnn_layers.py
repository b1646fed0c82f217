"""The recurrent computations behind ``nn.RNN``, ``nn.LSTM``, ``nn.GRU`` and their cells, step by step as
ATen's CPU kernels (``aten/src/ATen/native/RNN.cpp``) compose them from ordinary recorded ops.

Three levels, as in ATen:

- a **cell** makes one time step: ``hidden = cell(input, hidden, params)``; the tanh/relu RNN cell is
  ``act(linear_hh(h) + linear_ih(x))``, the LSTM and GRU cells cut their gate pre-activations with
  ``unsafe_chunk`` (``UnsafeSplitBackward0``) and apply ``sigmoid``/``tanh`` to each piece;
- a **layer** runs a cell over the sequence: the input projection ``linear_ih`` of every step is computed
  at once (one matrix product, then ``unbind(0)``), the outputs are ``stack``-ed; a bidirectional layer
  runs a second cell backwards over the steps and ``cat``-s both outputs on the last dimension;
- the **stack** feeds each layer's output to the next (with dropout between layers in training) and
  ``stack``-s the final hidden states into ``h_n``.

The graph a backward pass walks is therefore torch's, node for node (``StackBackward0``,
``TanhBackward0``, ``AddBackward0``, ``AddmmBackward0``...). float32 LSTMs take another road in torch
(oneDNN, one node per layer): see ``ops/mkldnn_rnn.py``.
"""

from ..ops import arithmetic, join, pointwise, splitting, transposing
from ..ops.dropout import dropout
from ..ops.linear import linear
from ..ops.unsafe_split import unsafe_chunk


class CellParams:
    """One layer-direction's weights: ``w_ih``, ``w_hh``, optional biases and LSTM projection ``w_hr``."""

    def __init__(self, w_ih, w_hh, b_ih=None, b_hh=None, w_hr=None):
        """Keep the tensors (None where the module has no bias or no projection)."""
        self.w_ih, self.w_hh, self.b_ih, self.b_hh, self.w_hr = w_ih, w_hh, b_ih, b_hh, w_hr

    def linear_ih(self, input):
        """``input @ w_ih.T + b_ih``."""
        return linear(input, self.w_ih, self.b_ih)

    def linear_hh(self, hidden):
        """``hidden @ w_hh.T + b_hh``."""
        return linear(hidden, self.w_hh, self.b_hh)

    def project(self, hidden):
        """The LSTM projection ``hidden @ w_hr.T`` (the identity without one)."""
        return hidden if self.w_hr is None else hidden.matmul(transposing.t(self.w_hr))


def gather_params(flat_weights, has_biases, has_projections=False):
    """Group the module's flat weight list into one ``CellParams`` per layer and direction."""
    per_layer = 2 + 2 * has_biases + has_projections
    groups = [flat_weights[i:i + per_layer] for i in range(0, len(flat_weights), per_layer)]
    if has_biases:
        return [CellParams(*group) for group in groups]
    return [CellParams(group[0], group[1], None, None, group[2] if has_projections else None) for group in groups]


def simple_cell(activation):
    """The Elman cell ``act(linear_hh(h) + linear_ih(x))``; ``x`` may be the precomputed ``linear_ih(x)``."""
    def cell(input, hidden, params, precomputed=False):
        return activation(arithmetic.add(params.linear_hh(hidden),
                                         input if precomputed else params.linear_ih(input)))
    return cell


def lstm_cell(input, hidden, params, precomputed=False):
    """One LSTM step: gates i, f, g, o; ``c' = f * c + i * g``; ``h' = o * tanh(c')`` (then projected)."""
    hx, cx = hidden
    gates = arithmetic.add(params.linear_hh(hx), input if precomputed else params.linear_ih(input))
    ingate, forgetgate, cellgate, outgate = unsafe_chunk(gates, 4, 1)
    ingate, forgetgate = pointwise.sigmoid(ingate), pointwise.sigmoid(forgetgate)
    cellgate, outgate = pointwise.tanh(cellgate), pointwise.sigmoid(outgate)
    cy = arithmetic.add(arithmetic.mul(forgetgate, cx), arithmetic.mul(ingate, cellgate))
    hy = arithmetic.mul(outgate, pointwise.tanh(cy))
    return params.project(hy), cy


def gru_cell(input, hidden, params, precomputed=False):
    """One GRU step: reset r, update z, new n = tanh(x_n + r * h_n); ``h' = (h - n) * z + n``."""
    input_gates = unsafe_chunk(input if precomputed else params.linear_ih(input), 3, 1)
    hidden_gates = unsafe_chunk(params.linear_hh(hidden), 3, 1)
    reset_gate = pointwise.sigmoid(arithmetic.add(hidden_gates[0], input_gates[0]))
    update_gate = pointwise.sigmoid(arithmetic.add(hidden_gates[1], input_gates[1]))
    new_gate = pointwise.tanh(arithmetic.add(input_gates[2], arithmetic.mul(hidden_gates[2], reset_gate)))
    return arithmetic.add(arithmetic.mul(arithmetic.sub(hidden, new_gate), update_gate), new_gate)


def _as_output(hidden):
    return hidden[0] if isinstance(hidden, tuple) else hidden


def _run_steps(cell, step_inputs, hidden, params):
    """Apply ``cell`` to each precomputed step input in turn: the outputs and the last hidden state."""
    outputs = []
    for step_input in step_inputs:
        hidden = cell(step_input, hidden, params, precomputed=True)
        outputs.append(_as_output(hidden))
    if not outputs:
        raise RuntimeError("Expected sequence length to be larger than 0 in RNN")
    return outputs, hidden


def full_layer(cell, input, hidden, params):
    """One direction over the whole sequence ``(seq, batch, features)``: ``(stack(outputs), last hidden)``."""
    outputs, hidden = _run_steps(cell, splitting.unbind(params.linear_ih(input), 0), hidden, params)
    return join.stack(outputs, 0), hidden


def bidirectional_layer(cell, input, hiddens, params):
    """Forward and backward passes over the sequence; their outputs joined on the feature dimension."""
    forward_output, forward_hidden = full_layer(cell, input, hiddens[0], params[0])
    steps = splitting.unbind(params[1].linear_ih(input), 0)
    outputs, backward_hidden = _run_steps(cell, steps[::-1], hiddens[1], params[1])
    backward_output = join.stack(outputs[::-1], 0)
    return join.cat([forward_output, backward_output], forward_output.ndim - 1), (forward_hidden, backward_hidden)


def apply_layer_stack(cell, input, hiddens, params, num_layers, dropout_p, train, bidirectional):
    """Feed each layer into the next (dropout between them in training); the final hidden state of each."""
    directions = 2 if bidirectional else 1
    final_hiddens = []
    for layer in range(num_layers):
        index = layer * directions
        if bidirectional:
            input, pair = bidirectional_layer(cell, input, hiddens[index:index + 2], params[index:index + 2])
            final_hiddens.extend(pair)
        else:
            input, hidden = full_layer(cell, input, hiddens[index], params[index])
            final_hiddens.append(hidden)
        if dropout_p != 0 and train and layer < num_layers - 1:
            input = dropout(input, dropout_p, False)
    return input, final_hiddens


def run_rnn(cell, input, hx, flat_weights, has_biases, num_layers, dropout_p, train, bidirectional, batch_first):
    """``_VF.rnn_tanh`` / ``rnn_relu`` / ``gru``: ``(output, h_n)`` for a time-major or batch-first input."""
    if batch_first:
        input = transposing.transpose(input, 0, 1)
    params = gather_params(flat_weights, has_biases)
    output, final_hiddens = apply_layer_stack(cell, input, list(splitting.unbind(hx, 0)), params, num_layers,
                                              dropout_p, train, bidirectional)
    if batch_first:
        output.transpose_(0, 1)
    return output, join.stack(final_hiddens, 0)


def run_lstm(input, hx, flat_weights, has_biases, num_layers, dropout_p, train, bidirectional, batch_first):
    """``_VF.lstm`` without oneDNN: ``(output, h_n, c_n)``."""
    if batch_first:
        input = transposing.transpose(input, 0, 1)
    has_projections = hx[0].shape[2] != hx[1].shape[2]
    params = gather_params(flat_weights, has_biases, has_projections)
    hiddens = list(zip(splitting.unbind(hx[0], 0), splitting.unbind(hx[1], 0)))
    output, final_hiddens = apply_layer_stack(lstm_cell, input, hiddens, params, num_layers, dropout_p, train,
                                              bidirectional)
    if batch_first:
        output = transposing.transpose(output, 0, 1)
    return output, join.stack([h for h, _ in final_hiddens], 0), join.stack([c for _, c in final_hiddens], 0)


tanh_cell = simple_cell(pointwise.tanh)
relu_cell = simple_cell(pointwise.relu)
