"""Graphviz HTML-like labels: escaped text in small tables, so `< > & "` and any Unicode are safe."""

from __future__ import annotations

import html
import re
import unicodedata

from .style import BAND_COLORS

MAX_NAME_LENGTH = 60
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_CONTROL_BUT_LINES = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _printable(text: str, pattern: re.Pattern = _CONTROL) -> str:
    """`text` with lone surrogates as "?" and the control characters `pattern` finds spelled out (\\x07...)."""
    text = text.encode("utf-8", "replace").decode("utf-8") if _has_surrogate(text) else text
    return pattern.sub(lambda match: repr(match.group(0))[1:-1], text)


def _has_surrogate(text: str) -> bool:
    return any(unicodedata.category(char) == "Cs" for char in text)


def escape(text) -> str:
    """`text` made safe inside a Graphviz HTML label or HTML (control characters other than tabs and new lines
    are spelled out, lone surrogates replaced)."""
    return html.escape(_printable(str(text), _CONTROL_BUT_LINES), quote=True)


def readable_name(name: str) -> str:
    """A variable name as a box shows it: printable, at most MAX_NAME_LENGTH characters, and quoted
    when it is empty or all white space (so that the box never looks unnamed)."""
    name = _printable(name)
    if len(name) > MAX_NAME_LENGTH:
        name = name[: MAX_NAME_LENGTH - 1] + "\u2026"
    return name if name.strip() else repr(name)


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
