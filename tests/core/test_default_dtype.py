"""set_default_dtype without torch: hand-derived dtypes of what the default reaches, and its restoration."""

import numpy as np
import pytest

import minitorch


@pytest.fixture
def float64_default():
    minitorch.set_default_dtype(minitorch.float64)
    try:
        yield
    finally:
        minitorch.set_default_dtype(minitorch.float32)


def test_the_default_starts_as_float32():
    assert minitorch.get_default_dtype() is minitorch.float32
    assert minitorch.tensor([0.1]).dtype is minitorch.float32


def test_float64_reaches_every_default(float64_default):
    made = [minitorch.tensor(0.1), minitorch.tensor([1, 2.5]), minitorch.zeros(2), minitorch.ones(1),
            minitorch.empty(3), minitorch.full((2,), 0.5), minitorch.eye(2), minitorch.arange(0, 1, 0.5),
            minitorch.linspace(0, 1, 3), minitorch.rand(2), minitorch.randn(2), minitorch.Tensor(2),
            minitorch.tensor([1, 2]) / 2, minitorch.tensor([1, 2]).sin(), minitorch.tensor([3]) * 0.5,
            minitorch.nn.Linear(2, 2).weight]
    assert [t.dtype for t in made] == [minitorch.float64] * len(made)
    assert minitorch.tensor(0.1).item() == 0.1  # float64 holds Python's 0.1 exactly as Python does
    assert minitorch.finfo().eps == np.finfo(np.float64).eps


def test_what_the_default_does_not_reach(float64_default):
    assert minitorch.arange(3).dtype is minitorch.int64
    assert minitorch.full((2,), 1).dtype is minitorch.int64
    assert minitorch.FloatTensor(2).dtype is minitorch.float32
    assert (minitorch.zeros(2, dtype=minitorch.float32) + 0.5).dtype is minitorch.float32


def test_printing_follows_the_default(float64_default):
    assert repr(minitorch.tensor([1.0, 2.0])) == "tensor([1., 2.])"
    assert repr(minitorch.tensor([1.0, 2.0], dtype=minitorch.float32)) == "tensor([1., 2.], dtype=torch.float32)"
    assert repr(minitorch.zeros(0)) == "tensor([])"


@pytest.mark.parametrize("bad", [minitorch.int64, minitorch.bool, minitorch.int32])
def test_only_floating_types(bad):
    with pytest.raises(TypeError, match="only floating-point types are supported as the default type"):
        minitorch.set_default_dtype(bad)
    assert minitorch.get_default_dtype() is minitorch.float32


def test_unsupported_float_type_is_named():
    with pytest.raises(NotImplementedError, match="bfloat16"):
        minitorch.set_default_dtype(minitorch.bfloat16)
    assert minitorch.get_default_dtype() is minitorch.float32
