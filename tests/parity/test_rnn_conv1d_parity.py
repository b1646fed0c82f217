"""nn.RNN / LSTM / GRU, their cells, F.conv1d and nn.Conv1d against real torch 2.13.0.

Exact: parameter names, shapes, order and values after ``manual_seed`` (the same draws), module reprs,
``grad_fn`` graphs (node names and edges), error types and texts. Within float32 (or float64) rounding:
outputs and gradients (BLAS and oneDNN sum in another order than numpy).
"""

import warnings

import numpy as np
import pytest

import minitorch

pytestmark = pytest.mark.parity

SEQUENCE_MODULES = [
    ("RNN", {}),
    ("RNN", {"nonlinearity": "relu", "bias": False}),
    ("RNN", {"num_layers": 2, "bidirectional": True, "batch_first": True}),
    ("GRU", {}),
    ("GRU", {"num_layers": 2, "bidirectional": True}),
    ("GRU", {"batch_first": True, "bias": False}),
    ("LSTM", {}),
    ("LSTM", {"num_layers": 2, "bidirectional": True, "batch_first": True}),
    ("LSTM", {"bias": False}),
    ("LSTM", {"proj_size": 2, "num_layers": 2}),
    ("LSTM", {"dtype": "float64", "num_layers": 2}),
    ("LSTM", {"dtype": "float64", "bidirectional": True, "batch_first": True}),
]
CELLS = [("RNNCell", {}), ("RNNCell", {"nonlinearity": "relu", "bias": False}), ("GRUCell", {}),
         ("LSTMCell", {}), ("LSTMCell", {"bias": False})]


def _graph(tensor, depth=6):
    """The grad_fn graph below ``tensor`` as text: node names, output numbers, shared nodes numbered."""
    seen, lines = {}, []

    def walk(fn, nr, level, indent):
        if fn is None:
            lines.append(f"{indent}None")
            return
        if id(fn) in seen:
            lines.append(f"{indent}[{nr}] {fn.name()} #{seen[id(fn)]}")
            return
        seen[id(fn)] = len(seen)
        lines.append(f"{indent}[{nr}] {fn.name()} #{seen[id(fn)]}")
        if level:
            for child, child_nr in fn.next_functions:
                walk(child, child_nr, level - 1, indent + "  ")

    walk(tensor.grad_fn, tensor.output_nr, depth, "")
    return "\n".join(lines)


def _kwargs(lib, kwargs):
    return {k: getattr(lib, v) if k == "dtype" else v for k, v in kwargs.items()}


def _run_sequence(lib, name, kwargs, batched=True, with_state=False):
    """Build the module after a seed, run it forward and backward; everything worth comparing."""
    lib.manual_seed(0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        module = getattr(lib.nn, name)(3, 4, **_kwargs(lib, kwargs))
    dtype = module.weight_ih_l0.dtype
    shape = ((2, 5, 3) if kwargs.get("batch_first") else (5, 2, 3)) if batched else (5, 3)
    x = lib.randn(*shape, dtype=dtype, requires_grad=True)
    args = [x]
    if with_state:
        layers = module.num_layers * (2 if module.bidirectional else 1)
        size = (layers, 2) if batched else (layers,)
        h0 = lib.randn(*size, module.proj_size or 4, dtype=dtype, requires_grad=True)
        args.append((h0, lib.randn(*size, 4, dtype=dtype)) if name == "LSTM" else h0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        output, hidden = module(*args)
    hiddens = list(hidden) if isinstance(hidden, tuple) else [hidden]
    total = output.sum() + sum((h * h).sum() for h in hiddens)
    total.backward()
    return {
        "repr": repr(module),
        "params": [(n, tuple(p.shape), p.detach().numpy().copy()) for n, p in module.named_parameters()],
        "graphs": [_graph(t) for t in [output, *hiddens]],
        "values": [t.detach().numpy().copy() for t in [output, *hiddens]],
        "strides": [t.stride() for t in [output, *hiddens]],
        "grads": [x.grad.numpy().copy()] + [p.grad.numpy().copy() for p in module.parameters()],
    }


def _assert_same_run(mine, theirs, tolerance):
    assert mine["repr"] == theirs["repr"]
    assert [(n, s) for n, s, _ in mine["params"]] == [(n, s) for n, s, _ in theirs["params"]]
    for (_, _, a), (_, _, b) in zip(mine["params"], theirs["params"]):
        np.testing.assert_array_equal(a, b)  # the same random draws, bit for bit
    assert mine["graphs"] == theirs["graphs"]
    assert mine["strides"] == theirs["strides"]
    for a, b in zip(mine["values"] + mine["grads"], theirs["values"] + theirs["grads"]):
        np.testing.assert_allclose(a, b, rtol=tolerance, atol=tolerance)


@pytest.mark.parametrize(("name", "kwargs"), SEQUENCE_MODULES, ids=lambda v: str(v))
@pytest.mark.parametrize("batched", [True, False], ids=["batched", "unbatched"])
def test_sequence_module_matches_torch(torch, name, kwargs, batched):
    with_state = bool(kwargs)
    mine = _run_sequence(minitorch, name, kwargs, batched, with_state)
    theirs = _run_sequence(torch, name, kwargs, batched, with_state)
    _assert_same_run(mine, theirs, 1e-12 if kwargs.get("dtype") == "float64" else 2e-5)


def _run_cell(lib, name, kwargs, batched):
    lib.manual_seed(1)
    cell = getattr(lib.nn, name)(3, 4, **kwargs)
    x = lib.randn(*((2, 3) if batched else (3,)), requires_grad=True)
    first = cell(x)
    second = cell(x * 2, first)
    outs = list(second) if isinstance(second, tuple) else [second]
    sum(o.sum() for o in outs).backward()
    return {
        "repr": repr(cell),
        "params": [(n, tuple(p.shape), p.detach().numpy().copy()) for n, p in cell.named_parameters()],
        "graphs": [_graph(o, 8) for o in outs],
        "values": [o.detach().numpy().copy() for o in outs],
        "strides": [o.stride() for o in outs],
        "grads": [x.grad.numpy().copy()] + [p.grad.numpy().copy() for p in cell.parameters()],
    }


@pytest.mark.parametrize(("name", "kwargs"), CELLS, ids=lambda v: str(v))
@pytest.mark.parametrize("batched", [True, False], ids=["batched", "unbatched"])
def test_cell_matches_torch(torch, name, kwargs, batched):
    _assert_same_run(_run_cell(minitorch, name, kwargs, batched), _run_cell(torch, name, kwargs, batched), 2e-5)


def test_dropout_between_layers_draws_torchs_masks(torch):
    runs = []
    for lib in (minitorch, torch):
        lib.manual_seed(3)
        module = lib.nn.GRU(3, 4, num_layers=3, dropout=0.4)
        output, hidden = module(lib.randn(4, 2, 3))
        module.eval()
        runs.append([output.detach().numpy(), hidden.detach().numpy(), module(lib.randn(4, 2, 3))[0].detach().numpy(),
                     _graph(output, 3)])
    for a, b in zip(runs[0][:3], runs[1][:3]):
        np.testing.assert_allclose(a, b, rtol=2e-5, atol=2e-6)
    assert runs[0][3] == runs[1][3]


def _double_backward(lib, name, kwargs, dtype):
    """d/dweights of |d loss / d input|^2: the gradient's own graph, differentiated again."""
    lib.manual_seed(0)
    module = getattr(lib.nn, name)(3, 4, **kwargs, dtype=getattr(lib, dtype))
    x = lib.randn(2, 5, 3, dtype=getattr(lib, dtype), requires_grad=True)
    output = module(x)[0]
    grad, = lib.autograd.grad(output.pow(2).sum(), x, create_graph=True)
    grad.pow(2).sum().backward()
    return grad.grad_fn.name(), [p.grad.numpy().copy() for p in module.parameters()]


@pytest.mark.parametrize(("name", "kwargs", "dtype"), [
    ("LSTM", {"num_layers": 2}, "float64"), ("GRU", {"batch_first": True}, "float32"),
    ("LSTM", {"num_layers": 2, "bidirectional": True}, "float32"), ("LSTM", {"bias": False}, "float32"),
    ("RNN", {"bidirectional": True, "nonlinearity": "relu"}, "float64"), ("GRU", {"bias": False}, "float64"),
])
def test_double_backward_matches_torch(torch, name, kwargs, dtype):
    mine, theirs = _double_backward(minitorch, name, kwargs, dtype), _double_backward(torch, name, kwargs, dtype)
    assert mine[0] == theirs[0]
    tolerance = 1e-10 if dtype == "float64" else 1e-4
    for a, b in zip(mine[1], theirs[1]):
        np.testing.assert_allclose(a, b, rtol=tolerance, atol=tolerance)


def _printed(lib, program):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return repr(program(lib)).replace("minitorch", "torch")
    except Exception as error:  # noqa: BLE001 (the error itself is compared)
        return f"{type(error).__name__}: {error}"


def _lstm_state(lib, h, c):
    return lib.randn(*h), lib.randn(*c)


ERRORS_AND_REPRS = [
    lambda lib: lib.nn.LSTM(10, 20, num_layers=2),
    lambda lib: lib.nn.GRU(3, 4, 2, bias=False, batch_first=True, dropout=0.5, bidirectional=True),
    lambda lib: lib.nn.RNN(3, 4, 1, "relu"),
    lambda lib: lib.nn.LSTM(3, 4, proj_size=2),
    lambda lib: [lib.nn.RNNCell(3, 4, nonlinearity="relu"), lib.nn.LSTMCell(3, 4, bias=False), lib.nn.GRUCell(2, 3)],
    lambda lib: lib.nn.RNN(3, 4, nonlinearity="sigmoid"),
    lambda lib: lib.nn.GRU(3, 4, proj_size=2),
    lambda lib: lib.nn.LSTM(3, 4, proj_size=4),
    lambda lib: lib.nn.LSTM(3, 4, dropout=1.5),
    lambda lib: lib.nn.LSTM(3, 0),
    lambda lib: lib.nn.LSTM(3.0, 4),
    lambda lib: lib.nn.LSTM(3, 4, bias=1),
    lambda lib: lib.nn.LSTM(3, 4, num_layers=0),
    lambda lib: lib.nn.RNN(3, 4)(lib.randn(5, 2, 4)),
    lambda lib: lib.nn.RNN(3, 4)(lib.randn(5, 2, 3, 1)),
    lambda lib: lib.nn.GRU(3, 4)(lib.randn(5, 2, 3, 1)),
    lambda lib: lib.nn.LSTM(3, 4)(lib.randn(5, 2, 3, 1)),
    lambda lib: lib.nn.GRU(3, 4)(lib.randn(5, 2, 3), lib.randn(1, 3, 4)),
    lambda lib: lib.nn.GRU(3, 4)(lib.randn(5, 2, 3), lib.randn(2, 4)),
    lambda lib: lib.nn.RNN(3, 4)(lib.randn(5, 3), lib.randn(1, 1, 4)),
    lambda lib: lib.nn.LSTM(3, 4)(lib.randn(5, 2, 3), _lstm_state(lib, (1, 2, 4), (1, 2, 5))),
    lambda lib: lib.nn.LSTM(3, 4)(lib.randn(5, 2, 3), _lstm_state(lib, (1, 3, 4), (1, 2, 4))),
    lambda lib: lib.nn.LSTM(3, 4)(lib.randn(5, 3), _lstm_state(lib, (1, 2, 4), (1, 2, 4))),
    lambda lib: lib.nn.LSTM(3, 4)(lib.randn(5, 2, 3, dtype=lib.float64)),
    lambda lib: lib.nn.GRUCell(3, 4)(lib.randn(2, 5)),
    lambda lib: lib.nn.GRUCell(3, 4)(lib.randn(2, 3), lib.randn(3, 4)),
    lambda lib: lib.nn.RNNCell(3, 4)(lib.randn(2, 3), lib.randn(2, 5)),
    lambda lib: lib.nn.LSTMCell(3, 4)(lib.randn(2, 3), _lstm_state(lib, (2, 4), (2, 5))),
    lambda lib: lib.nn.LSTMCell(3, 4)(lib.randn(1, 2, 3)),
    lambda lib: lib.nn.RNNCell(3, 4)(lib.randn(3), lib.randn(1, 2, 4)),
    lambda lib: [p.shape for p in lib.nn.LSTM(3, 4, num_layers=2, bidirectional=True).all_weights[3]],
    lambda lib: lib.nn.LSTM(3, 4, num_layers=2)._flat_weights_names,
    lambda lib: list(lib.nn.GRU(2, 3, bidirectional=True).state_dict()),
    lambda lib: lib.nn.LSTM(2, 3)(lib.randn(0, 1, 2)),
    lambda lib: lib.nn.GRU(2, 3)(lib.randn(3, 0, 2))[0].shape,
    lambda lib: lib.nn.LSTM(2, 3)(lib.randn(3, 0, 2))[1][1].shape,
]


@pytest.mark.parametrize("program", ERRORS_AND_REPRS)
def test_reprs_and_errors_match_torch(torch, program):
    assert _printed(minitorch, program) == _printed(torch, program)


def test_projection_warning_matches_torch(torch):
    messages = []
    for lib in (minitorch, torch):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            lib.nn.LSTM(3, 4, proj_size=2)(lib.randn(5, 2, 3))
        messages.append([str(w.message) for w in caught])
    assert set(messages[0]) <= set(messages[1])  # torch warns once per process: maybe already done


CONV1D = [
    ((2, 4, 9), (6, 2, 3), True, {"stride": 2, "padding": 1, "dilation": 2, "groups": 2}),
    ((4, 9), (6, 4, 2), False, {"padding": "same"}),
    ((2, 4, 9), (6, 4, 3), True, {"padding": "valid"}),
    ((1, 3, 7), (5, 3, 4), True, {"padding": 3}),
]


def _run_conv1d(lib, input_shape, weight_shape, bias, kwargs):
    lib.manual_seed(2)
    x = lib.randn(*input_shape, dtype=lib.float64, requires_grad=True)
    w = lib.randn(*weight_shape, dtype=lib.float64, requires_grad=True)
    b = lib.randn(weight_shape[0], dtype=lib.float64, requires_grad=True) if bias else None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        y = lib.nn.functional.conv1d(x, w, b, **kwargs)
    (y * y).sum().backward()
    node = y.grad_fn
    saved = [node._saved_stride, node._saved_padding, node._saved_dilation, node._saved_output_padding,
             node._saved_groups] if y.dim() == 3 else []
    grads = [x.grad.numpy(), w.grad.numpy()] + ([b.grad.numpy()] if bias else [])
    return _graph(y, 2), saved, y.detach().numpy(), grads


@pytest.mark.parametrize(("input_shape", "weight_shape", "bias", "kwargs"), CONV1D)
def test_conv1d_matches_torch(torch, input_shape, weight_shape, bias, kwargs):
    mine = _run_conv1d(minitorch, input_shape, weight_shape, bias, kwargs)
    theirs = _run_conv1d(torch, input_shape, weight_shape, bias, kwargs)
    assert mine[:2] == theirs[:2]
    for a, b in zip([mine[2], *mine[3]], [theirs[2], *theirs[3]]):
        np.testing.assert_allclose(a, b, rtol=1e-12, atol=1e-12)


CONV1D_PROGRAMS = [
    lambda lib: lib.nn.Conv1d(4, 6, 3),
    lambda lib: lib.nn.Conv1d(4, 6, 3, stride=2, padding=1, dilation=2, groups=2, bias=False),
    lambda lib: lib.nn.Conv1d(4, 6, 2, padding="same"),
    lambda lib: lib.nn.Conv1d(4, 6, (3,), stride=(2,), padding=(1,)),
    lambda lib: (lib.manual_seed(0), lib.nn.Conv1d(2, 3, 2).weight, lib.nn.Conv1d(2, 3, 2).bias)[1:],
    lambda lib: lib.nn.Conv1d(16, 33, 3, stride=2)(lib.randn(20, 16, 50)).shape,
    lambda lib: lib.nn.Conv1d(4, 6, 3, groups=3),
    lambda lib: lib.nn.Conv1d(4, 6, 3, padding="same", stride=2),
    lambda lib: lib.nn.Conv1d(4, 6, 3, padding="full"),
    lambda lib: lib.nn.functional.conv1d(lib.randn(2, 4, 9, 1), lib.randn(6, 2, 3)),
    lambda lib: lib.nn.functional.conv1d(lib.randn(2, 5, 9), lib.randn(6, 2, 3)),
    lambda lib: lib.nn.functional.conv1d(lib.randn(2, 2, 2), lib.randn(6, 2, 3)),
    lambda lib: lib.nn.functional.conv1d(lib.randn(2, 2, 9), lib.randn(6, 2, 3), stride=[1, 1]),
    lambda lib: lib.nn.functional.conv1d(lib.randn(2, 2, 9), lib.randn(6, 2, 3), stride=0),
    lambda lib: lib.nn.functional.conv1d(lib.randn(2, 2, 9), lib.randn(6, 2, 3), lib.randn(5)),
    lambda lib: lib.nn.functional.conv1d(lib.randn(2, 2, 9), lib.randn(6, 2, 3, dtype=lib.float64)),
    lambda lib: lib.nn.functional.conv1d(lib.randn(2, 2, 9), lib.randn(6, 2, 3), padding="same", stride=2),
    lambda lib: lib.nn.functional.conv1d(lib.randn(2, 2, 9), lib.randn(6, 2, 3), padding="full"),
    lambda lib: lib.nn.functional.conv1d(lib.randn(2, 2, 9), lib.randn(6, 2)),
    lambda lib: lib.nn.functional.conv1d(lib.randn(2, 2, 9), lib.randn(6, 2, 3), padding=-1),
    lambda lib: lib.nn.functional.conv1d(lib.randn(2, 2, 9), lib.randn(6, 2, 3), dilation=0),
]


@pytest.mark.parametrize("program", CONV1D_PROGRAMS)
def test_conv1d_reprs_and_errors_match_torch(torch, program):
    assert _printed(minitorch, program) == _printed(torch, program)
