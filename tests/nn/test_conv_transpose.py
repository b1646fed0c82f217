"""F.conv_transpose1d/2d and nn.ConvTranspose1d/2d without torch: hand-derived values and gradcheck."""

import numpy as np
import pytest

import minitorch as torch
from minitorch.autograd import gradcheck

F = torch.nn.functional


def test_values_by_hand():
    # Each input pixel scatters a copy of the kernel, scaled by its value, at stride 2.
    out = F.conv_transpose2d(torch.tensor([[[[1.0, 2.0]]]]), torch.tensor([[[[1.0, 10.0]]]]), stride=2)
    assert out.tolist() == [[[[1.0, 10.0, 2.0, 20.0]]]]
    # Overlapping windows add; padding crops the border of the full output.
    full = F.conv_transpose1d(torch.tensor([[[1.0, 2.0, 3.0]]]), torch.tensor([[[1.0, 1.0, 1.0]]]))
    assert full.tolist() == [[[1.0, 3.0, 6.0, 5.0, 3.0]]]
    cropped = F.conv_transpose1d(torch.tensor([[[1.0, 2.0, 3.0]]]), torch.tensor([[[1.0, 1.0, 1.0]]]), padding=1)
    assert cropped.tolist() == [[[3.0, 6.0, 5.0]]]


def test_module_shapes_and_output_size():
    up = torch.nn.ConvTranspose2d(3, 5, 3, stride=2, padding=1)
    x = torch.zeros(2, 3, 4, 4)
    assert up.weight.shape == (3, 5, 3, 3)
    assert up(x).shape == (2, 5, 7, 7)
    assert up(x, output_size=[8, 8]).shape == (2, 5, 8, 8)
    with pytest.raises(ValueError, match="valid sizes range from"):
        up(x, output_size=[9, 9])


@pytest.mark.parametrize("kwargs", [{}, {"stride": 2, "padding": 1, "output_padding": 1},
                                    {"dilation": 2, "groups": 2}])
def test_gradcheck_2d(kwargs):
    rng = np.random.default_rng(0)
    x = torch.tensor(rng.normal(size=(2, 4, 3, 3)), requires_grad=True)
    weight = torch.tensor(rng.normal(size=(4, 6 // kwargs.get("groups", 1), 3, 2)), requires_grad=True)
    bias = torch.tensor(rng.normal(size=6), requires_grad=True)
    assert gradcheck(lambda x, w, b: F.conv_transpose2d(x, w, b, **kwargs), (x, weight, bias))


@pytest.mark.parametrize("kwargs", [{}, {"stride": 3, "padding": 1, "output_padding": 2}])
def test_gradcheck_1d(kwargs):
    rng = np.random.default_rng(1)
    x = torch.tensor(rng.normal(size=(2, 3, 5)), requires_grad=True)
    weight = torch.tensor(rng.normal(size=(3, 2, 3)), requires_grad=True)
    assert gradcheck(lambda x, w: F.conv_transpose1d(x, w, **kwargs), (x, weight))
