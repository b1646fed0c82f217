"""Diagrams grouped by nn.Module: which module made which node, boxes down to a depth, collapsed modules."""

import re
import shutil

import pytest
from viz_scenarios import SCENARIOS

from minitorch.viz import draw_graph, graph_model, track_modules

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is not installed")


def _grouped(scenario, library):
    options = dict(SCENARIOS[scenario](library))
    return graph_model(*options.pop("roots"), **options)


def _box(model, title_start):
    return next(node for node in model.nodes if node.kind == "module" and node.label.startswith(title_start))


def test_a_frozen_block_keeps_its_box_though_autograd_recorded_nothing_of_it(library):
    model = _grouped("model_frozen_depth1", library)
    features, head = _box(model, "0: Sequential"), _box(model, "1: Linear")
    assert features.role == "frozen" and "recorded no backward node" in features.rows
    assert any("frozen" in row for row in features.rows) and not any("trains" in row for row in features.rows)
    assert head.role == "module" and "weight (1, 8) trains, version 1" in head.rows
    assert ("nograd" in {edge.kind for edge in model.edges if edge.dst == features.id})
    assert model.clusters == {"": "Sequential"}


def test_depth_opens_the_model_one_level_at_a_time(library):
    kinds = {depth: [node.kind for node in _grouped(f"model_frozen_depth{depth}", library).nodes]
             for depth in (0, 1, 2)}
    assert kinds[0].count("module") == 1 and "backward" in kinds[0]  # the loss's sum sits outside the model
    assert kinds[1].count("module") == 2
    assert kinds[2].count("module") == 3  # conv, relu, flatten of the frozen block; the head is open
    boxes = _grouped("model_frozen_depth2", library).clusters
    assert boxes == {"": "Sequential", "0": "0: Sequential", "1": "1: Linear(in_features=8, out_features=1, bias=True)"}


def _carried(model):
    """(from, to, kind, label) of every labelled edge and cut, by the titles of the boxes they join."""
    labels = {node.id: node.label.partition(":")[0] for node in model.nodes}
    return {(labels[edge.src], labels[edge.dst], edge.kind, edge.label)
            for edge in model.edges + model.cuts if edge.label is not None}


def test_stale_saved_tensors_and_the_detach_cut_stay_visible(library):
    model = _grouped("model_probe_and_stale", library)
    head = _box(model, "1: Sequential")
    # Linear(3, 1) saves its input (version 0) and its weight's transpose (version 1: nn.init wrote it in
    # place); Sigmoid saves its result, which `out.mul_(2)` then changed: version 0 -> 1.
    assert head.role == "stale" and "saves 3 tensors for backward, at versions 0, 1" in head.rows
    assert head.alerts == ("1 saved tensor modified in place (saved at version 0, now 1): backward raises",)
    labels = {node.id: node.label for node in model.nodes}
    assert [(labels[cut.src], labels[cut.dst], cut.kind) for cut in model.cuts] == [("detached", "features", "detach")]
    probe = _box(model, "2: Linear")
    assert any(edge.src == probe.id and labels[edge.dst] == "detached" and edge.kind == "nograd"
               for edge in model.edges)
    # the named tensors keep their boxes; the edge between the two modules still says what crosses it
    assert ("1", "0", "next", "0 \u2192 1: (4, 3)") in _carried(model)
    assert ("MulBackward0", "1", "next", "out of 1: (4, 1)") in _carried(model)


def test_a_tensor_modified_after_it_crossed_turns_both_boxes_red(library):
    nn = library.nn
    library.manual_seed(0)
    model = nn.Sequential(nn.Sequential(nn.Linear(2, 3), nn.ReLU()), nn.Linear(3, 1))
    track_modules(model)
    features = model[0](library.ones(4, 2))
    out = model[1](features)
    squared = features * features  # outside every module: saved twice, drawn as saved tensors of its own
    features.add_(1)  # ReLU saved it as its result, the head's Linear as its input: both copies are stale now
    graph = graph_model(out, squared, model=model, depth=1)
    stale = ("1 saved tensor modified in place (saved at version 0, now 1): backward raises",)
    assert _box(graph, "0: Sequential").alerts == stale and _box(graph, "1: Linear").alerts == stale
    assert ("1", "0", "next", "0 \u2192 1: (4, 3)") in _carried(graph)  # the tensor as it crossed
    outside = [(node.label, node.role, node.saved_version, node.version) for node in graph.nodes
               if node.kind == "saved"]
    assert outside == [("other", "stale", 0, 1), ("self", "stale", 0, 1)]
    with pytest.raises(RuntimeError, match="modified by an inplace operation"):
        out.sum().backward()


@needs_dot
def test_a_stale_summary_is_drawn_in_red_on_the_box(library):
    options = dict(SCENARIOS["model_probe_and_stale"](library))
    source = draw_graph(*options.pop("roots"), **options).source
    assert ('<FONT COLOR="red"><B>1 saved tensor modified in place (saved at version 0, now 1): backward raises'
            in source)


def test_edges_between_modules_carry_the_tensor_that_crosses_without_names(library):
    model = _grouped("model_unnamed_probe", library)
    assert not any(node.kind == "tensor" and node.role != "output" for node in model.nodes)
    assert _carried(model) == {
        ("head", "body", "next", "body \u2192 head: (4, 3)"),
        ("SumBackward0", "head", "next", "head \u2192 Probed: (4, 1)"),
        ("SumBackward0", "probe", "next", "probe \u2192 Probed: (4, 1)"),
        # the probe reads the body's features through detach(): the cut runs between the two boxes
        ("probe", "body", "detach", "body \u2192 probe: (4, 3)"),
    }
    assert [cut.kind for cut in model.cuts] == ["detach"]


def test_a_detach_inside_a_collapsed_module_is_summarised_on_its_box(library):
    model = _grouped("model_detach_inside_depth1", library)
    block = _box(model, "0: Block")
    assert block.alerts == ("\u2702 detach() inside: (4, 3) cut from the gradient path",)
    assert model.cuts == []
    assert _carried(model) == {("1", "0", "next", "0 \u2192 1: (4, 3)"),
                               ("SumBackward0", "1", "next", "out of 1: (4, 1)")}
    opened = _grouped("model_detach_inside_depth2", library)
    assert not any(node.alerts for node in opened.nodes)
    assert ("0.second", "0.first", "detach", "0.first \u2192 0.second: (4, 3)") in _carried(opened)
    assert ("AddBackward0", "0.first", "next", "0.first \u2192 0: (4, 3)") in _carried(opened)


def _dashed(model):
    """(from, to, label) of every "nograd" edge, by the titles of the boxes it joins."""
    labels = {node.id: node.label.partition(":")[0] for node in model.nodes}
    return sorted((labels[edge.src], labels[edge.dst], edge.label) for edge in model.edges if edge.kind == "nograd")


def test_data_that_crossed_plain_code_under_no_grad_still_joins_the_two_boxes(library):
    # features = torch.relu(self.body(x)) under no_grad, then self.head(features): relu is in no module
    assert _dashed(_grouped("model_no_grad_body", library)) == [("body", "features", None), ("head", "features", None)]
    assert _dashed(_grouped("model_no_grad_body_unnamed", library)) == [("head", "body", "body \u2192 head: (2, 3)")]


def test_plain_code_is_not_linked_to_a_module_that_ran_outside_the_forward_or_fed_nothing(library):
    nn = library.nn

    class TwoLooks(nn.Module):
        def __init__(self):
            super().__init__()
            self.body, self.head = nn.Linear(2, 2), nn.Linear(2, 1)

        def forward(self, x):
            with library.no_grad():
                self.body(x)  # run for nothing: its output is dropped
            return self.head(x)  # the head reads the model's own input, which no code here made

    library.manual_seed(0)
    model = TwoLooks()
    track_modules(model)
    loss = model(library.ones(1, 2)).sum()
    assert _dashed(graph_model(loss, model=model, depth=1)) == []
    with library.no_grad():
        model.body(library.ones(1, 2))  # a later run outside the model's forward
    head_input = library.ones(1, 2)
    loss = model.head(head_input).sum()
    assert _dashed(graph_model(loss, names={"head_input": head_input}, model=model, depth=1)) == [
        ("head", "head_input", None)]


def test_without_tracking_or_with_a_bad_depth_the_error_says_what_to_do(library):
    net = library.nn.Linear(2, 1)
    out = net(library.ones(1, 2)).sum()
    with pytest.raises(ValueError, match=r"call minitorch.viz.track_modules\(model\) before the forward pass"):
        draw_graph(out, model=net)
    track_modules(net)
    out = net(library.ones(1, 2)).sum()
    with pytest.raises(ValueError, match="depth must be a whole number >= 0, got -1"):
        draw_graph(out, model=net, depth=-1)
    with pytest.raises(TypeError, match="track_modules\\(\\) expects an nn.Module, got Tensor"):
        track_modules(out)


@needs_dot
def test_a_fifty_module_model_at_depth_one_fits_a_laptop_screen(library):
    nn = library.nn
    model = nn.Sequential(*[nn.Sequential(nn.Linear(4, 4), nn.ReLU()) for _ in range(25)])
    assert len(list(model.modules())) == 76
    track_modules(model)
    loss = model(library.ones(1, 4)).sum()
    svg = draw_graph(loss, model=model, depth=1).svg()
    width_pt = float(re.search(r'<svg width="([\d.]+)pt"', svg).group(1))
    assert width_pt * 96 / 72 <= 1024
    assert "23 \u2192 24: (1, 4)" in svg  # with the tensors between the boxes written on the edges
    full = draw_graph(loss, model=model, depth=2, max_nodes=1000).svg()
    assert float(re.search(r'<svg width="([\d.]+)pt"', full).group(1)) > 0


def _tracked_mlp(library):
    nn = library.nn
    library.manual_seed(0)
    model = nn.Sequential(nn.Sequential(nn.Linear(2, 3), nn.ReLU()), nn.Linear(3, 1))
    track_modules(model)
    return model, model(library.ones(1, 2)).sum()


def test_a_click_opens_a_module_and_a_click_on_its_frame_closes_it(library):
    from minitorch.viz.model_widget import ModuleView

    model, loss = _tracked_mlp(library)
    view = ModuleView((loss,), model)
    boxes = {node.id: node.label for node in view.graph().nodes if node.kind == "module"}
    assert sorted(boxes.values()) == ["0: Sequential", "1: Linear(in_features=3, out_features=1, bias=True)"]
    first = next(box for box, label in boxes.items() if label == "0: Sequential")
    assert view.clickable()[first] == "click to open 0"
    view.click(first)
    opened = view.graph()
    assert "0" in opened.clusters and any(node.label.startswith("0.0: Linear") for node in opened.nodes)
    assert ("1", "0.1", "next", "0.1 \u2192 1: (1, 3)") in _carried(opened)
    assert view.clickable()["cluster_0"] == "click to close 0"
    view.click("cluster_0")
    assert "0" not in view.graph().clusters
    def saves(view):
        return [row for node in view.graph().nodes for row in node.rows if row.startswith("saves")]

    assert saves(ModuleView((loss,), model)) and not saves(ModuleView((loss,), model, show_saved=False))


def test_the_model_widget_keeps_drawing_its_own_forward_pass(library):
    from minitorch.viz.model_widget import ModuleView

    model, loss = _tracked_mlp(library)
    view = ModuleView((loss,), model)
    before = view.graph()
    with library.no_grad():
        model(library.ones(5, 2))  # a later pass (validation) on another batch, recording nothing
    after = view.graph()
    assert after.edges == before.edges and after.nodes == before.nodes
    assert ("1", "0", "next", "0 \u2192 1: (1, 3)") in _carried(after)


@needs_dot
def test_explore_model_widget_redraws_on_depth_and_click(library):
    pytest.importorskip("anywidget")
    from static_picture import static_svg

    from minitorch.viz import explore_model

    model, loss = _tracked_mlp(library)
    box = explore_model(loss, model=model)
    (slider, reset), picture = box.children[0].children, box.children[1]
    assert slider.max == 3 and reset.disabled
    before = picture.svg
    slider.value = 2
    assert picture.svg != before and "0.0: Linear" in picture.svg
    slider.value = 1
    box_id = next(key for key, tip in picture.clickable.items() if tip == "click to open 0")
    picture.clicked = f"{box_id}|1"
    assert "0.0: Linear" in picture.svg and not reset.disabled
    reset.click()
    assert "0.0: Linear" not in picture.svg
    assert "<svg" in static_svg(box._repr_mimebundle_()["text/html"])


@needs_dot
def test_stepping_backward_at_module_level_lights_up_the_module(library):
    pytest.importorskip("ipywidgets")
    from minitorch.viz import step_backward

    model, loss = _tracked_mlp(library)
    box = step_backward(loss, model=model, depth=1)
    forward = box.children[0].children[3]
    caption, diagram = box.children[1], box.children[2]
    forward.click()
    forward.click()  # AddmmBackward0 of the head runs: the head's box is the one highlighted
    assert "AddmmBackward0" in caption.value
    head = next(node for node in diagram.value.split("<g id=") if "1: Linear" in node)
    assert 'fill="gold"' in head
    edge = next(part for part in diagram.value.split("<g id=") if "<title>m0&#45;&gt;m1</title>" in part)
    assert "0 \u2192 1: (1, 3)" in edge and 'fill="#b8860b"' in edge  # what crosses, and the gradient sent back
    forward.click()
    assert "a parameter&#x27;s .grad in 1: Linear" in caption.value
