"""torch.nn.utils against real torch: clip_grad_norm_ (norm types, the returned norm, in-place scaling),
clip_grad_value_, parameters_to_vector and vector_to_parameters."""

import numpy as np
import pytest

import minitorch

pytestmark = pytest.mark.parity


def _model_with_grads(lib, scale):
    """A small model whose gradients are set to the same float32 values in both libraries."""
    lib.manual_seed(0)
    model = lib.nn.Sequential(lib.nn.Linear(4, 3), lib.nn.Tanh(), lib.nn.Linear(3, 2))
    values = np.sin(np.arange(23, dtype=np.float32) * 0.7) * scale
    start = 0
    for p in model.parameters():
        p.grad = lib.tensor(values[start:start + p.numel()].tolist()).view_as(p)
        start += p.numel()
    return model


def _grads(model):
    return [p.grad.numpy().copy() for p in model.parameters()]


@pytest.mark.parametrize("norm_type", [2.0, 1, float("inf")])
@pytest.mark.parametrize("scale", [0.01, 10.0])
def test_clip_grad_norm(torch, norm_type, scale):
    ours, theirs = _model_with_grads(minitorch, scale), _model_with_grads(torch, scale)
    total_ours = minitorch.nn.utils.clip_grad_norm_(ours.parameters(), 0.5, norm_type=norm_type)
    total_theirs = torch.nn.utils.clip_grad_norm_(theirs.parameters(), 0.5, norm_type=norm_type)
    assert repr(total_ours) == repr(total_theirs)
    for a, b in zip(_grads(ours), _grads(theirs)):
        np.testing.assert_allclose(a, b, rtol=1e-6)


def test_clip_grad_value_and_vectors(torch):
    ours, theirs = _model_with_grads(minitorch, 5.0), _model_with_grads(torch, 5.0)
    minitorch.nn.utils.clip_grad_value_(ours.parameters(), clip_value=0.3)
    torch.nn.utils.clip_grad_value_(theirs.parameters(), clip_value=0.3)
    for a, b in zip(_grads(ours), _grads(theirs)):
        np.testing.assert_array_equal(a, b)
    vec_ours = minitorch.nn.utils.parameters_to_vector(ours.parameters())
    vec_theirs = torch.nn.utils.parameters_to_vector(theirs.parameters())
    assert repr(vec_ours).replace("minitorch", "torch") == repr(vec_theirs)
    minitorch.nn.utils.vector_to_parameters(minitorch.arange(23.0), ours.parameters())
    torch.nn.utils.vector_to_parameters(torch.arange(23.0), theirs.parameters())
    assert repr(list(ours.parameters())) == repr(list(theirs.parameters()))
