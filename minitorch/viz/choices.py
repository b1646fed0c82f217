"""A widget that compares a few ways of doing one thing: one button per way, its diagram and outcome below."""

from __future__ import annotations

from .explore import fit_to_width
from .labels import escape
from .render import GraphvizMissing, inline_svg
from .widgets import _picture_box_class


def choice_html(choice: str, diagram, outcome: str) -> str:
    """The outcome line of one choice above its diagram (inline SVG scaled to the width), as HTML."""
    try:
        picture = fit_to_width(inline_svg(diagram.svg()))
    except GraphvizMissing as missing:
        picture = f"<pre>{escape(missing)}</pre>"
    return f"<pre>{escape(choice)}: {escape(outcome)}</pre>{picture}"


def explore_choices(fn, choices, description: str = "choice"):
    """A widget with one toggle button per entry of `choices`; picking one shows `fn(choice)`, a pair
    (diagram, one line saying what happened). The first choice's picture is also kept as a static image,
    shown where widgets cannot run (GitHub, nbviewer)."""
    import ipywidgets as w

    buttons = w.ToggleButtons(options=list(choices), description=description,
                              style={"button_width": "12em"})
    view = w.HTML()

    def show(choice):
        view.value = choice_html(choice, *fn(choice))

    buttons.observe(lambda change: show(change["new"]), names="value")
    show(buttons.value)
    box = _picture_box_class()([buttons, view])
    box.static_html = view.value
    return box
