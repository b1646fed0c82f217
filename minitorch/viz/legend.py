"""The legend: a key to the colours and arrows, listing only what the diagram actually uses."""

from __future__ import annotations

from .labels import band_color
from .model import GraphModel

_BOXES = [  # (what to look for, swatch colour, meaning)
    ("leaf", "lightblue", "leaf tensor (requires_grad)"),
    ("output", "darkolivegreen1", "output tensor"),
    ("intermediate", "#eaf6dc", "intermediate tensor"),
    ("constant", "white", "tensor that does not require grad"),
    ("backward", "lightgrey", "backward node (a grad_fn)"),
    ("accumulate", "lightgrey", "AccumulateGrad: adds into a leaf's .grad"),
    ("saved", "orange", "tensor saved for backward"),
    ("stale", "orange", "saved, then modified in place: backward raises"),
    ("freed", "#fde3c0", "saved tensor freed by backward()"),
]
_ARROWS = [  # (edge kind, glyph colour, glyph, meaning)
    ("next", "black", "&#8212;&#9654;", "gradient flows (next_functions)"),
    ("saved", "darkorange", "&#8943;&#8943;", "saved by this node"),
    ("detach", "red", "- - &#9986;", "detach: same memory, no gradient path"),
]


def legend_label(model: GraphModel, columns: int = 2) -> str:
    """The HTML-like label of the legend box for this model, its entries in `columns` columns."""
    present = {node.role or node.kind for node in model.nodes} | {node.kind for node in model.nodes}
    edge_kinds = {edge.kind for edge in model.edges} | {cut.kind for cut in model.cuts}
    entries = [(f'<TD BGCOLOR="{color}" BORDER="1" WIDTH="22"> </TD>', meaning)
               for key, color, meaning in _BOXES if key in present]
    bands = sorted({node.storage for node in model.nodes if node.storage})
    if bands:
        swatch = f'<TD BGCOLOR="{band_color(bands[0])}"><FONT COLOR="white"><B>{bands[0]}</B></FONT></TD>'
        entries.append((swatch, "same letter: same memory (shared storage)"))
    entries += [(f'<TD><FONT COLOR="{color}">{glyph}</FONT></TD>', meaning)
                for kind, color, glyph, meaning in _ARROWS if kind in edge_kinds]
    rows = [f'<TR><TD COLSPAN="{2 * columns}"><B>legend</B></TD></TR>']
    for start in range(0, len(entries), columns):
        cells = "".join(f'{swatch}<TD ALIGN="LEFT">{meaning}</TD>'
                        for swatch, meaning in entries[start : start + columns])
        rows.append(f"<TR>{cells}</TR>")
    return ('<<FONT POINT-SIZE="9"><TABLE BORDER="1" CELLBORDER="0" CELLSPACING="2" CELLPADDING="2" '
            f'COLOR="grey" BGCOLOR="white">{"".join(rows)}</TABLE></FONT>>')
