"""The recurrent layers over a ``PackedSequence``, as ATen's packed layers (``PackedLayer``,
``ReversedPackedLayer`` in ``aten/src/ATen/native/RNN.cpp``) compose them from recorded ops.

The input projection of every step is computed at once on ``data`` (one ``addmm``); step ``t`` takes its
``batch_sizes[t]`` rows (``narrow``: ``SliceBackward0``). When sequences end, the batch shrinks: the hidden
states of the finished ones are set aside (``narrow``) and the rest carry on; at the end they are joined
(``cat``) into each sequence's own last hidden state. The reversed direction starts from the last step with
the few sequences that reach it and takes more of the initial hidden state in as it meets them. The outputs
of the steps are joined with ``cat`` into the output's ``data``.
"""

from __future__ import annotations

from .. import _factories
from ..ops import index_ops, join, splitting
from ..ops.dropout import dropout
from ._rnn_layers import _as_output, gather_params, lstm_cell
from .utils.rnn import PackedSequence


def _hidden_slice(hidden, start, end):
    """Rows ``start:end`` of a hidden state (both parts of an LSTM's ``(h, c)``)."""
    if isinstance(hidden, tuple):
        return tuple(_hidden_slice(part, start, end) for part in hidden)
    return splitting.narrow(hidden, 0, start, end - start)


def _hidden_concat(hiddens):
    """Hidden states joined along the batch (part by part for an LSTM)."""
    if isinstance(hiddens[0], tuple):
        return tuple(join.cat([hidden[i] for hidden in hiddens], 0) for i in range(len(hiddens[0])))
    return join.cat(hiddens, 0)


def packed_layer(cell, data, batch_sizes, hidden, params):
    """One direction forwards over a packed sequence: ``(cat(outputs), each sequence's last hidden state)``."""
    steps = params.linear_ih(data)
    outputs, finished, offset, last_batch_size = [], [], 0, batch_sizes[0]
    for batch_size in batch_sizes:
        step_input = splitting.narrow(steps, 0, offset, batch_size)
        offset += batch_size
        if batch_size < last_batch_size:
            finished.append(_hidden_slice(hidden, batch_size, last_batch_size))
            hidden = _hidden_slice(hidden, 0, batch_size)
        last_batch_size = batch_size
        hidden = cell(step_input, hidden, params, precomputed=True)
        outputs.append(_as_output(hidden))
    finished.append(hidden)
    return join.cat(outputs, 0), _hidden_concat(finished[::-1])


def reversed_packed_layer(cell, data, batch_sizes, input_hidden, params):
    """One direction backwards over a packed sequence (from the last step to the first)."""
    steps = params.linear_ih(data)
    offset, last_batch_size = data.shape[0], batch_sizes[-1]
    hidden = _hidden_slice(input_hidden, 0, last_batch_size)
    outputs = []
    for batch_size in reversed(batch_sizes):
        if batch_size > last_batch_size:
            hidden = _hidden_concat([hidden, _hidden_slice(input_hidden, last_batch_size, batch_size)])
        step_input = splitting.narrow(steps, 0, offset - batch_size, batch_size)
        offset -= batch_size
        last_batch_size = batch_size
        hidden = cell(step_input, hidden, params, precomputed=True)
        outputs.append(_as_output(hidden))
    return join.cat(outputs[::-1], 0), hidden


def _packed_stack(cell, data, batch_sizes, hiddens, params, settings):
    """Layer upon layer (both directions joined on the features), dropout between layers in training."""
    num_layers, dropout_p, train, bidirectional = settings
    directions = 2 if bidirectional else 1
    final_hiddens = []
    for layer in range(num_layers):
        index = layer * directions
        output, hidden = packed_layer(cell, data, batch_sizes, hiddens[index], params[index])
        final_hiddens.append(hidden)
        if bidirectional:
            backward_output, backward_hidden = reversed_packed_layer(cell, data, batch_sizes, hiddens[index + 1],
                                                                     params[index + 1])
            output = join.cat([output, backward_output], -1)
            final_hiddens.append(backward_hidden)
        data = output
        if dropout_p != 0 and train and layer < num_layers - 1:
            data = dropout(data, dropout_p, False)
    return data, final_hiddens


def _permute_hidden(hx, permutation):
    """``hx`` (or each part of an LSTM's) with its batch reordered, as ``RNNBase.permute_hidden``."""
    if permutation is None or hx is None:
        return hx
    if isinstance(hx, tuple):
        return tuple(index_ops.index_select(part, 1, permutation) for part in hx)
    return index_ops.index_select(hx, 1, permutation)


def _initial_hidden(module, data, max_batch_size, hx):
    """Zeros when ``hx`` is None (in the module's shapes); checked against torch's expected sizes."""
    directions = 2 if module.bidirectional else 1
    h_size = (module.num_layers * directions, max_batch_size, module.proj_size or module.hidden_size)
    c_size = (module.num_layers * directions, max_batch_size, module.hidden_size)
    is_lstm = module.mode == "LSTM"
    if hx is None:
        h = _factories.zeros(*h_size, dtype=data.dtype)
        return (h, _factories.zeros(*c_size, dtype=data.dtype)) if is_lstm else h
    if is_lstm:
        module.check_hidden_size(hx[0], h_size, "Expected hidden[0] size {}, got {}")
        module.check_hidden_size(hx[1], c_size, "Expected hidden[1] size {}, got {}")
    else:
        module.check_hidden_size(hx, h_size)
    return hx


def packed_forward(module, packed, hx, cell):
    """``nn.RNN`` / ``GRU`` / ``LSTM`` on a ``PackedSequence``: ``(PackedSequence output, h_n)`` (``(h_n, c_n)``
    for an LSTM), h_n in the batch's original order."""
    data, batch_sizes, sorted_indices, unsorted_indices = packed
    sizes = batch_sizes.tolist()
    hx = _permute_hidden(hx, sorted_indices)
    module.check_input(data, batch_sizes)
    hx = _initial_hidden(module, data, sizes[0], hx)
    is_lstm = isinstance(hx, tuple)
    has_projections = is_lstm and module.proj_size > 0
    params = gather_params(module._flat_weights, module.bias, has_projections)
    hiddens = list(zip(splitting.unbind(hx[0], 0), splitting.unbind(hx[1], 0))) if is_lstm else list(
        splitting.unbind(hx, 0))
    settings = (module.num_layers, module.dropout, module.training, module.bidirectional)
    output, final_hiddens = _packed_stack(lstm_cell if is_lstm else cell, data, sizes, hiddens, params, settings)
    if is_lstm:
        hidden = (join.stack([h for h, _ in final_hiddens], 0), join.stack([c for _, c in final_hiddens], 0))
    else:
        hidden = join.stack(final_hiddens, 0)
    return PackedSequence(output, batch_sizes, sorted_indices, unsorted_indices), _permute_hidden(hidden,
                                                                                                  unsorted_indices)
