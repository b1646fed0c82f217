"""What the graph model contains for each feature: cuts, bands, versions, names, roles, the size cap."""

import time

import pytest
from viz_scenarios import SCENARIOS

from minitorch.viz import draw_graph, graph_model
from minitorch.viz.introspect import format_array, to_numpy
from minitorch.viz.style import ACTIVE_FILL, ARROW, ARROWS, BOXES, CUT_KINDS, MORE_FILL


def _model(scenario, library, **overrides):
    options = dict(SCENARIOS[scenario](library))
    names = options.get("names") or {}
    roots = options.pop("roots")
    options.update(overrides)
    return graph_model(*roots, **options), names


def _by_label(model, label):
    return next(node for node in model.nodes if node.label == label)


def test_seed_detach_draws_the_cut_between_v3_and_v3_detached(library):
    model, _ = _model("seed_detach", library)
    v3, detached = _by_label(model, "v3"), _by_label(model, "v3_detached")
    assert [(cut.src, cut.dst) for cut in model.cuts] == [(detached.id, v3.id)]
    assert v3.storage == detached.storage == "A"
    assert (v3.role, detached.role) == ("output", "constant")
    assert not [edge for edge in model.edges if detached.id in (edge.src, edge.dst)]


def test_values_and_versions_are_those_of_the_tensors(library):
    model, names = _model("seed_detach", library)
    for label in ("v3", "v3_detached", "t1", "t2"):
        node, tensor = _by_label(model, label), names[label]
        assert node.values == format_array(to_numpy(tensor))
    assert _by_label(model, "v3").version == names["v3"]._version


def test_view_shares_storage_but_is_not_a_cut(library):
    model, _ = _model("view_not_cut", library)
    assert model.cuts == []
    assert _by_label(model, "x").storage == _by_label(model, "first").storage is not None


def test_stale_saved_tensor_shows_both_versions(library):
    model, names = _model("inplace_stale", library)
    saved = next(node for node in model.nodes if node.kind == "saved")
    assert saved.role == "stale"
    assert (saved.saved_version, saved.version) == (0, names["y"]._version)
    assert saved.saved_version != saved.version


def test_detach_then_modify_in_place_is_still_caught(library):
    model, names = _model("detach_then_modify", library)
    saved = next(node for node in model.nodes if node.kind == "saved")
    assert saved.role == "stale"
    assert saved.version == names["y_detached"]._version == names["y"]._version
    assert _by_label(model, "y_detached").storage == _by_label(model, "y").storage


def test_saved_tensors_are_freed_by_backward_and_leaf_grads_shown(library):
    model, names = _model("seed_sigmoid", library)
    assert [node.role for node in model.nodes if node.kind == "saved"] == ["freed"]
    assert _by_label(model, "a").grad == format_array(to_numpy(names["a"].grad))


def test_saved_output_is_named_after_the_tensor_it_is(library):
    model, _ = _model("sigmoid_before_backward", library)
    saved = next(node for node in model.nodes if node.kind == "saved")
    assert (saved.label, saved.alias, saved.role) == ("result", "out", "saved")
    out = _by_label(model, "out")
    assert out.role == "intermediate"
    assert saved.storage == out.storage == _by_label(model, "c").storage


def test_new_leaf_made_from_a_detached_tensor_gets_its_own_accumulate_grad(library):
    model, _ = _model("detached_new_leaf", library)
    d, v = _by_label(model, "d"), _by_label(model, "v")
    assert d.role == "leaf"
    assert [(cut.src, cut.dst) for cut in model.cuts] == [(d.id, v.id)]
    assert any(edge.kind == "accumulate" and edge.dst == d.id for edge in model.edges)


def test_minitorch_records_the_detach_source_where_torch_cannot_tell(minitorch):
    x = minitorch.tensor([1.0, 2.0], requires_grad=True)
    d = x.detach().requires_grad_()
    model = graph_model(x, d, names={"x": x, "d": d})
    assert [(cut.src, cut.dst) for cut in model.cuts] == [("t1", "t0")]


def test_options_remove_saved_tensors_and_versions(library):
    model, _ = _model("sigmoid_before_backward", library, show_saved=False, show_versions=False)
    assert not [node for node in model.nodes if node.kind == "saved"]
    assert all(node.version is None for node in model.nodes)


def test_unnamed_tensors_are_labelled_by_role_and_underscore_names_skipped(library):
    model, _ = _model("unnamed_chain", library)
    assert [n.label for n in model.nodes if n.kind == "tensor"] == ["output", "leaf"]
    t = library.tensor([1.0], requires_grad=True)
    named = graph_model(t * 2, names={"_": t, "w": t, "alias": t})
    assert [n.label for n in named.nodes if n.kind == "tensor"] == ["output", "w, alias"]


def test_roots_must_be_tensors(library):
    with pytest.raises(TypeError, match="expects tensors"):
        graph_model(library.tensor([1.0]), 3)


def test_same_code_gives_the_same_source(library):
    first = draw_graph(*SCENARIOS["mul_saved"](library)["roots"]).source
    second = draw_graph(*SCENARIOS["mul_saved"](library)["roots"]).source
    assert first == second


def test_size_cap_keeps_max_nodes_and_adds_a_note(library):
    model, _ = _model("long_chain", library)
    assert len([n for n in model.nodes if n.kind != "more"]) == model.max_nodes == 12
    assert model.hidden > 0 and model.node("more").kind == "more"
    assert any(edge.dst == "more" for edge in model.edges)
    source = draw_graph(*SCENARIOS["long_chain"](library)["roots"], max_nodes=12).source
    assert "more nodes not drawn (max_nodes=12)" in source


def test_huge_graph_is_cut_quickly(library):
    x = library.tensor([1.0], requires_grad=True)
    y = x
    for _ in range(20000):
        y = y + 1.0
    start = time.perf_counter()
    model = graph_model(y, max_nodes=200)
    assert time.perf_counter() - start < 2.0
    assert len(model.nodes) == 201
    assert model.node("more").label.endswith("+")


def test_legend_lists_only_what_is_drawn(library):
    seed = SCENARIOS["seed_detach"](library)
    with_cut = draw_graph(*seed["roots"], names=seed["names"]).source
    assert "detach(): same memory, same version counter, no gradient path" in with_cut
    plain = draw_graph(*SCENARIOS["unnamed_chain"](library)["roots"]).source
    assert "legend" in plain and "detach()" not in plain and "saved, then modified" not in plain
    assert "legend" not in draw_graph(*SCENARIOS["unnamed_chain"](library)["roots"], legend=False).source


def test_viz_imports_and_models_without_graphviz_or_ipywidgets(tmp_path):
    import subprocess
    import sys

    script = (
        "import sys\n"
        "sys.modules['graphviz'] = None\n"
        "sys.modules['ipywidgets'] = None\n"
        "sys.modules['torch'] = None\n"
        "import minitorch, minitorch.viz as viz\n"
        "t = minitorch.tensor([1.0], requires_grad=True)\n"
        "print(len(viz.graph_model(t * 2).nodes))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "5"


def test_each_colour_and_arrow_means_one_thing():
    fills = [box.fill for box in BOXES] + [MORE_FILL, ACTIVE_FILL]
    assert len(set(fills)) == len(fills)
    meanings = [box.meaning for box in BOXES] + [arrow.meaning for arrow in ARROWS if arrow.meaning]
    assert len(set(meanings)) == len(meanings)
    cut_looks = {(ARROW[kind].attrs["color"], ARROW[kind].attrs["label"]) for kind in CUT_KINDS}
    assert len(cut_looks) == len(CUT_KINDS)


def test_legend_keeps_one_order_whatever_is_drawn(library):
    seed = SCENARIOS["seed_detach"](library)
    legend = draw_graph(*seed["roots"], names=seed["names"]).source.split("legend", 1)[1]
    shown = [box.meaning for box in BOXES if box.meaning in legend]
    assert len(shown) >= 3
    assert sorted(shown, key=legend.index) == shown


def test_only_the_roots_are_outputs(library):
    a = library.tensor([1.0, 2.0], requires_grad=True)
    hidden = a * 2  # made by an op; drawn because its memory is, but the diagram is not drawn from it
    cut = hidden.detach()
    loss = (cut * a).sum()
    model = graph_model(loss, names={"a": a, "hidden": hidden, "cut": cut, "loss": loss})
    roles = {node.label: node.role for node in model.nodes if node.kind == "tensor"}
    assert roles == {"loss": "output", "a": "leaf", "cut": "constant", "hidden": "intermediate"}
    named = graph_model(loss, (a * 2), names={"a": a, "loss": loss})
    assert [node.role for node in named.nodes if node.kind == "tensor"].count("output") == 2


def test_data_and_detach_are_different_cuts():
    import minitorch as torch

    out = torch.tensor([1.0, 2.0], requires_grad=True).sigmoid()
    d, raw = out.detach(), out.data
    model = graph_model(out, names={"out": out, "d": d, "raw": raw})
    labels = {node.id: node.label for node in model.nodes}
    assert sorted((labels[cut.src], cut.kind) for cut in model.cuts) == [("d", "detach"), ("raw", "data")]
