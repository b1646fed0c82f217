"""Two small layouts for the notebooks: diagrams side by side, and controls above a picture they redraw.

Both keep their plumbing out of the learner's cells: `side_by_side(...)` displays as one row of captioned
pictures, `control_panel(...)` as a widget that also leaves its first picture in the saved notebook, so
GitHub, nbviewer and an untrusted JupyterLab show it too.
"""

from __future__ import annotations

import base64
import io
from html import escape

from .render import svg_as_img, svg_img
from .widgets import _picture_box_class


class SideBySide:
    """Diagrams in a row, each with its caption above it, each at its own size: when the page is too
    narrow for all of them the row wraps (one under the other) rather than shrink them unreadably small;
    a diagram wider than the page alone is scaled down to fit."""

    def __init__(self, diagrams: dict):
        self.diagrams = dict(diagrams)

    def to_html(self) -> str:
        """The row as HTML: one `<figure>` per diagram, its picture an `<img>` (kept by untrusted views)."""
        figures = "".join(
            f'<figure style="flex:0 1 auto;max-width:100%;margin:0 1em 1em 0">'
            f'<figcaption style="font-weight:bold;margin-bottom:0.3em">{escape(caption)}</figcaption>'
            f"{svg_img(diagram.svg())}</figure>"
            for caption, diagram in self.diagrams.items())
        return f'<div style="display:flex;flex-wrap:wrap;align-items:flex-start;max-width:100%">{figures}</div>'

    def _repr_mimebundle_(self, include=None, exclude=None, **_):
        captions = ", ".join(self.diagrams)
        return {"text/html": self.to_html(), "text/plain": f"<diagrams side by side: {captions}>"}


def side_by_side(**diagrams) -> SideBySide:
    """Show `draw_graph(...)` results next to each other, each under its keyword as caption:
    `side_by_side(before=draw_graph(a), after=draw_graph(b))`. Captions with spaces: pass a dict with **."""
    return SideBySide(diagrams)


def figure_html(fig, dpi: int = 72) -> str:
    """A matplotlib figure as an HTML `<img>` holding a PNG (for `control_panel` pictures)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight", dpi=dpi)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return f'<img style="max-width:100%;height:auto" src="data:image/png;base64,{data}"/>'


def control_panel(render, controls: dict, adjust=None):
    """A widget: `controls` (name -> ipywidgets control, e.g. a Checkbox or IntSlider) in one wrapping row,
    and below them the HTML that `render(**values)` returns, redrawn on every change. `adjust(controls)`,
    if given, runs first on each change (to narrow one control's range from the others). Inline SVG in the
    HTML is shown as an image scaled to the output's width, which the saved notebook keeps too."""
    import ipywidgets as w

    picture = w.HTML()

    def refresh(_=None):
        if adjust is not None:
            adjust(controls)
        picture.value = svg_as_img(render(**{name: control.value for name, control in controls.items()}))

    for control in controls.values():
        control.observe(refresh, names="value")
    refresh()
    row = w.HBox(list(controls.values()), layout=w.Layout(flex_flow="row wrap", align_items="center"))
    panel = _picture_box_class()([row, picture])
    panel.static_html = picture.value
    return panel
