"""Myths and facts: the common wrong beliefs about autograd, each refuted by a runnable cell.

Every myth has a stable id, M1 to M24. A notebook announces one with ``myth("M7", "A detached tensor
...")`` (or writes "Myth M7" in a Markdown cell); `myth_ids_in` lists the ids a notebook covers, so a
test can check that the series covers them all.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from minitorch.teach._render import Rendered, rich_html, show

MYTH_IDS = tuple(f"M{number}" for number in range(1, 25))

# "Myth M7" anywhere in a cell, or a call such as myth("M7", ...) in a code cell.
_MYTH_MENTION = re.compile(r"""\bMyth (M\d+)\b|\bmyth\(\s*["'](M\d+)["']""")


def render_myth(myth_id: str, claim: str) -> Rendered:
    """The heading of a myth: ``Myth M7: <claim>``, as text and as a highlighted HTML line."""
    if myth_id not in MYTH_IDS:
        raise ValueError(f"unknown myth id {myth_id!r}: expected one of M1 ... M24")
    markup = (
        '<div class="minitorch-myth" style="border-left: 4px solid #d9534f; padding-left: 0.6em">'
        f"<strong>Myth {html.escape(myth_id)}:</strong> {rich_html(claim)}</div>"
    )
    return Rendered(f"Myth {myth_id}: {claim}", markup)


def myth(myth_id: str, claim: str) -> None:
    """Show ``Myth M7: <claim>``; the cells that follow refute it by running code."""
    show(render_myth(myth_id, claim))


def myth_ids_in(notebook_path: str | Path) -> list[str]:
    """The myth ids a notebook mentions in its cells' sources, in order M1, M2, ... (no duplicates)."""
    notebook = json.loads(Path(notebook_path).read_text(encoding="utf-8"))
    found = set()
    for cell in notebook.get("cells", []):
        source = cell.get("source", "")
        text = "".join(source) if isinstance(source, list) else source
        for match in _MYTH_MENTION.finditer(text):
            found.add(match.group(1) or match.group(2))
    return [myth_id for myth_id in MYTH_IDS if myth_id in found]
