"""ipywidgets front ends. All decisions live in `explore` and `steps`; these functions only wire controls.

Each widget also carries a plain HTML copy of its picture in its display data, so GitHub and nbviewer
(which cannot run widgets) still show a diagram in the saved notebook.
"""

from __future__ import annotations

import functools

from .explore import (
    can_require_grad,
    explore_view,
    flag_combinations,
    is_scalar_input,
    prewarm,
    scalar_value,
    svg_or_message,
)
from .graph import graph_model
from .labels import escape
from .render import svg_as_img
from .steps import describe_step, initial_grads, step_overlay, trace_backward


@functools.lru_cache(maxsize=1)
def _picture_box_class():
    import ipywidgets

    class PictureBox(ipywidgets.VBox):
        """A VBox whose display data also holds a static HTML picture, shown where widgets cannot run."""

        static_html = ""

        def _repr_mimebundle_(self, **kwargs):
            data = super()._repr_mimebundle_(**kwargs)
            if self.static_html:
                data["text/html"] = svg_as_img(self.static_html)
            return data

    return PictureBox


def explore(fn, **inputs):
    """A widget to play with `fn(**inputs)`: a `requires_grad` checkbox per tensor input and a slider per
    scalar input; every change reruns `fn` on fresh copies and redraws the graph and a table of each
    tensor's requires_grad, is_leaf, grad_fn and grad. The backward() button differentiates the result
    (`loss`/`out` if `fn` returns a dict such as `locals()`, else its last new tensor). With up to four
    checkboxes every combination is drawn once at the start, so toggles answer at once."""
    import ipywidgets as w

    checkboxes = {name: w.Checkbox(value=bool(value.requires_grad), description=f"{name}.requires_grad",
                                   indent=False, disabled=not can_require_grad(value))
                  for name, value in inputs.items() if hasattr(value, "requires_grad")}
    sliders = {name: _slider(w, name, scalar_value(value)) for name, value in inputs.items()
               if is_scalar_input(value)}
    diagram, table, message = w.HTML(), w.HTML(), w.HTML()
    button = w.Button(description="backward()", button_style="info")

    def refresh(*_, backward=False):
        view = explore_view(fn, inputs, {n: c.value for n, c in checkboxes.items()},
                            {n: s.value for n, s in sliders.items()}, backward=backward)
        diagram.value, table.value = view.svg, view.table_html
        message.value = f"<code>{escape(view.message)}</code>" if view.message else ""

    for control in [*checkboxes.values(), *sliders.values()]:
        control.observe(refresh, names="value")
    button.on_click(lambda _: refresh(backward=True))
    refresh()
    enabled = [name for name, box in checkboxes.items() if not box.disabled]
    prewarm(fn, inputs, {n: s.value for n, s in sliders.items()}, flag_combinations(enabled))
    # One row of switches with the button that uses them, the sliders in a row below, then the picture.
    switches = w.HBox([*checkboxes.values(), button, message], layout=w.Layout(flex_flow="row wrap",
                                                                                align_items="center"))
    rows = [switches, w.HBox(list(sliders.values()), layout=w.Layout(flex_flow="row wrap"))] if sliders else [switches]
    box = _picture_box_class()([*rows, diagram, table])
    box.static_html = diagram.value + table.value
    return box


def _slider(w, name: str, value: float):
    span = max(5.0, 2 * abs(value))
    return w.FloatSlider(value=value, min=-span, max=span, step=span / 100, description=name,
                         continuous_update=False)


def step_backward(root, gradient=None, names=None, show_values=False, model=None, depth=1):
    """Run `root.backward(gradient, retain_graph=True)` once, then replay it: a slider (with play and
    step buttons) walks the engine's order; the running node is highlighted with the gradient it
    receives and what it sends on, and leaves' `.grad` fill in as they are reached. `names` (e.g.
    `locals()`) names the boxes. With `model` (tracked by `track_modules`), the graph is grouped by module
    down to `depth`, and a module's box lights up while the gradient passes through it. The leaves keep their
    `.grad`, as after a real backward."""
    import ipywidgets as w

    graph = graph_model(root, names=names, show_grads=True, show_values=show_values, model=model, depth=depth)
    before = initial_grads(graph)
    steps = trace_backward(root, gradient)
    diagram, caption = w.HTML(), w.HTML()
    slider = w.IntSlider(value=0, min=0, max=len(steps), description="step", continuous_update=True)
    play = w.Play(value=0, min=0, max=len(steps), interval=1500, description="play",
                  tooltip="play the backward pass, one node every 1.5 s")
    w.jslink((play, "value"), (slider, "value"))
    back = w.Button(description="◀ back", tooltip="undo the last step")
    forward = w.Button(description="next ▶", tooltip="run the next node of backward")

    def show(position: int) -> str:
        overlay = step_overlay(graph, steps, before, position)
        diagram.value = svg_or_message(graph, overlay=overlay)
        caption.value = f"<b>{escape(describe_step(graph, steps, position))}</b>"
        back.disabled, forward.disabled = position == 0, position == len(steps)
        return caption.value + diagram.value

    slider.observe(lambda change: show(change["new"]), names="value")
    back.on_click(lambda _: setattr(slider, "value", max(slider.value - 1, 0)))
    forward.on_click(lambda _: setattr(slider, "value", min(slider.value + 1, len(steps))))
    static = show(len(steps))
    show(0)
    box = _picture_box_class()([w.HBox([play, back, slider, forward]), caption, diagram])
    box.static_html = static
    return box
