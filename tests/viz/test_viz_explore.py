"""The explore widget's logic: fresh inputs, toggles that change the graph, backward and its errors."""

import shutil
import statistics
import time

import pytest

from minitorch.viz.explore import (
    backward_target,
    explore_view,
    flag_combinations,
    fresh_inputs,
    named_results,
    prewarm,
    run_backward,
    tensor_rows,
)
from minitorch.viz.render import clear_render_cache
from tests.viz.static_picture import static_svg

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is not installed")


def scaled_sigmoid(x, w, n):
    h = x * w
    loss = (h.sigmoid() * n).sum()
    return locals()


def _inputs(library):
    return {"x": library.tensor([1.0, -2.0]), "w": library.tensor(0.5, requires_grad=True), "n": 3}


def test_fresh_inputs_are_copies_with_the_chosen_flags(library):
    inputs = _inputs(library)
    fresh = fresh_inputs(inputs, {"x": True, "w": False}, {"w": 2.0, "n": 4})
    assert fresh["x"] is not inputs["x"] and fresh["x"].requires_grad and fresh["x"].is_leaf
    assert not fresh["w"].requires_grad and float(fresh["w"].item()) == 2.0
    assert fresh["n"] == 4
    assert inputs["w"].requires_grad and float(inputs["w"].item()) == 0.5  # originals untouched


def test_named_results_and_the_backward_target(library):
    t = library.tensor([1.0])
    assert list(named_results(t)) == ["out"]
    assert list(named_results((t, 3, t))) == ["out0", "out2"]
    assert list(named_results({"_hidden": t, "a": t, "k": 1})) == ["a"]
    outputs = named_results(scaled_sigmoid(**_inputs(library)))
    inputs = {"x": outputs["x"], "w": outputs["w"]}
    assert backward_target(outputs, inputs)[0] == "loss"
    assert backward_target({"x": outputs["x"]}, inputs) == (None, None)


def test_toggling_requires_grad_changes_the_graph(library):
    off = explore_view(scaled_sigmoid, _inputs(library), {"x": False, "w": False}, {})
    on = explore_view(scaled_sigmoid, _inputs(library), {"x": False, "w": True}, {})
    assert {node.kind for node in off.model.nodes} == {"tensor"}
    assert any(node.label == "MulBackward0" for node in on.model.nodes)
    assert off.svg != on.svg


def test_backward_fills_grads_or_shows_torchs_error(library, torch):
    done = explore_view(scaled_sigmoid, _inputs(library), {"x": False, "w": True}, {}, backward=True)
    torch_inputs = fresh_inputs(_inputs(torch), {"x": False, "w": True}, {})
    torch_outputs = scaled_sigmoid(**torch_inputs)
    torch_outputs["loss"].backward()
    assert tensor_rows(done.tensors) == tensor_rows(
        {name: torch_outputs[name] for name in ("x", "w", "h", "loss")})
    assert done.message == "loss.backward() ran: the leaves' .grad are filled in."
    failed = explore_view(scaled_sigmoid, _inputs(library), {"x": False, "w": False}, {}, backward=True)
    with pytest.raises(RuntimeError) as torch_error:
        torch.tensor([1.0]).sum().backward()
    assert failed.message == f"loss.backward() raised RuntimeError: {torch_error.value}"


def test_non_scalar_output_is_summed_before_backward(library):
    x = library.tensor([1.0, 2.0], requires_grad=True)
    assert run_backward("y", x * 2) == "y.sum().backward() ran: the leaves' .grad are filled in."
    assert x.grad is not None


def test_an_error_in_the_function_is_shown_not_raised(library):
    def broken(x):
        raise ValueError("bad input")

    view = explore_view(broken, {"x": library.tensor([1.0])}, {}, {})
    assert view.message == "broken(...) raised ValueError: bad input"
    assert "<table>" in view.table_html


@needs_dot
def test_explore_widget_redraws_on_toggle(library):
    pytest.importorskip("ipywidgets")
    from minitorch.viz import explore

    box = explore(scaled_sigmoid, **_inputs(library))
    switches, sliders, diagram, table = box.children
    x_box, w_box, button, message = switches.children  # the button sits in the row of switches it uses
    assert (x_box.description, x_box.value, w_box.value) == ("x.requires_grad", False, True)
    assert [slider.description for slider in sliders.children] == ["w", "n"]
    assert 'style="max-width:100%' in diagram.value  # scaled to the output's width
    before = diagram.value
    x_box.value = True
    assert diagram.value != before and "MulBackward0" in diagram.value
    before = diagram.value
    sliders.children[0].value = 1.5
    assert diagram.value != before, "a slider changes what the picture shows (its values)"
    button.click()
    assert "ran" in message.value
    bundle = box._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert "<svg" in static_svg(bundle["text/html"]) and "<svg" not in bundle["text/html"]


def _chain():
    def fn(a, b, c):
        h = a * b
        for _ in range(3):
            h = (h + c).sigmoid() * b
        return {"h": h, "loss": h.sum()}

    return fn


@needs_dot
def test_toggle_to_new_svg_is_fast(library):
    """The widget draws every checkbox combination once at start; then a toggle is well under 50 ms."""
    inputs = {"a": library.tensor([1.0, 2.0], requires_grad=True), "b": library.tensor(0.5),
              "c": library.tensor(1.0)}
    fn = _chain()
    clear_render_cache()
    prewarm(fn, inputs, {}, flag_combinations(["a", "b", "c"]))
    timings, sizes = [], []
    for index in range(16):
        flags = {"a": True, "b": index % 2 == 0, "c": index % 4 < 2}
        start = time.perf_counter()
        view = explore_view(fn, inputs, flags, {})
        timings.append(time.perf_counter() - start)
        sizes.append(len(view.model.nodes))
        assert view.svg.startswith("<svg")
    assert max(sizes) <= 30 and min(sizes) >= 20
    assert statistics.median(timings) <= 0.050, timings


def test_flag_combinations_cover_every_choice_up_to_a_limit():
    assert flag_combinations(["a", "b"]) == [
        {"a": False, "b": False}, {"a": False, "b": True}, {"a": True, "b": False}, {"a": True, "b": True}]
    assert flag_combinations(list("abcde")) == []


def test_slider_values_make_new_tensors_at_version_zero(library):
    fresh = fresh_inputs({"w": library.tensor(0.5)}, {"w": True}, {"w": 2.0})
    assert fresh["w"]._version == library.tensor(2.0)._version
    assert fresh["w"].is_leaf and fresh["w"].requires_grad
