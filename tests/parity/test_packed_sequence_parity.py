"""Packed sequences against real torch: PackedSequence printing, pack_padded_sequence / pad_packed_sequence /
pack_sequence / unpack_sequence (values, lengths, sorting, batch_first, total_length, grad_fn names, gradients,
errors), and nn.RNN / GRU / LSTM on packed input (outputs, hidden states, gradients, graphs), with gradcheck.

Printed programs compare exactly; recurrent values with a tolerance (float32 matrix products may round
differently between BLAS builds)."""

import numpy as np
import pytest
from live_compare import error_of

import minitorch
from minitorch.autograd import gradcheck

pytestmark = pytest.mark.parity


def _rnn_utils(lib):
    return lib.nn.utils.rnn


def _padded(lib, batch_first=False):
    lib.manual_seed(0)
    return lib.randn(*((3, 4, 2) if batch_first else (4, 3, 2)), requires_grad=True)


def _pack_sorted(lib):
    x = _padded(lib)
    packed = _rnn_utils(lib).pack_padded_sequence(x, [4, 2, 1])
    (packed.data * lib.arange(14.).view(7, 2)).sum().backward()
    return packed, x.grad


def _pack_unsorted_batch_first(lib):
    x = _padded(lib, batch_first=True)
    packed = _rnn_utils(lib).pack_padded_sequence(x, lib.tensor([2, 4, 1]), batch_first=True, enforce_sorted=False)
    padded, lengths = _rnn_utils(lib).pad_packed_sequence(packed, batch_first=True, padding_value=-1.0,
                                                          total_length=5)
    (padded * padded).sum().backward()
    return packed, padded, lengths, x.grad


def _pack_sequence_ints(lib):
    seqs = [lib.tensor([1, 2, 3]), lib.tensor([4, 5]), lib.tensor([6])]
    packed = _rnn_utils(lib).pack_sequence(seqs)
    return packed, _rnn_utils(lib).unpack_sequence(packed), packed.double(), packed.to(lib.float32).data.dtype


def _pack_sequence_unsorted(lib):
    seqs = [lib.tensor([[1.0], [2.0]]), lib.tensor([[3.0], [4.0], [5.0]]), lib.tensor([[6.0]])]
    packed = _rnn_utils(lib).pack_sequence(seqs, enforce_sorted=False)
    padded, lengths = _rnn_utils(lib).pad_packed_sequence(packed)
    return packed, padded, lengths, _rnn_utils(lib).unpack_sequence(packed), packed.is_cuda, packed.is_pinned()


def _graphs(lib):
    x = _padded(lib)
    packed = _rnn_utils(lib).pack_padded_sequence(x, [4, 2, 2])
    padded, _ = _rnn_utils(lib).pad_packed_sequence(packed)
    return (packed.data.grad_fn.name(), padded.grad_fn.name(),
            [type(f).__name__ for f, _ in padded.grad_fn.next_functions])


def _invert(lib):
    return _rnn_utils(lib).invert_permutation(lib.tensor([2, 0, 3, 1])), _rnn_utils(lib).invert_permutation(None)


@pytest.mark.parametrize("program", [_pack_sorted, _pack_unsorted_batch_first, _pack_sequence_ints,
                                     _pack_sequence_unsorted, _graphs, _invert])
def test_packing_against_torch(torch, program):
    assert repr(program(minitorch)) == repr(program(torch))


@pytest.mark.parametrize("program", [
    lambda lib: _rnn_utils(lib).pack_padded_sequence(lib.randn(4, 3, 2), [2, 4, 1]),
    lambda lib: _rnn_utils(lib).pack_padded_sequence(lib.randn(4, 3, 2), [4, 2, 0]),
    lambda lib: _rnn_utils(lib).pack_padded_sequence(lib.randn(4, 3, 2), [4, 2]),
    lambda lib: _rnn_utils(lib).pad_packed_sequence(_rnn_utils(lib).pack_sequence([lib.ones(3), lib.ones(2)]),
                                                    total_length=2),
    lambda lib: _rnn_utils(lib).PackedSequence(lib.ones(3)),
])
def test_errors(torch, program):
    assert error_of(minitorch, program) == error_of(torch, program)


RECURRENT = {
    "rnn": lambda lib: lib.nn.RNN(2, 3),
    "rnn_relu_two_layers": lambda lib: lib.nn.RNN(2, 3, num_layers=2, nonlinearity="relu"),
    "gru_bidirectional": lambda lib: lib.nn.GRU(2, 3, bidirectional=True),
    "lstm": lambda lib: lib.nn.LSTM(2, 3),
    "lstm_bidirectional_two_layers": lambda lib: lib.nn.LSTM(2, 3, num_layers=2, bidirectional=True),
    "lstm_projections_batch_first": lambda lib: lib.nn.LSTM(2, 4, proj_size=2, batch_first=True),
    "gru_dropout": lambda lib: lib.nn.GRU(2, 3, num_layers=2, dropout=0.5),
    "lstm_float64": lambda lib: lib.nn.LSTM(2, 3, dtype=lib.float64),
}


def _recurrent(lib, name, with_hx):
    lib.manual_seed(0)
    module = RECURRENT[name](lib)
    dtype = module.weight_ih_l0.dtype
    sequences = [lib.randn(length, 2, dtype=dtype, requires_grad=True) for length in (2, 4, 1)]
    packed = _rnn_utils(lib).pack_sequence(sequences, enforce_sorted=False)
    directions = 2 if module.bidirectional else 1
    hx = None
    if with_hx:
        h = lib.randn(module.num_layers * directions, 3, module.proj_size or module.hidden_size, dtype=dtype)
        hx = (h, lib.randn(module.num_layers * directions, 3, module.hidden_size, dtype=dtype)) if isinstance(
            module, lib.nn.LSTM) else h
    output, hidden = module(packed, hx)
    h_n = hidden[0] if isinstance(hidden, tuple) else hidden
    lib.manual_seed(1)
    loss = (output.data * lib.randn(*output.data.shape, dtype=dtype)).sum() + (h_n * h_n).sum()
    if isinstance(hidden, tuple):
        loss = loss + hidden[1].sum()
    loss.backward()
    structure = [type(output).__name__, output.batch_sizes, output.sorted_indices, output.unsorted_indices,
                 output.data.grad_fn.name(), [type(f).__name__ for f, _ in output.data.grad_fn.next_functions],
                 h_n.grad_fn.name()]
    values = [output.data, h_n] + [s.grad for s in sequences] + [p.grad for p in module.parameters()]
    return repr(structure), [v.detach().numpy() for v in values]


@pytest.mark.parametrize("with_hx", [False, True])
@pytest.mark.parametrize("name", sorted(RECURRENT))
def test_recurrent_layers_on_packed_input(torch, name, with_hx):
    mine, theirs = _recurrent(minitorch, name, with_hx), _recurrent(torch, name, with_hx)
    assert mine[0] == theirs[0]
    assert len(mine[1]) == len(theirs[1])
    for a, b in zip(mine[1], theirs[1]):
        np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-6)


def test_packed_equals_each_sequence_alone():
    """Hand-derived: a packed batch gives each sequence's output and last hidden state as if run alone."""
    minitorch.manual_seed(0)
    gru = minitorch.nn.GRU(2, 3, dtype=minitorch.float64)
    sequences = [minitorch.randn(length, 2, dtype=minitorch.float64) for length in (2, 4, 1)]
    output, h_n = gru(minitorch.nn.utils.rnn.pack_sequence(sequences, enforce_sorted=False))
    outputs = minitorch.nn.utils.rnn.unpack_sequence(output)
    for i, sequence in enumerate(sequences):
        alone, h_alone = gru(sequence)
        np.testing.assert_allclose(outputs[i].detach().numpy(), alone.detach().numpy(), rtol=1e-12)
        np.testing.assert_allclose(h_n[:, i].detach().numpy(), h_alone.detach().numpy(), rtol=1e-12)


@pytest.mark.parametrize("kind", ["GRU", "LSTM"])
def test_gradcheck(kind):
    minitorch.manual_seed(0)
    module = getattr(minitorch.nn, kind)(2, 2, bidirectional=True, dtype=minitorch.float64)
    rng = np.random.default_rng(0)
    padded = minitorch.tensor(rng.normal(size=(3, 2, 2)), requires_grad=True)

    def run(x):
        packed = minitorch.nn.utils.rnn.pack_padded_sequence(x, [1, 3], enforce_sorted=False)
        output, _ = module(packed)
        return minitorch.nn.utils.rnn.pad_packed_sequence(output)[0]
    assert gradcheck(run, (padded,))


def _double_backward(lib):
    lib.manual_seed(0)
    x = lib.randn(2, 3, 2, dtype=lib.float64, requires_grad=True)
    packed = _rnn_utils(lib).pack_padded_sequence(x, [3, 1], batch_first=True)
    grad, = lib.autograd.grad((packed.data ** 3).sum(), x, create_graph=True)
    (grad * grad).sum().backward()

    def names(fn, depth=0):
        return [] if fn is None or depth > 8 else [type(fn).__name__] + [
            n for f, _ in fn.next_functions for n in names(f, depth + 1)]
    return names(grad.grad_fn), grad.detach().numpy(), x.grad.numpy()


def test_double_backward_against_torch(torch):
    mine, theirs = _double_backward(minitorch), _double_backward(torch)
    assert mine[0] == theirs[0]
    for a, b in zip(mine[1:], theirs[1:]):
        np.testing.assert_allclose(a, b, rtol=1e-12)


def test_gradgradcheck():
    rng = np.random.default_rng(0)
    x = minitorch.tensor(rng.normal(size=(3, 2, 2)), requires_grad=True)
    assert minitorch.autograd.gradgradcheck(
        lambda x: minitorch.nn.utils.rnn.pack_padded_sequence(x, [3, 2]).data ** 2, (x,))
