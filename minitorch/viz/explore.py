"""The logic of the `explore` widget, as plain functions: rerun a function on fresh inputs, then describe
every tensor in a diagram and a table. The widget only wires controls to `explore_view`."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from . import introspect as ins
from .dot import to_digraph
from .graph import graph_model
from .labels import escape
from .model import GraphModel
from .render import GraphvizMissing, inline_svg, render_svg

BACKWARD_TARGETS = ("loss", "out", "output", "y")


@dataclass
class ExploreView:
    """What the widget shows after a change: the diagram, a table of tensors and a one-line message."""

    model: GraphModel
    svg: str
    table_html: str
    message: str
    tensors: dict


def can_require_grad(value) -> bool:
    """True for a tensor whose dtype can require gradients (floating point)."""
    if not ins.is_any_tensor(value):
        return False
    return ins.to_numpy(value).dtype.kind in "fc"


def is_scalar_input(value) -> bool:
    """True when a value slider makes sense: a Python number or a one-element floating tensor."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return True
    return can_require_grad(value) and ins.to_numpy(value).size == 1


def scalar_value(value) -> float:
    """The number a slider starts from."""
    return float(value) if not ins.is_any_tensor(value) else float(ins.to_numpy(value).reshape(-1)[0])


def fresh_inputs(inputs: dict, requires_grad: dict, values: dict) -> dict:
    """New copies of the inputs (so each rerun starts clean), with slider `values` and the chosen
    `requires_grad` flags applied. Inputs that are not tensors pass through (or take their slider value)."""
    fresh = {}
    for name, value in inputs.items():
        if not ins.is_any_tensor(value):
            fresh[name] = type(value)(values[name]) if name in values else value
            continue
        copy = value.detach().clone()
        if name in values:  # arithmetic, not fill_(), so the new tensor stays at version 0
            copy = value.detach() * 0 + values[name]
        if can_require_grad(copy):
            copy.requires_grad_(bool(requires_grad.get(name, value.requires_grad)))
        fresh[name] = copy
    return fresh


def named_results(result) -> dict:
    """The tensors `fn` returned, by name: a dict keeps its names (so `return locals()` works), a tensor
    is `out`, a tuple or list gives `out0`, `out1`, ...; names starting with `_` are dropped."""
    if isinstance(result, dict):
        items = result.items()
    elif isinstance(result, (tuple, list)):
        items = ((f"out{index}", value) for index, value in enumerate(result))
    else:
        items = [("out", result)]
    return {name: value for name, value in items
            if isinstance(name, str) and not name.startswith("_") and ins.is_any_tensor(value)}


def backward_target(outputs: dict, inputs: dict):
    """(name, tensor) that the backward button differentiates: `loss`, `out`, `output` or `y` if
    returned, else the last returned tensor that is not an input; (None, None) if there is none."""
    candidates = {name: t for name, t in outputs.items() if not any(t is v for v in inputs.values())}
    for name in BACKWARD_TARGETS:
        if name in candidates:
            return name, candidates[name]
    if candidates:
        name = list(candidates)[-1]
        return name, candidates[name]
    return None, None


def run_backward(name: str | None, tensor) -> str:
    """Call backward like a learner would and say what happened (PyTorch's own error text on failure).
    A tensor with more than one element is summed first, as `out.sum().backward()`."""
    if tensor is None:
        return "Nothing to differentiate: the function returned no tensor."
    call = f"{name}.backward()"
    if ins.to_numpy(tensor).size != 1:
        tensor, call = tensor.sum(), f"{name}.sum().backward()"
    try:
        tensor.backward()
    except RuntimeError as error:
        return f"{call} raised RuntimeError: {error}"
    return f"{call} ran: the leaves' .grad are filled in."


def tensor_rows(tensors: dict) -> list[dict]:
    """One row per tensor: name, requires_grad, is_leaf, grad_fn and grad as they would print."""
    rows = []
    for name, tensor in tensors.items():
        grad = ins.readable_grad(tensor)
        rows.append({
            "name": name,
            "requires_grad": bool(tensor.requires_grad),
            "is_leaf": bool(tensor.is_leaf),
            "grad_fn": ins.node_name(tensor.grad_fn) if tensor.grad_fn is not None else "None",
            "grad": "None" if grad is None else ins.format_array(ins.to_numpy(grad)),
        })
    return rows


def table_html(rows: list[dict]) -> str:
    """The rows as a small HTML table (text escaped)."""
    if not rows:
        return "<p>No tensors.</p>"
    header = "".join(f"<th style='padding:2px 8px'>{escape(key)}</th>" for key in rows[0])
    body = "".join(
        "<tr>" + "".join(f"<td style='padding:2px 8px'><code>{escape(value)}</code></td>"
                         for value in row.values()) + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{header}</tr></thead><tbody>{body}</tbody></table>"


def svg_or_message(model: GraphModel, **options) -> str:
    """The diagram as inline SVG scaled to the output's width, or the install message (as HTML) when it
    cannot be drawn."""
    try:
        return fit_to_width(inline_svg(render_svg(to_digraph(model, **options).source)))
    except GraphvizMissing as missing:
        return f"<pre>{escape(missing)}</pre>"


def fit_to_width(svg: str) -> str:
    """An inline `<svg>` that scales down (never up) to the width of the area it is shown in."""
    return svg.replace("<svg ", '<svg style="max-width:100%;height:auto" ', 1)


def explore_view(fn, inputs: dict, requires_grad: dict, values: dict, backward: bool = False,
                 max_nodes: int = 200) -> ExploreView:
    """Rerun `fn` on fresh inputs, optionally call backward, and describe the result."""
    fresh = fresh_inputs(inputs, requires_grad, values)
    try:
        outputs = named_results(fn(**fresh))
        message = ""
    except Exception as error:  # the learner's function: show its error instead of breaking the widget
        outputs, message = {}, f"{fn.__name__}(...) raised {type(error).__name__}: {error}"
    if backward and not message:
        message = run_backward(*backward_target(outputs, fresh))
    input_tensors = {name: value for name, value in fresh.items() if ins.is_any_tensor(value)}
    tensors = {**input_tensors, **outputs}
    roots = list(outputs.values())
    roots += [t for t in input_tensors.values() if not any(t is r for r in roots)]
    # With sliders, the boxes show values, so that moving a slider visibly changes the picture.
    model = graph_model(*roots, names=tensors, show_grads=True, show_values=bool(values), max_nodes=max_nodes)
    return ExploreView(model, svg_or_message(model), table_html(tensor_rows(tensors)), message, tensors)


def flag_combinations(names: list[str], limit: int = 4) -> list[dict]:
    """Every on/off choice of the `requires_grad` checkboxes, or none when there are more than `limit`."""
    if len(names) > limit:
        return []
    return [dict(zip(names, flags)) for flags in itertools.product([False, True], repeat=len(names))]


def prewarm(fn, inputs: dict, values: dict, combinations: list[dict], max_nodes: int = 200) -> None:
    """Draw every checkbox combination once, at the sliders' first values, so later toggles find their SVG
    already made. Errors are left for the real toggle to show."""
    for flags in combinations:
        try:
            explore_view(fn, inputs, flags, values, max_nodes=max_nodes)
        except Exception:  # a learner's function: the toggle itself will report it
            continue
