"""One table of what the diagrams' colours and arrows mean: `dot` draws with it, `legend` explains it.

Each colour means one thing. Boxes keep torchviz's familiar colours (leaf light blue, output green, saved
tensor orange, backward node grey) and add what torchviz does not show. The order of the entries is the
order of the legend, whatever the picture.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class BoxStyle:
    """How a box of one kind or role is filled and outlined, and what the legend says of it."""

    key: str
    fill: str
    meaning: str
    border: str = "black"
    border_width: int = 1


BOXES = [
    BoxStyle("leaf", "lightblue", "leaf tensor (requires_grad)"),
    BoxStyle("output", "darkolivegreen1", "output: a result the diagram starts from"),
    BoxStyle("intermediate", "#eaf6dc", "tensor made by an op (has a grad_fn)"),
    BoxStyle("constant", "white", "tensor that does not require grad"),
    BoxStyle("backward", "lightgrey", "backward node (a grad_fn)"),
    BoxStyle("accumulate", "thistle", "AccumulateGrad: adds into a leaf's .grad"),
    BoxStyle("saved", "orange", "tensor saved for backward"),
    BoxStyle("stale", "#ff8a80", "saved, then modified in place: backward raises", border="red", border_width=2),
    BoxStyle("freed", "#fde3c0", "saved tensor freed by backward()"),
    BoxStyle("module", "#fff5cc", "an nn.Module, collapsed: its parameters"),
    BoxStyle("frozen", "#e6e6e6", "an nn.Module whose parameters are all frozen", border="grey40"),
]
BOX = {style.key: style for style in BOXES}
MORE_FILL = "lightyellow"  # the note that stands for nodes left out by max_nodes
ACTIVE_FILL = "gold"  # the node the step-through widget is running
STALE_COLOR = "red"
SENT_COLOR = "#b8860b"  # a gradient on its way along an edge, in the step-through widget
CLUSTER_COLOR = "grey40"  # the dashed outline of a module's box
BAND_COLORS = ["#8e44ad", "#16a085", "#c2185b", "#2c3e50", "#8d6e63", "#1565c0"]  # storage bands A, B... in turn


@dataclass(frozen=True)
class ArrowStyle:
    """How an edge of one kind is drawn (graphviz attributes), and its legend glyph and meaning."""

    kind: str
    attrs: dict
    glyph_color: str = ""
    glyph: str = ""
    meaning: str = ""


ARROWS = [
    ArrowStyle("next", {}, "black", "&#8212;&#9654;", "gradient flows (next_functions)"),
    ArrowStyle("saved", {"style": "dotted", "color": "darkorange", "dir": "none", "penwidth": "1.5"},
               "darkorange", "&#8943;&#8943;", "saved by this node"),
    ArrowStyle("detach", {"label": '<<FONT COLOR="red">&#9986; detach</FONT>>', "style": "dashed", "color": "red",
                          "penwidth": "1.5", "arrowhead": "tee", "constraint": "false"},
               "red", "- - &#9986;", "detach(): same memory, same version counter, no gradient path"),
    ArrowStyle("data", {"label": '<<FONT COLOR="purple">&#9986; .data</FONT>>', "style": "dashed",
                        "color": "purple", "penwidth": "1.5", "arrowhead": "tee", "constraint": "false"},
               "purple", "- - &#9986;", ".data: same memory, own version counter: autograd cannot see edits"),
    ArrowStyle("nograd", {"style": "dashed", "color": "grey50", "arrowhead": "none"},
               "grey50", "- - -", "data flows here, but no gradient path"),
    ArrowStyle("grad_fn", {"xlabel": '<<FONT POINT-SIZE="9">grad_fn</FONT>>'}),
    ArrowStyle("accumulate", {"xlabel": '<<FONT POINT-SIZE="9">.grad</FONT>>'}),
    ArrowStyle("more", {"style": "dashed", "color": "grey"}),
]
ARROW = {style.kind: style for style in ARROWS}
CUT_KINDS = ("detach", "data")
