"""``F.conv2d`` and ``ConvolutionBackward0`` through tensors and autograd, against PyTorch.

Values and gradients over hypothesis-drawn configurations (string paddings and unbatched inputs
included), the graph torch records, the saved attributes, the error texts, and finite differences.
"""

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nn_test_helpers import assert_close, node_names, pair_of_leaves, raised

import minitorch
import minitorch.nn.functional as F
from minitorch.autograd import gradcheck

pytestmark = pytest.mark.parity


@st.composite
def conv_calls(draw):
    """Shapes and keyword arguments of a valid conv2d call (padding may be 'same' or 'valid')."""
    groups = draw(st.integers(1, 3))
    kernel = (draw(st.integers(1, 4)), draw(st.integers(1, 4)))
    dilation = (draw(st.integers(1, 2)), draw(st.integers(1, 2)))
    padding = draw(st.sampled_from(["int", "pair", "same", "valid"]))
    stride = (1, 1) if padding == "same" else (draw(st.integers(1, 3)), draw(st.integers(1, 3)))
    pad_value = {"int": draw(st.integers(0, 2)), "pair": (draw(st.integers(0, 2)), draw(st.integers(0, 2))),
                 "same": "same", "valid": "valid"}[padding]
    pads = (0, 0) if isinstance(pad_value, str) else np.broadcast_to(pad_value, 2)
    size = [max(1, dilation[i] * (kernel[i] - 1) + 1 - 2 * int(pads[i])) + draw(st.integers(0, 4)) for i in (0, 1)]
    channels = groups * draw(st.integers(1, 2))
    batch = draw(st.sampled_from([None, 1, 2]))
    input_shape = ((batch,) if batch else ()) + (channels, *size)
    weight_shape = (groups * draw(st.integers(1, 2)), channels // groups, *kernel)
    kwargs = {"stride": stride, "padding": pad_value, "dilation": dilation, "groups": groups}
    return input_shape, weight_shape, draw(st.booleans()), kwargs, draw(st.integers(0, 2**31 - 1))


@settings(max_examples=80, deadline=None)
@given(conv_calls())
def test_conv2d_values_grads_and_graph_match_torch(torch, call):
    input_shape, weight_shape, with_bias, kwargs, seed = call
    rng = np.random.default_rng(seed)
    x, tx = pair_of_leaves(torch, rng.standard_normal(input_shape))
    w, tw = pair_of_leaves(torch, rng.standard_normal(weight_shape))
    b, tb = pair_of_leaves(torch, rng.standard_normal(weight_shape[0])) if with_bias else (None, None)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the even-kernel 'same' warning is tested on its own
        out, expected = F.conv2d(x, w, b, **kwargs), torch.nn.functional.conv2d(tx, tw, tb, **kwargs)
    assert_close(out, expected, rtol=1e-9, atol=1e-9)
    assert node_names(out) == node_names(expected)
    grad = rng.standard_normal(tuple(expected.shape))
    out.backward(minitorch.tensor(grad))
    expected.backward(torch.tensor(grad))
    for ours, theirs in [(x, tx), (w, tw)] + ([(b, tb)] if with_bias else []):
        assert_close(ours.grad, theirs.grad, rtol=1e-9, atol=1e-9)


def test_seed_example_shapes(torch):
    inputs, weights = minitorch.randn(1, 4, 5, 5), minitorch.nn.Parameter(minitorch.randn(8, 4, 3, 3))
    out = F.conv2d(inputs, weights, stride=2, padding=1)
    expected = torch.nn.functional.conv2d(torch.randn(1, 4, 5, 5), torch.randn(8, 4, 3, 3), stride=2, padding=1)
    assert str(out.shape) == str(expected.shape) == "torch.Size([1, 8, 3, 3])"


def test_saved_attributes_match_torch(torch, rng):
    x, tx = pair_of_leaves(torch, rng.standard_normal((1, 4, 6, 6)).astype(np.float32))
    w, tw = pair_of_leaves(torch, rng.standard_normal((6, 2, 3, 2)).astype(np.float32))
    for bias in (True, False):
        b, tb = pair_of_leaves(torch, np.zeros(6, np.float32)) if bias else (None, None)
        ours = F.conv2d(x, w, b, stride=(2, 1), padding=1, dilation=(1, 2), groups=2).grad_fn
        theirs = torch.nn.functional.conv2d(tx, tw, tb, stride=(2, 1), padding=1, dilation=(1, 2), groups=2).grad_fn
        for name in ("stride", "padding", "dilation", "groups", "transposed", "output_padding", "bias_sym_sizes_opt"):
            assert getattr(ours, f"_saved_{name}") == getattr(theirs, f"_saved_{name}"), name
        assert_close(ours._saved_input, theirs._saved_input)
        assert_close(ours._saved_weight, theirs._saved_weight)
        assert len(ours.next_functions) == len(theirs.next_functions) == 3
        assert (ours.next_functions[2][0] is None) == (theirs.next_functions[2][0] is None)


def test_same_padding_with_even_kernel_pads_the_input_first_and_warns(torch, rng):
    x, tx = pair_of_leaves(torch, rng.standard_normal((1, 2, 5, 5)))
    w, tw = pair_of_leaves(torch, rng.standard_normal((3, 2, 4, 2)))
    with pytest.warns(UserWarning) as ours_warned:
        out = F.conv2d(x, w, padding="same", dilation=(1, 2))
    with warnings.catch_warnings(record=True) as theirs_warned:
        warnings.simplefilter("always")
        expected = torch.nn.functional.conv2d(tx, tw, padding="same", dilation=(1, 2))
    assert_close(out, expected, rtol=1e-9, atol=1e-9)
    assert node_names(out) == node_names(expected) == [
        "ConvolutionBackward0", "ConstantPadNdBackward0", "torch::autograd::AccumulateGrad",
        "torch::autograd::AccumulateGrad"]
    assert out.grad_fn.next_functions[0][0]._saved_pad == expected.grad_fn.next_functions[0][0]._saved_pad
    assert out.grad_fn._saved_padding == expected.grad_fn._saved_padding
    # torch warns once per process: compare with its text when it did warn here
    if theirs_warned:
        assert str(ours_warned[0].message) == str(theirs_warned[0].message)


def test_unbatched_input_records_unsqueeze_and_squeeze(torch, rng):
    x, tx = pair_of_leaves(torch, rng.standard_normal((2, 5, 5)))
    w, tw = pair_of_leaves(torch, rng.standard_normal((3, 2, 3, 3)))
    out, expected = F.conv2d(x, w, padding=1), torch.nn.functional.conv2d(tx, tw, padding=1)
    assert_close(out, expected, rtol=1e-9, atol=1e-9)
    assert node_names(out) == node_names(expected)


BAD_CALLS = {
    "channels": lambda t: t.nn.functional.conv2d(t.randn(1, 3, 5, 5), t.randn(8, 4, 3, 3)),
    "unbatched channels": lambda t: t.nn.functional.conv2d(t.randn(3, 5, 5), t.randn(8, 4, 3, 3)),
    "input dims": lambda t: t.nn.functional.conv2d(t.randn(4, 5), t.randn(8, 4, 3, 3)),
    "5-d input": lambda t: t.nn.functional.conv2d(t.randn(1, 1, 4, 5, 5), t.randn(8, 4, 3, 3)),
    "3-d weight": lambda t: t.nn.functional.conv2d(t.randn(1, 4, 5, 5), t.randn(8, 4, 3)),
    "groups divide": lambda t: t.nn.functional.conv2d(t.randn(1, 4, 5, 5), t.randn(7, 2, 3, 3), groups=2),
    "groups channels": lambda t: t.nn.functional.conv2d(t.randn(1, 4, 5, 5), t.randn(8, 3, 3, 3), groups=2),
    "no filters": lambda t: t.nn.functional.conv2d(t.randn(1, 4, 5, 5), t.randn(0, 4, 3, 3)),
    "kernel too big": lambda t: t.nn.functional.conv2d(t.randn(1, 4, 2, 2), t.randn(8, 4, 3, 3)),
    "dilated too big": lambda t: t.nn.functional.conv2d(t.randn(1, 4, 5, 5), t.randn(8, 4, 3, 3), dilation=3),
    "zero kernel": lambda t: t.nn.functional.conv2d(t.randn(1, 4, 5, 5), t.randn(8, 4, 0, 3)),
    "bias size": lambda t: t.nn.functional.conv2d(t.randn(1, 4, 5, 5), t.randn(8, 4, 3, 3), t.randn(7)),
    "bias dims": lambda t: t.nn.functional.conv2d(t.randn(1, 4, 5, 5), t.randn(8, 4, 3, 3), t.randn(8, 1)),
    "stride zero": lambda t: t.nn.functional.conv2d(t.randn(1, 4, 5, 5), t.randn(8, 4, 3, 3), stride=0),
    "padding negative": lambda t: t.nn.functional.conv2d(t.randn(1, 4, 5, 5), t.randn(8, 4, 3, 3), padding=-1),
    "dilation zero": lambda t: t.nn.functional.conv2d(t.randn(1, 4, 5, 5), t.randn(8, 4, 3, 3), dilation=0),
    "dilation negative": lambda t: t.nn.functional.conv2d(t.randn(1, 4, 5, 5), t.randn(8, 4, 3, 3), dilation=-1),
    "groups zero": lambda t: t.nn.functional.conv2d(t.randn(1, 4, 5, 5), t.randn(8, 4, 3, 3), groups=0),
    "same strided": lambda t: t.nn.functional.conv2d(t.randn(1, 4, 5, 5), t.randn(8, 4, 3, 3), padding="same",
                                                     stride=2),
    "padding string": lambda t: t.nn.functional.conv2d(t.randn(1, 4, 5, 5), t.randn(8, 4, 3, 3), padding="foo"),
    "stride length": lambda t: t.nn.functional.conv2d(t.randn(1, 4, 5, 5), t.randn(8, 4, 3, 3), stride=(1, 2, 3)),
    "padding length": lambda t: t.nn.functional.conv2d(t.randn(1, 4, 5, 5), t.randn(8, 4, 3, 3), padding=()),
    "dtypes": lambda t: t.nn.functional.conv2d(t.randn(1, 4, 5, 5).double(), t.randn(8, 4, 3, 3)),
    "bias dtype": lambda t: t.nn.functional.conv2d(t.randn(1, 4, 5, 5), t.randn(8, 4, 3, 3), t.randn(8).double()),
    "float stride": lambda t: t.nn.functional.conv2d(t.randn(1, 4, 5, 5), t.randn(8, 4, 3, 3), stride=1.5),
    "list input": lambda t: t.nn.functional.conv2d([1.0], t.randn(8, 4, 3, 3)),
    "unknown keyword": lambda t: t.nn.functional.conv2d(t.randn(1, 4, 5, 5), t.randn(8, 4, 3, 3), foo=1),
}


@pytest.mark.parametrize("name", BAD_CALLS)
def test_errors_match_torch(torch, name):
    expected = raised(lambda: BAD_CALLS[name](torch))
    assert expected is not None
    assert raised(lambda: BAD_CALLS[name](minitorch)) == expected


def test_seed_error_text(torch):
    message = ("Given groups=1, weight of size [8, 4, 3, 3], expected input[1, 3, 5, 5] to have 4 channels, "
               "but got 3 channels instead")
    assert raised(lambda: BAD_CALLS["channels"](torch)) == ("RuntimeError", message)
    assert raised(lambda: BAD_CALLS["channels"](minitorch)) == ("RuntimeError", message)


@pytest.mark.parametrize("kwargs", [
    {"stride": 2, "padding": 1}, {"dilation": 2, "padding": 2}, {"groups": 2, "stride": (1, 2)}, {"padding": "same"},
])
def test_gradcheck(kwargs):
    rng = np.random.default_rng(0)

    def leaf(*shape):
        return minitorch.tensor(rng.standard_normal(shape), requires_grad=True)

    inputs = (leaf(2, 4, 5, 4), leaf(4, 4 // kwargs.get("groups", 1), 3, 2), leaf(4))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the even-kernel 'same' warning
        assert gradcheck(lambda x, w, b: F.conv2d(x, w, b, **kwargs), inputs)


@pytest.mark.parametrize("input_shape, weight_shape, kwargs", [
    ((0, 3, 5, 5), (4, 3, 3, 3), {}),
    ((2, 6, 7, 7), (6, 1, 3, 3), {"groups": 6, "padding": 1}),
    ((1, 1, 4, 4), (1, 1, 2, 2), {"stride": 2}),
])
def test_empty_batch_depthwise_and_integer_inputs(torch, input_shape, weight_shape, kwargs, rng):
    x, tx = pair_of_leaves(torch, rng.standard_normal(input_shape))
    w, tw = pair_of_leaves(torch, rng.standard_normal(weight_shape))
    out, expected = F.conv2d(x, w, **kwargs), torch.nn.functional.conv2d(tx, tw, **kwargs)
    assert_close(out, expected, rtol=1e-9, atol=1e-9)
    out.sum().backward()
    expected.sum().backward()
    assert_close(x.grad, tx.grad, rtol=1e-9, atol=1e-9)
    assert_close(w.grad, tw.grad, rtol=1e-9, atol=1e-9)
    ints = [np.arange(np.prod(s)).reshape(s) % 5 for s in (input_shape, weight_shape)]
    assert_close(F.conv2d(*[minitorch.tensor(v) for v in ints], **kwargs),
                 torch.nn.functional.conv2d(*[torch.tensor(v) for v in ints], **kwargs))


SEED_SNIPPET = """
import torch
import torch.nn.functional as F
filters = torch.randn(8,4,3,3)
weiths = torch.nn.Parameter(torch.randn(8,4,3,3))
inputs = torch.randn(1,4,5,5)
out = F.conv2d(inputs, weiths, stride=2,padding=1)
print(out.shape)
con2d = torch.nn.Conv2d(4,8,3,stride=2,padding=1)
out_2 = con2d(inputs)
print(out_2.shape)
"""


def test_seed_snippet_runs_unchanged_and_prints_what_torch_prints(torch, tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    script = tmp_path / "seed.py"
    script.write_text(SEED_SNIPPET)
    repo = str(Path(minitorch.__file__).resolve().parent.parent)
    runs = [subprocess.run([sys.executable, *prefix, str(script)], capture_output=True, text=True, cwd=repo,
                           timeout=120) for prefix in ([], ["-m", "minitorch.run"])]
    assert runs[0].returncode == runs[1].returncode == 0, runs[1].stderr
    assert runs[1].stdout == runs[0].stdout == "torch.Size([1, 8, 3, 3])\ntorch.Size([1, 8, 3, 3])\n"
