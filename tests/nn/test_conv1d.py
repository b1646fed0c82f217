"""F.conv1d and nn.Conv1d without torch: hand-derived values, gradcheck in float64, torch's node and init."""

import math

import numpy as np
import pytest

import minitorch as torch
from minitorch.autograd import gradcheck

F = torch.nn.functional


def test_values_by_hand():
    x = torch.tensor([[[1.0, 2.0, 4.0, 7.0, 11.0]]])
    difference = torch.tensor([[[-1.0, 1.0]]])
    assert F.conv1d(x, difference).tolist() == [[[1.0, 2.0, 3.0, 4.0]]]
    assert F.conv1d(x, difference, stride=2).tolist() == [[[1.0, 3.0]]]
    assert F.conv1d(x, difference, dilation=2).tolist() == [[[3.0, 5.0, 7.0]]]
    assert F.conv1d(x, difference, padding=1).tolist() == [[[1.0, 1.0, 2.0, 3.0, 4.0, -11.0]]]
    with pytest.warns(UserWarning, match="padding='same' with even kernel lengths"):  # torch's warning
        same = F.conv1d(x, difference, torch.tensor([10.0]), padding="same")
    assert same.tolist() == [[[11.0, 12.0, 13.0, 14.0, -1.0]]]


def test_groups_keep_channels_apart():
    x = torch.tensor([[[1.0, 2.0, 3.0], [10.0, 20.0, 30.0]]])
    weight = torch.tensor([[[1.0, 1.0]], [[0.0, 2.0]]])
    assert F.conv1d(x, weight, groups=2).tolist() == [[[3.0, 5.0], [40.0, 60.0]]]


@pytest.mark.parametrize("kwargs", [{}, {"stride": 2, "padding": 2}, {"dilation": 2, "groups": 2},
                                    {"padding": "same"}])
def test_gradcheck(kwargs):
    rng = np.random.default_rng(0)
    x = torch.tensor(rng.normal(size=(2, 4, 7)), requires_grad=True)
    weight = torch.tensor(rng.normal(size=(6, 4 // kwargs.get("groups", 1), 3)), requires_grad=True)
    bias = torch.tensor(rng.normal(size=6), requires_grad=True)
    assert gradcheck(lambda x, w, b: F.conv1d(x, w, b, **kwargs), (x, weight, bias))


def test_node_and_unbatched_input():
    x = torch.randn(3, 8, requires_grad=True)
    y = F.conv1d(x, torch.randn(5, 3, 2, requires_grad=True))
    assert y.shape == (5, 7)
    assert y.grad_fn.name() == "SqueezeBackward1"
    node = y.grad_fn.next_functions[0][0]
    assert node.name() == "ConvolutionBackward0"
    assert (node._saved_stride, node._saved_padding, node._saved_output_padding) == ((1,), (0,), (0,))


def test_module_settings_and_init_bounds():
    conv = torch.nn.Conv1d(4, 6, 3, stride=2, groups=2)
    assert (conv.kernel_size, conv.stride, conv.padding, conv.dilation) == ((3,), (2,), (0,), (1,))
    assert tuple(conv.weight.shape) == (6, 2, 3)
    bound = 1 / math.sqrt(2 * 3)  # kaiming_uniform_(a=sqrt(5)) and the bias share 1/sqrt(fan_in)
    assert conv.weight.abs().max().item() <= bound and conv.bias.abs().max().item() <= bound
    assert tuple(conv(torch.randn(1, 4, 9)).shape) == (1, 6, 4)
    with pytest.raises(RuntimeError, match="Expected 2D \\(unbatched\\) or 3D \\(batched\\) input to conv1d"):
        conv(torch.randn(4))
