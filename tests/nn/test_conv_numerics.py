"""The numpy numerics of 2-d convolution (minitorch.ops.conv) against torch.nn.functional.conv2d.

Configurations (batch, groups, channels, kernel, stride, padding, dilation, bias) are drawn by
hypothesis; values and the three gradients must match torch's.
"""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minitorch.ops import conv

pytestmark = pytest.mark.parity


@st.composite
def conv_configs(draw):
    """A valid conv2d configuration and its input sizes."""
    groups = draw(st.integers(1, 3))
    pairs = st.tuples
    kernel = draw(pairs(st.integers(1, 4), st.integers(1, 4)))
    stride = draw(pairs(st.integers(1, 3), st.integers(1, 3)))
    padding = draw(pairs(st.integers(0, 2), st.integers(0, 2)))
    dilation = draw(pairs(st.integers(1, 3), st.integers(1, 3)))
    reach = [dilation[i] * (kernel[i] - 1) + 1 - 2 * padding[i] for i in range(2)]
    height = draw(st.integers(max(1, reach[0]), max(1, reach[0]) + 6))
    width = draw(st.integers(max(1, reach[1]), max(1, reach[1]) + 6))
    return {
        "batch": draw(st.integers(1, 3)),
        "in_per_group": draw(st.integers(1, 3)),
        "out_per_group": draw(st.integers(1, 3)),
        "groups": groups,
        "kernel": kernel,
        "stride": stride,
        "padding": padding,
        "dilation": dilation,
        "size": (height, width),
        "bias": draw(st.booleans()),
        "seed": draw(st.integers(0, 2**31 - 1)),
    }


def random_operands(config, dtype):
    """Input, weight, bias (or None) and an output gradient, as float arrays."""
    rng = np.random.default_rng(config["seed"])
    groups = config["groups"]
    x = rng.standard_normal((config["batch"], config["in_per_group"] * groups, *config["size"]))
    weight = rng.standard_normal((config["out_per_group"] * groups, config["in_per_group"], *config["kernel"]))
    bias = rng.standard_normal(weight.shape[0]) if config["bias"] else None
    return x.astype(dtype), weight.astype(dtype), None if bias is None else bias.astype(dtype), rng


def torch_reference(torch, x, weight, bias, config, rng):
    """torch's output and its gradients for input, weight and bias under a random output gradient."""
    tx = torch.tensor(x, requires_grad=True)
    tw = torch.tensor(weight, requires_grad=True)
    tb = None if bias is None else torch.tensor(bias, requires_grad=True)
    out = torch.nn.functional.conv2d(
        tx, tw, tb, config["stride"], config["padding"], config["dilation"], config["groups"]
    )
    grad = rng.standard_normal(tuple(out.shape)).astype(x.dtype)
    out.backward(torch.tensor(grad))
    grads = [tx.grad.numpy(), tw.grad.numpy(), None if tb is None else tb.grad.numpy()]
    return out.detach().numpy(), grad, grads


def ours(x, weight, bias, grad, config):
    """Our output and gradients for the same operands."""
    args = (config["stride"], config["padding"], config["dilation"], config["groups"])
    out = conv.conv2d_forward(x, weight, bias, *args)
    grad_input = conv.conv2d_grad_input(grad, weight, x.shape, *args)
    grad_weight = conv.conv2d_grad_weight(grad, x, weight.shape, *args)
    grad_bias = None if bias is None else conv.conv2d_grad_bias(grad)
    return out, [grad_input, grad_weight, grad_bias]


@settings(max_examples=150, deadline=None)
@given(conv_configs())
def test_values_and_grads_match_torch_in_float64(torch, config):
    x, weight, bias, rng = random_operands(config, np.float64)
    expected_out, grad, expected_grads = torch_reference(torch, x, weight, bias, config, rng)
    out, grads = ours(x, weight, bias, grad, config)
    np.testing.assert_allclose(out, expected_out, rtol=1e-10, atol=1e-10)
    for got, expected in zip(grads, expected_grads):
        if expected is None:
            assert got is None
        else:
            assert got.shape == expected.shape
            np.testing.assert_allclose(got, expected, rtol=1e-10, atol=1e-10)


@settings(max_examples=40, deadline=None)
@given(conv_configs())
def test_float32_stays_float32_and_close_to_torch(torch, config):
    x, weight, bias, rng = random_operands(config, np.float32)
    expected_out, grad, expected_grads = torch_reference(torch, x, weight, bias, config, rng)
    out, grads = ours(x, weight, bias, grad, config)
    assert out.dtype == np.float32
    np.testing.assert_allclose(out, expected_out, rtol=1e-4, atol=1e-4)
    for got, expected in zip(grads, expected_grads):
        if expected is not None:
            assert got.dtype == np.float32
            np.testing.assert_allclose(got, expected, rtol=1e-4, atol=1e-4)


def test_output_size_formula_matches_torch(torch):
    x = torch.zeros(1, 1, 11, 9)
    for kernel, stride, padding, dilation in [(3, 2, 1, 1), (2, 3, 0, 2), (5, 1, 2, 1), (1, 4, 0, 1)]:
        weight = torch.zeros(1, 1, kernel, kernel)
        out = torch.nn.functional.conv2d(x, weight, None, stride, padding, dilation)
        assert conv.output_size(11, kernel, stride, padding, dilation) == out.shape[2]
        assert conv.output_size(9, kernel, stride, padding, dilation) == out.shape[3]
