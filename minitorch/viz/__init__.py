"""Diagrams of autograd graphs (minitorch or real torch tensors) and widgets to explore them.

`draw_graph(...)` returns a graphviz.Digraph; `graph_model(...)` the same picture as plain data;
`explore(fn, **inputs)`, `explore_choices(fn, choices)`, `step_backward(root)` and
`explore_model(root, model=...)` are widgets; `track_modules(model)` lets a diagram group a network's
graph by module; `side_by_side(...)` and `control_panel(...)` lay out diagrams and controls in notebooks.
graphviz and ipywidgets are imported only when a diagram is drawn or a widget built.
"""

from .choices import explore_choices
from .dot import Overlay, draw_graph, to_digraph
from .graph import graph_model
from .model import GraphEdge, GraphModel, GraphNode
from .model_widget import explore_model
from .modules import track_modules
from .panels import control_panel, figure_html, side_by_side
from .render import MISSING_DOT_MESSAGE, GraphvizMissing, render_svg, svg_as_img
from .widgets import explore, step_backward

__all__ = [
    "draw_graph", "graph_model", "track_modules", "to_digraph", "render_svg", "Overlay",
    "explore", "explore_choices", "explore_model", "step_backward", "side_by_side", "control_panel",
    "figure_html",
    "GraphModel", "GraphNode", "GraphEdge", "GraphvizMissing", "MISSING_DOT_MESSAGE", "svg_as_img",
]
