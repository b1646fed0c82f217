"""Replaying backward: the engine's order, the gradient each node receives and sends, leaves filling in."""

import shutil

import pytest

from minitorch.viz import graph_model, to_digraph
from minitorch.viz.introspect import format_array, node_name, to_numpy
from minitorch.viz.steps import describe_step, initial_grads, step_overlay, trace_backward
from tests.viz.static_picture import static_svg


def _sigmoid_example(library):
    a = library.tensor([1, 2, 3.0], requires_grad=True)
    out = a.sigmoid()
    loss = out.sum()
    model = graph_model(loss, names={"a": a, "out": out, "loss": loss}, show_grads=True)
    before = initial_grads(model)
    return a, loss, model, before, trace_backward(loss)


def _torch_grad_of_a(torch):
    a = torch.tensor([1, 2, 3.0], requires_grad=True)
    a.sigmoid().sum().backward()
    return format_array(a.grad.numpy())


def test_steps_follow_the_engine_and_fill_a_grad(library, torch):
    a, _, model, before, steps = _sigmoid_example(library)
    torch_order = [node_name(step.node) for step in _sigmoid_example(torch)[4]]
    assert [node_name(step.node) for step in steps] == torch_order
    a_id = model.id_of(a)
    assert step_overlay(model, steps, before, 0).grads == {a_id: "None"}
    assert step_overlay(model, steps, before, 2).grads == {a_id: "None"}
    final = step_overlay(model, steps, before, 3)
    assert final.grads == {a_id: _torch_grad_of_a(torch)}
    assert format_array(to_numpy(a.grad)) == _torch_grad_of_a(torch)  # backward really ran


def test_overlay_marks_the_running_node_and_what_it_sends(library):
    _, loss, model, before, steps = _sigmoid_example(library)
    sum_id, sigmoid_id = model.id_of(loss.grad_fn), model.id_of(steps[1].node)
    first = step_overlay(model, steps, before, 1)
    assert (first.active, first.done) == (sum_id, frozenset())
    assert first.received == format_array(steps[0].grads_in[0])
    assert first.sent == {(sum_id, sigmoid_id, 0): format_array(steps[0].grads_out[0])}
    second = step_overlay(model, steps, before, 2)
    assert (second.active, second.done) == (sigmoid_id, frozenset({sum_id}))
    source = to_digraph(model, second).source
    assert "gold" in source and "<B>&#10003; SumBackward0</B>" in source


def test_repeated_edges_each_carry_their_gradient(library):
    a = library.tensor([2.0, 3.0], requires_grad=True)
    loss = (a * a).sum()
    model = graph_model(loss, names={"a": a})
    steps = trace_backward(loss)
    mul = next(i for i, step in enumerate(steps, start=1) if node_name(step.node) == "MulBackward0")
    sent = step_overlay(model, steps, initial_grads(model), mul).sent
    assert len(sent) == 2 and {key[2] for key in sent} == {0, 1}


def test_descriptions_name_the_nodes_and_the_leaf(library):
    _, _, model, _, steps = _sigmoid_example(library)
    assert describe_step(model, steps, 0).startswith("Before backward: 3 nodes")
    assert "SigmoidBackward0 receives" in describe_step(model, steps, 2)
    assert describe_step(model, steps, 3).endswith("into a.grad")


def test_step_backward_widget_walks_the_steps(library, torch):
    pytest.importorskip("ipywidgets")
    if shutil.which("dot") is None:
        pytest.skip("Graphviz's dot is not installed")
    from minitorch.viz import step_backward

    a = library.tensor([1, 2, 3.0], requires_grad=True)
    out = a.sigmoid()
    box = step_backward(out.sum(), names={"a": a, "out": out})
    controls, caption, diagram = box.children
    play, back, slider, forward = controls.children
    assert all(control.tooltip for control in (play, back, forward))
    assert slider.max == 3 and "Before backward" in caption.value
    assert "grad None" in diagram.value
    assert back.disabled and not forward.disabled, "nothing to undo before the first step"
    forward.click()
    forward.click()
    forward.click()
    assert slider.value == 3 and "into a.grad" in caption.value
    assert forward.disabled and not back.disabled, "nothing left to run after the last step"
    assert f"grad {_torch_grad_of_a(torch)}" in diagram.value
    assert "<svg" in static_svg(box._repr_mimebundle_()["text/html"])
