"""A float32 LSTM as torch runs it on the CPU: one oneDNN kernel per layer and direction.

For float32 inputs torch hands ``nn.LSTM`` (without ``proj_size``) to oneDNN (``mkldnn_rnn`` in
``aten/src/ATen/native/mkldnn/RNN.cpp``): each layer and direction is one op, ``mkldnn_rnn_layer``,
whose node ``MkldnnRnnLayerBackward0`` has the edges ``(input, weight0..3, hx_, cx_)`` and three outputs
``(output, hy, cy)``. Its backward is backpropagation through time, written here step by step:

    gates = x_t @ W_ih.T + b_ih + h @ W_hh.T + b_hh  -> i, f, g, o = sigmoid, sigmoid, tanh, sigmoid
    c' = f * c + i * g,   h' = o * tanh(c')

The numbers are float32 as torch's, computed by numpy rather than oneDNN: the last digits can differ.
"""

import numpy as np

from ..autograd import node as _node
from ..autograd.node import Node, record_outputs
from . import arithmetic, join, pointwise, squeezing, transposing
from ._formulas import on_tensors
from .copy import contiguous
from .dropout import dropout
from .indexing import select
from .linear import linear
from .unsafe_split import unsafe_chunk


def _sigmoid(x):
    return 1 / (1 + np.exp(-x))


def _forward(x, w_ih, w_hh, bias, h, c, reverse):
    """Run the layer over ``x (seq, batch, in)``: outputs ``(seq, batch, hidden)``, every state and gate."""
    input_gates = x @ w_ih.T + bias
    steps = range(x.shape[0] - 1, -1, -1) if reverse else range(x.shape[0])
    states, gates, output = [(h, c)], {}, np.empty(x.shape[:2] + (h.shape[1],), dtype=x.dtype)
    for t in steps:
        i, f, g, o = np.split(input_gates[t] + h @ w_hh.T, 4, axis=1)
        i, f, g, o = _sigmoid(i), _sigmoid(f), np.tanh(g), _sigmoid(o)
        c = f * c + i * g
        h = o * np.tanh(c)
        gates[t], output[t] = (i, f, g, o), h
        states.append((h, c))
    return output, states, gates, list(steps)


class MkldnnRnnLayerBackward0(Node):
    """d LSTM layer: through time, dc += dh * o * (1 - tanh(c)^2); gates' grads -> x, weights, biases, h0, c0.

    With ``create_graph=True`` the same formulas run on Tensors after recomputing the gates with recorded
    ops, as torch's differentiable backward does, so the gradient can be differentiated again."""

    double_backward = True

    def apply(self, grad_output, grad_hy, grad_cy):
        if any(on_tensors(grad) for grad in (grad_output, grad_hy, grad_cy)):  # create_graph=True
            return _differentiable_backward(self, grad_output, grad_hy, grad_cy)
        x, w_ih, w_hh = self.unpack("input"), self.unpack("weight0"), self.unpack("weight1")
        states, gates, steps = self._states, self._gates, self._steps
        grad_output = np.zeros_like(self._output) if grad_output is None else grad_output
        dh = np.zeros_like(states[0][0]) if grad_hy is None else grad_hy
        dc = np.zeros_like(states[0][1]) if grad_cy is None else grad_cy
        grad_gates = np.empty(x.shape[:2] + (w_ih.shape[0],), dtype=x.dtype)
        grad_w_hh = np.zeros_like(w_hh)
        for position in range(len(steps) - 1, -1, -1):
            t = steps[position]
            (h_prev, c_prev), (_, c) = states[position], states[position + 1]
            i, f, g, o = gates[t]
            dh = grad_output[t] + dh
            tanh_c = np.tanh(c)
            dc = dc + dh * o * (1 - tanh_c * tanh_c)
            step = np.concatenate([dc * g * i * (1 - i), dc * c_prev * f * (1 - f), dc * i * (1 - g * g),
                                   dh * tanh_c * o * (1 - o)], axis=1)
            grad_gates[t] = step
            grad_w_hh += step.T @ h_prev
            dh, dc = step @ w_hh, dc * f
        flat = grad_gates.reshape(-1, grad_gates.shape[2])
        grad_bias = flat.sum(axis=0)
        return (grad_gates @ w_ih, flat.T @ x.reshape(-1, x.shape[2]), grad_w_hh, grad_bias, grad_bias.copy(),
                dh, dc)


def _zeros_or(grad, shape, dtype):
    return _node.Tensor._wrap(np.zeros(shape, dtype)) if grad is None else grad


def _recompute(node, x, hx, cx):
    """The layer's forward again, with recorded ops: every step's gates and states (torch's way)."""
    w_ih, w_hh, b_ih, b_hh = (node.unpack(f"weight{k}") for k in range(4))
    states, gates = [(hx, cx)], {}
    for t in node._steps:
        gate = arithmetic.add(linear(x[t], w_ih, b_ih), linear(hx, w_hh, b_hh))
        i, f, g, o = unsafe_chunk(gate, 4, 1)
        i, f, g, o = pointwise.sigmoid(i), pointwise.sigmoid(f), pointwise.tanh(g), pointwise.sigmoid(o)
        cx = f * cx + i * g
        hx = o * pointwise.tanh(cx)
        gates[t] = (i, f, g, o)
        states.append((hx, cx))
    return states, gates


def _differentiable_backward(node, grad_output, grad_hy, grad_cy):
    """The backward written with recorded ops (as ATen's ``mkldnn_rnn_layer_differentiable_backward``), so
    that it can be differentiated again."""
    x, w_ih, w_hh = node.unpack("input"), node.unpack("weight0"), node.unpack("weight1")
    states, gates = _recompute(node, x, node.unpack("hx_"), node.unpack("cx_"))
    hidden_shape, dtype = tuple(states[0][0].shape), x._data.dtype
    grad_output = _zeros_or(grad_output, (x.shape[0], *hidden_shape), dtype)
    dh, dc = _zeros_or(grad_hy, hidden_shape, dtype), _zeros_or(grad_cy, hidden_shape, dtype)
    grad_x, grad_w_ih, grad_w_hh, grad_bias = {}, 0, 0, 0
    for position in range(len(node._steps) - 1, -1, -1):
        t = node._steps[position]
        i, f, g, o = gates[t]
        (h_prev, c_prev), (_, c) = states[position], states[position + 1]
        dh = grad_output[t] + dh
        tanh_c = pointwise.tanh(c)
        d1 = dc + dh * o * (1 - tanh_c * tanh_c)
        step = join.cat([d1 * g * i * (1 - i), d1 * c_prev * f * (1 - f), d1 * i * (1 - g * g),
                         dh * tanh_c * o * (1 - o)], 1)
        grad_bias = grad_bias + step.sum(0)
        grad_x[t] = squeezing.unsqueeze(step.matmul(w_ih), 0)
        grad_w_ih = grad_w_ih + transposing.t(step).matmul(x[t])
        grad_w_hh = grad_w_hh + transposing.t(step).matmul(h_prev)
        dh, dc = step.matmul(w_hh), d1 * f
    grad_input = join.cat([grad_x[t] for t in range(x.shape[0])], 0)
    return grad_input, grad_w_ih, grad_w_hh, grad_bias, grad_bias, dh, dc


def mkldnn_rnn_layer(input, weight0, weight1, weight2, weight3, hx_, cx_, reverse, hidden_size, num_layers,
                     has_biases, bidirectional, batch_first, train):
    """One LSTM layer in one direction over a time-major ``input``: ``(output, hy, cy)``."""
    bias = weight2._data + weight3._data
    output, states, gates, steps = _forward(input._data, weight0._data, weight1._data, bias, hx_._data,
                                            cx_._data, reverse)
    hy, cy = states[-1]
    outs = tuple(_node.Tensor._wrap(array) for array in (output, np.array(hy), np.array(cy)))
    saved_names = ("input", "weight0", "weight1", "weight2", "weight3", "hx_", "cx_")
    inputs = (input, weight0, weight1, weight2, weight3, hx_, cx_)
    attrs = {"reverse": reverse, "batch_sizes": (), "mode": 2, "hidden_size": hidden_size,
             "num_layers": num_layers, "has_biases": has_biases, "bidirectional": bidirectional,
             "batch_first": batch_first, "train": train}
    return record_outputs(MkldnnRnnLayerBackward0, outs, inputs, saved=dict(zip(saved_names, inputs)),
                          attrs=attrs, state={"states": states, "gates": gates, "steps": steps, "output": output},
                          save_result=("result0", "result1", "result2"))  # torch's result3 is oneDNN's workspace


def mkldnn_lstm(input, hx, cx, flat_weights, has_biases, num_layers, dropout_p, train, bidirectional,
                batch_first):
    """``mkldnn_rnn``: every layer and direction through ``mkldnn_rnn_layer``; ``(output, h_n, c_n)``."""
    if batch_first:
        input = transposing.transpose(input, 0, 1)
    input, hx, cx = contiguous(input), contiguous(hx), contiguous(cx)
    directions = 2 if bidirectional else 1
    per_layer = 4 if has_biases else 2
    hidden_size = hx.shape[2]
    layer_input, all_hy, all_cy = input, [], []
    for layer in range(num_layers):
        outputs = []
        for direction in range(directions):
            index = layer * directions + direction
            weights = list(flat_weights[index * per_layer:(index + 1) * per_layer])
            if not has_biases:  # torch passes zeros that nothing differentiates
                weights += [_node.Tensor._wrap(np.zeros(weights[0].shape[0], dtype=weights[0]._data.dtype))] * 2
            output, hy, cy = mkldnn_rnn_layer(layer_input, *weights, select(hx, 0, index), select(cx, 0, index),
                                              direction > 0, hidden_size, num_layers, has_biases, bidirectional,
                                              batch_first, train)
            outputs.append(output)
            all_hy.append(hy)
            all_cy.append(cy)
        layer_input = outputs[0] if directions == 1 else join.cat(outputs, -1)
        if dropout_p != 0 and train and layer < num_layers - 1:
            layer_input = dropout(layer_input, dropout_p, False)
    output = transposing.transpose(layer_input, 0, 1) if batch_first else layer_input
    return output, join.stack(all_hy, 0), join.stack(all_cy, 0)
