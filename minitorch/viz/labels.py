"""Graphviz HTML-like labels: escaped text in small tables, so `< > & "` and any Unicode are safe."""

from __future__ import annotations

import html

BAND_COLORS = ["#8e44ad", "#16a085", "#c2185b", "#2c3e50", "#8d6e63", "#1565c0"]


def escape(text) -> str:
    """`text` made safe inside a Graphviz HTML label."""
    return html.escape(str(text), quote=True)


def band_color(letter: str) -> str:
    """The colour of storage band `A`, `B`, ... (cycling through a few strong colours)."""
    return BAND_COLORS[(ord(letter[0]) - ord("A")) % len(BAND_COLORS)]


def band_cell(letter: str, rows: int) -> str:
    """A coloured cell spanning a box's left side, marking which memory (storage) the tensor uses."""
    return (f'<TD ROWSPAN="{rows}" BGCOLOR="{band_color(letter)}" WIDTH="16">'
            f'<FONT COLOR="white"><B>{escape(letter)}</B></FONT></TD>')


def table(rows: list[str], fill: str, border: str = "black", width: int = 1, rounded: bool = False,
          band: str = "", small: bool = False) -> str:
    """An HTML-like label: one cell per row (already escaped markup), an optional band cell at left."""
    style = ' STYLE="ROUNDED"' if rounded else ""
    cells = []
    for index, row in enumerate(rows):
        text = f'<FONT POINT-SIZE="9">{row}</FONT>' if small else row
        lead = band if index == 0 else ""
        cells.append(f"<TR>{lead}<TD>{text}</TD></TR>")
    return (f'<<TABLE BORDER="{width}" CELLBORDER="0" CELLSPACING="0" CELLPADDING="3" '
            f'BGCOLOR="{fill}" COLOR="{border}"{style}>{"".join(cells)}</TABLE>>')
