"""The same code drawn from minitorch and from real torch gives the same picture and the same replay."""

import importlib

import numpy as np
import pytest
from viz_scenarios import SCENARIOS, draw_args

from minitorch.viz import graph_model
from minitorch.viz.explore import explore_view, tensor_rows
from minitorch.viz.introspect import node_name
from minitorch.viz.steps import trace_backward

pytestmark = pytest.mark.parity


@pytest.fixture
def mt():
    return importlib.import_module("minitorch")


@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_models_are_equal(scenario, mt, torch):
    mini_roots, mini_options = draw_args(scenario, mt)
    torch_roots, torch_options = draw_args(scenario, torch)
    mini = graph_model(*mini_roots, **mini_options)
    real = graph_model(*torch_roots, **torch_options)
    assert [(n.id, n.kind, n.label) for n in mini.nodes] == [(n.id, n.kind, n.label) for n in real.nodes]
    assert mini.edges == real.edges
    assert mini.cuts == real.cuts
    assert mini.nodes == real.nodes  # roles, shapes, bands, versions, values and grads too


def _sigmoid_sum(library):
    a = library.tensor([1, 2, 3.0], requires_grad=True)
    b = library.tensor([0.5, -1.0, 2.0], requires_grad=True)
    out = (a.sigmoid() * b + a * a).sum()
    return a, b, out


def test_backward_steps_run_in_the_same_order_with_the_same_gradients(mt, torch):
    mini_a, mini_b, mini_out = _sigmoid_sum(mt)
    real_a, real_b, real_out = _sigmoid_sum(torch)
    mini_steps, real_steps = trace_backward(mini_out), trace_backward(real_out)
    assert [node_name(s.node) for s in mini_steps] == [node_name(s.node) for s in real_steps]
    for mini, real in zip(mini_steps, real_steps):
        assert len(mini.grads_in) == len(real.grads_in)
        for ours, theirs in zip(mini.grads_in + mini.grads_out, real.grads_in + real.grads_out):
            assert (ours is None) == (theirs is None)
            if ours is not None:
                np.testing.assert_allclose(ours, theirs, rtol=1e-6)
    np.testing.assert_allclose(mini_a.grad._data, real_a.grad.numpy(), rtol=1e-6)
    np.testing.assert_allclose(mini_b.grad._data, real_b.grad.numpy(), rtol=1e-6)


def _explored(library, flags, backward):
    def fn(x, w):
        h = x * w
        loss = h.sigmoid().sum()
        return locals()

    inputs = {"x": library.tensor([1.0, -2.0]), "w": library.tensor(0.5, requires_grad=True)}
    return explore_view(fn, inputs, flags, {"w": 1.5}, backward=backward)


@pytest.mark.parametrize("flags", [{"x": False, "w": True}, {"x": True, "w": False}, {"x": False, "w": False}])
@pytest.mark.parametrize("backward", [False, True])
def test_explore_describes_tensors_like_torch(mt, torch, flags, backward):
    mini, real = _explored(mt, flags, backward), _explored(torch, flags, backward)
    assert tensor_rows(mini.tensors) == tensor_rows(real.tensors)
    assert mini.message == real.message
    assert mini.model == real.model
