"""The legend: a key to the colours and arrows, listing only what the diagram uses, always in one order."""

from __future__ import annotations

from .labels import band_color
from .model import GraphModel
from .style import ARROWS, BOXES


def legend_label(model: GraphModel, columns: int = 2) -> str:
    """The HTML-like label of the legend box for this model, its entries in `columns` columns."""
    present = {node.role or node.kind for node in model.nodes} | {node.kind for node in model.nodes}
    edge_kinds = {edge.kind for edge in model.edges} | {cut.kind for cut in model.cuts}
    entries = [(f'<TD BGCOLOR="{box.fill}" BORDER="{box.border_width}" COLOR="{box.border}" WIDTH="22"> </TD>',
                box.meaning) for box in BOXES if box.key in present]
    bands = sorted({node.storage for node in model.nodes if node.storage})
    if bands:
        swatch = f'<TD BGCOLOR="{band_color(bands[0])}"><FONT COLOR="white"><B>{bands[0]}</B></FONT></TD>'
        entries.append((swatch, "same letter: same memory (shared storage)"))
    entries += [(f'<TD><FONT COLOR="{arrow.glyph_color}">{arrow.glyph}</FONT></TD>', arrow.meaning)
                for arrow in ARROWS if arrow.meaning and arrow.kind in edge_kinds]
    rows = [f'<TR><TD COLSPAN="{2 * columns}"><B>legend</B></TD></TR>']
    for start in range(0, len(entries), columns):
        cells = "".join(f'{swatch}<TD ALIGN="LEFT">{meaning}</TD>'
                        for swatch, meaning in entries[start : start + columns])
        rows.append(f"<TR>{cells}</TR>")
    return ('<<FONT POINT-SIZE="9"><TABLE BORDER="1" CELLBORDER="0" CELLSPACING="2" CELLPADDING="2" '
            f'COLOR="grey" BGCOLOR="white">{"".join(rows)}</TABLE></FONT>>')
