"""side_by_side and control_panel: the layouts the notebooks use instead of display plumbing."""

import pytest

import minitorch as torch
from minitorch.viz import control_panel, draw_graph, figure_html, side_by_side

pytest.importorskip("graphviz")


def small_diagram(scale):
    x = torch.ones(2, requires_grad=True)
    return draw_graph((x * scale).sum(), names={"x": x})


def test_side_by_side_shows_each_diagram_as_an_image_under_its_caption():
    row = side_by_side(first=small_diagram(2), **{"second one": small_diagram(3)})
    html = row._repr_mimebundle_()["text/html"]
    assert html.count("<figure") == 2 and html.count('src="data:image/svg+xml;base64,') == 2
    assert html.index(">first<") < html.index(">second one<")
    assert "<svg" not in html                     # untrusted views drop inline SVG, keep images
    assert row._repr_mimebundle_()["text/plain"] == "<diagrams side by side: first, second one>"


def test_control_panel_redraws_on_change_and_keeps_its_first_picture():
    widgets = pytest.importorskip("ipywidgets")
    calls = []

    def render(size, show):
        calls.append((size, show))
        return f"<p>{size} {show}</p><svg><text>picture</text></svg>"

    def adjust(controls):
        controls["size"].max = 5

    controls = {"size": widgets.IntSlider(2, min=1, max=9), "show": widgets.Checkbox(False)}
    panel = control_panel(render, controls, adjust=adjust)
    assert calls == [(2, False)] and controls["size"].max == 5
    controls["show"].value = True
    assert calls[-1] == (2, True)
    picture = panel.children[1]
    assert picture.value.startswith("<p>2 True</p>") and "<svg" not in picture.value   # an image that fits
    saved = panel._repr_mimebundle_()["text/html"]
    assert saved.startswith("<p>2 False</p>") and "<svg" not in saved and "data:image/svg+xml" in saved


def test_figure_html_is_a_png_image():
    plt = pytest.importorskip("matplotlib.pyplot")
    fig, ax = plt.subplots(figsize=(1, 1))
    html = figure_html(fig)
    plt.close(fig)
    assert html.startswith("<img") and "data:image/png;base64,iVBOR" in html
