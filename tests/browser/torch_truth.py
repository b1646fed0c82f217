"""Expected values for the widget tests, computed by real PyTorch running the notebook's own cells.

A widget cell such as `explore(article_example, x=..., y=...)` or `widget = step_backward(loss, ...)` is
executed with `torch` bound to real PyTorch and the widget function replaced by a stand-in that records
its arguments; then PyTorch itself says what the widget should show.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ENGINE_PREFIX = "torch::autograd::"


def run_cells(torch, sources: list[str], **stand_ins) -> dict:
    """Execute cell `sources` in order, in one namespace with `torch` (real PyTorch) and `stand_ins`."""
    namespace = {"torch": torch, **stand_ins}
    for source in sources:
        exec(compile(source, "<notebook cell>", "exec"), namespace)
    return namespace


def is_tensor(value) -> bool:
    """True for a PyTorch tensor (anything with autograd's attributes)."""
    return hasattr(value, "grad_fn") and hasattr(value, "requires_grad")


def flags_of(tensor) -> dict[str, str]:
    """requires_grad, is_leaf and grad_fn as the explore widget's table prints them."""
    return {
        "requires_grad": str(tensor.requires_grad),
        "is_leaf": str(tensor.is_leaf),
        "grad_fn": "None" if tensor.grad_fn is None else type(tensor.grad_fn).__name__,
    }


def values_text(tensor) -> str:
    """A tensor's values as the diagrams print them: PyTorch's repr without `tensor(` and `)`."""
    text = repr(tensor)
    assert text.startswith("tensor(") and text.endswith(")") and "\n" not in text, text
    return text[len("tensor("):-1]


@dataclass
class ExploreCall:
    """What an `explore(fn, **inputs)` cell passed, with PyTorch tensors."""

    fn: object
    inputs: dict

    def flags(self, requires_grad: dict[str, bool]) -> dict[str, dict[str, str]]:
        """Every tensor's flags, by name, after rerunning `fn` on fresh inputs with these `requires_grad`
        choices (the widget's rule: inputs first, then what `fn` returned, if a dict of tensors)."""
        fresh = {}
        for name, value in self.inputs.items():
            if is_tensor(value):
                value = value.detach().clone().requires_grad_(requires_grad.get(name, value.requires_grad))
            fresh[name] = value
        result = self.fn(**fresh)
        outputs = result if isinstance(result, dict) else {"out": result}
        tensors = {**fresh, **outputs}
        return {name: flags_of(t) for name, t in tensors.items() if is_tensor(t)}


def explore_call(torch, explore_source: str, code_sources: list[str]) -> ExploreCall:
    """Run the `explore(...)` cell with PyTorch, after the code cell that defines the explored function."""
    function_name = re.search(r"explore\(\s*(\w+)", explore_source).group(1)
    definition = next(source for source in code_sources if re.search(rf"^def {function_name}\(", source, re.M))
    calls = []
    run_cells(torch, [definition, explore_source], explore=lambda fn, **inputs: calls.append(ExploreCall(fn, inputs)))
    assert len(calls) == 1, f"expected one explore(...) call, got {len(calls)}"
    return calls[0]


@dataclass
class BackwardRun:
    """The engine's order for a `step_backward(root, names=...)` cell, and the leaves' grads after it."""

    steps: list[tuple[str, str | None]]  # (node name as drawn, name of the leaf it accumulates into)
    leaf_grads: dict[str, str]


def backward_run(torch, cell_source: str) -> BackwardRun:
    """Run a `step_backward(...)` cell with PyTorch: the stand-in records the order in which PyTorch's
    engine runs each node (a pre-hook on every node), then runs backward as the widget does."""
    runs = []

    def stand_in(root, gradient=None, names=None, **_options):
        names = dict(names or {})
        order = []
        for node in reachable_nodes(root.grad_fn):
            node.register_prehook(lambda grads, node=node: order.append(node))
        root.backward(gradient, retain_graph=True)
        leaf_names = {id(t): name for name, t in names.items() if is_tensor(t)}
        steps = [(node.name().removeprefix(ENGINE_PREFIX),
                  leaf_names.get(id(node.variable)) if hasattr(node, "variable") else None) for node in order]
        grads = {name: values_text(t.grad) for name, t in names.items()
                 if is_tensor(t) and t.is_leaf and t.grad is not None}
        runs.append(BackwardRun(steps, grads))

    run_cells(torch, [cell_source], step_backward=stand_in)
    assert len(runs) == 1, f"expected one step_backward(...) call, got {len(runs)}"
    return runs[0]


def reachable_nodes(root) -> list:
    """Every backward node reachable from `root` through next_functions, each once."""
    found, stack, seen = [], [root], set()
    while stack:
        node = stack.pop()
        if node is None or node in seen:
            continue
        seen.add(node)
        found.append(node)
        stack.extend(next_node for next_node, _ in node.next_functions)
    return found
