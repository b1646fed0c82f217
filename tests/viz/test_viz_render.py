"""Drawing: hostile labels come out intact, and a missing `dot` gives one clear message (or a fallback)."""

import shutil
import sys

import pytest
from viz_scenarios import SCENARIOS

from minitorch.viz import MISSING_DOT_MESSAGE, GraphvizMissing, draw_graph, render_svg
from minitorch.viz.render import clear_render_cache, inline_svg

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is not installed")


@pytest.fixture
def no_dot(monkeypatch, tmp_path):
    """Pretend Graphviz is not installed: an empty PATH and a forgotten render cache."""
    monkeypatch.setenv("PATH", str(tmp_path))
    clear_render_cache()
    yield
    clear_render_cache()


@pytest.fixture
def no_fallback(monkeypatch):
    """Pretend pygraphviz (the pip-only fallback) is not installed either."""
    monkeypatch.setitem(sys.modules, "pygraphviz", None)


def _hostile(library):
    scenario = SCENARIOS["hostile_names"](library)
    return draw_graph(*scenario["roots"], names=scenario["names"])


@needs_dot
def test_hostile_labels_are_escaped_in_dot_and_svg(library):
    graph = _hostile(library)
    assert "a&lt;b&gt;&amp;&quot;c&quot;" in graph.source
    assert "é张量 ✂" in graph.source
    svg = graph.svg()
    assert "a&lt;b&gt;&amp;&quot;c&quot;" in svg or "a&lt;b&gt;&amp;\"c\"" in svg
    assert "é张量 ✂" in svg
    assert "a<b>" not in svg


@needs_dot
def test_diagram_displays_as_svg_in_notebooks(library):
    bundle = _hostile(library)._repr_mimebundle_()
    assert sorted(bundle) == ["image/svg+xml", "text/plain"]
    assert "0x" not in bundle["text/plain"]  # no memory address to differ between runs
    assert inline_svg(bundle["image/svg+xml"]).startswith("<svg")


def test_missing_dot_gives_the_install_message(library, no_dot, no_fallback):
    graph = _hostile(library)
    with pytest.raises(GraphvizMissing) as raised:
        render_svg(graph.source)
    message = str(raised.value)
    assert message == MISSING_DOT_MESSAGE
    for command in ("apt-get install graphviz", "brew install graphviz", "conda install -c conda-forge"):
        assert command in message
    assert graph._repr_mimebundle_() == {"text/plain": MISSING_DOT_MESSAGE}
    with pytest.raises(GraphvizMissing):
        graph.pipe(format="png")
    with pytest.raises(GraphvizMissing):
        graph.pipe(format="svg")


def test_without_dot_pygraphviz_draws_the_same_labels(library, no_dot):
    pytest.importorskip("pygraphviz", reason="pygraphviz is not installed (optional fallback)")
    graph = _hostile(library)
    svg = render_svg(graph.source)
    assert "é张量 ✂" in svg and "a&lt;b&gt;&amp;" in svg and inline_svg(svg).startswith("<svg")
    assert "leaf tensor (requires_grad)" in svg  # the legend: HTML-like labels work
    assert graph.pipe(format="svg", encoding="utf-8") == svg


def test_inline_svg_drops_the_xml_prolog():
    assert inline_svg('<?xml version="1.0"?>\n<!DOCTYPE svg>\n<svg a="1"></svg>') == '<svg a="1"></svg>'


@needs_dot
def test_the_same_source_is_drawn_once(library):
    source = _hostile(library).source
    assert render_svg(source) is render_svg(source)


def test_without_dot_pygraphviz_also_makes_png(library, no_dot):
    pytest.importorskip("pygraphviz", reason="pygraphviz is not installed (optional fallback)")
    assert _hostile(library).pipe(format="png").startswith(b"\x89PNG")
