"""Small rendering helpers shared by the teaching tools: one output, two faces (plain text and HTML)."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

_FENCE = "```"
_INLINE_CODE = re.compile(r"`([^`]+)`")


@dataclass(frozen=True)
class Rendered:
    """A deterministic output with a plain-text and an HTML version.

    Jupyter shows the HTML; plain-text viewers, nbval and `print()` see the text.
    """

    text: str
    html: str

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/plain": self.text, "text/html": self.html}

    def __repr__(self) -> str:
        return self.text


def rich_html(text: str) -> str:
    """Turn a short teaching text into HTML: `inline code` and ``` fenced blocks ```, all else escaped."""
    parts = text.split(_FENCE)
    pieces = []
    for index, part in enumerate(parts):
        if index % 2:  # inside a fence: drop an optional language tag line such as "python"
            first, _, rest = part.partition("\n")
            code = rest if first.strip().isidentifier() else part
            pieces.append(f"<pre>{html.escape(code.strip(chr(10)))}</pre>")
        elif part.strip():
            escaped = html.escape(part.strip())
            pieces.append(_INLINE_CODE.sub(r"<code>\1</code>", escaped).replace("\n", "<br>"))
    return "\n".join(pieces)


def plain_text(text: str) -> str:
    """The plain-text face of a teaching text: fences removed, inline backticks kept."""
    lines = [line for line in text.strip().splitlines() if not line.strip().startswith(_FENCE)]
    return "\n".join(lines)


def show(rendered: Rendered) -> None:
    """Display `rendered` in Jupyter, or print its text when no IPython shell is running."""
    shell = ipython_shell()
    if shell is None:
        print(rendered.text)
        return
    from IPython.display import display

    display(rendered)


def ipython_shell():
    """The running IPython shell, or None (plain Python, pytest, or IPython not installed)."""
    try:
        from IPython import get_ipython
    except ImportError:
        return None
    return get_ipython()
