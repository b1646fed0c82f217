"""Backward, one node at a time: record the engine's order, then replay it as diagram overlays.

minitorch's engine records the steps itself (`run_backward(..., trace=[...])`); for real torch the same
record comes from a hook on every node. Either way a step is (node, gradients received, gradients sent).
"""

from __future__ import annotations

import numpy as np

from ..autograd import engine
from ..autograd.engine import BackwardStep
from . import introspect as ins
from .dot import Overlay
from .model import GraphModel


def trace_backward(root, gradient=None) -> list[BackwardStep]:
    """Run `root.backward(gradient, retain_graph=True)` and return the nodes in the order they ran.

    Like a real backward it fills the leaves' `.grad`; the graph is kept so it can be drawn again.
    """
    if type(root).__module__.startswith("torch"):
        return _trace_torch(root, gradient)
    return _trace_minitorch(root, gradient)


def _copies(grads) -> tuple:
    return tuple(None if g is None else np.array(ins.to_numpy(g), copy=True) for g in grads)


def _trace_minitorch(root, gradient) -> list[BackwardStep]:
    trace: list = []
    engine.run_backward((root,), (gradient,), keep_graph=True, trace=trace)
    return [BackwardStep(s.node, _copies(s.grads_in), _copies(s.grads_out)) for s in trace]


def _trace_torch(root, gradient) -> list[BackwardStep]:
    steps: list[BackwardStep] = []

    def recorder(node):
        def hook(grads_sent, grads_received):
            steps.append(BackwardStep(node, _copies(grads_received), _copies(grads_sent)))
        return hook

    handles = [node.register_hook(recorder(node)) for node in _reachable_nodes(root)]
    try:
        root.backward(gradient, retain_graph=True)
    finally:
        for handle in handles:
            handle.remove()
    return steps


def _reachable_nodes(root) -> list:
    found, stack, seen = [], [root.grad_fn], set()
    while stack:
        node = stack.pop()
        if node is None or id(node) in seen:
            continue
        seen.add(id(node))
        found.append(node)
        stack.extend(next_node for next_node, _ in node.next_functions)
    return found


def initial_grads(model: GraphModel) -> dict[str, np.ndarray | None]:
    """The `.grad` of every drawn leaf before backward (copied), keyed by tensor node id."""
    grads = {}
    for node in model.nodes:
        if node.kind == "tensor" and node.role == "leaf":
            grad = ins.readable_grad(model.objects[node.id])
            grads[node.id] = None if grad is None else np.array(ins.to_numpy(grad), copy=True)
    return grads


def step_overlay(model: GraphModel, steps: list[BackwardStep], before: dict, position: int) -> Overlay:
    """The diagram marks at `position` (0: nothing ran yet; k: step k is running, 1-based).

    The running node is highlighted with what it receives, the edges it sends gradients along carry
    them, nodes already run are ticked, and each leaf shows its `.grad` as it is at that moment.
    """
    grads = dict(before)
    done = set()
    for step in steps[: max(position - 1, 0)]:
        done.add(model.id_of(step.node))
    for step in steps[:position]:
        leaf = _leaf_of(model, step.node)
        if leaf is not None and step.grads_in and step.grads_in[0] is not None:
            grads[leaf] = step.grads_in[0] if grads.get(leaf) is None else grads[leaf] + step.grads_in[0]
    texts = {leaf: ("None" if grad is None else ins.format_array(grad)) for leaf, grad in grads.items()}
    if position == 0:
        return Overlay(grads=texts)
    step = steps[position - 1]
    active = model.id_of(step.node)
    received = ", ".join(ins.format_array(g) for g in step.grads_in if g is not None) or None
    return Overlay(active=active, received=received, done=frozenset(done - {None}),
                   sent=_sent_edges(model, step, active), grads=texts)


def _leaf_of(model: GraphModel, node) -> str | None:
    """The drawn box of the leaf an AccumulateGrad writes into (None when it is folded into a module's box)."""
    if not ins.is_accumulate_grad(node):
        return None
    leaf = model.id_of(node.variable)
    return None if leaf is None or model.node(leaf).kind == "module" else leaf


def _sent_edges(model: GraphModel, step: BackwardStep, active: str | None) -> dict:
    """(src, dst, n) -> gradient text, n counting repeated edges between the same two boxes."""
    sent: dict = {}
    if active is None:
        return sent
    if ins.is_accumulate_grad(step.node) and step.grads_in and step.grads_in[0] is not None:
        leaf = _leaf_of(model, step.node)
        if leaf is not None:
            sent[(active, leaf, 0)] = ins.format_array(step.grads_in[0])
        return sent
    for (next_node, _), grad in zip(step.node.next_functions, step.grads_out):
        target = None if next_node is None else model.id_of(next_node)
        if target is not None and grad is not None:
            repeat = sum(1 for key in sent if key[:2] == (active, target))
            sent[(active, target, repeat)] = ins.format_array(grad)
    return sent


def _leaf_name(model: GraphModel, accumulate) -> str:
    """`w.grad` for a drawn leaf named w; `a parameter's .grad in <module>` for one inside a module's box."""
    leaf = _leaf_of(model, accumulate)
    if leaf is not None:
        return f"{model.node(leaf).label}.grad"
    box = model.id_of(accumulate.variable)
    return f"a parameter's .grad in {model.node(box).label}" if box is not None else "its leaf's .grad"


def describe_step(model: GraphModel, steps: list[BackwardStep], position: int) -> str:
    """One sentence saying what happens at `position`, for the text under the diagram."""
    if position == 0:
        return f"Before backward: {len(steps)} nodes will run, in the order of the slider."
    step = steps[position - 1]
    name = ins.node_name(step.node)
    received = ", ".join(ins.format_array(g) for g in step.grads_in if g is not None) or "nothing"
    if ins.is_accumulate_grad(step.node):
        return f"Step {position} of {len(steps)}: AccumulateGrad adds {received} into {_leaf_name(model, step.node)}"
    targets = []
    for (next_node, _), grad in zip(step.node.next_functions, step.grads_out):
        if next_node is not None and grad is not None:
            targets.append(f"{ins.format_array(grad)} to {ins.node_name(next_node)}")
    sends = "; ".join(targets) or "nothing further"
    return f"Step {position} of {len(steps)}: {name} receives {received} and sends {sends}"
