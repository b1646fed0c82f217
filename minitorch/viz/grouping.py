"""A graph model grouped by nn.Module: modules above a depth become labelled boxes around their nodes
(clusters), modules at that depth collapse into one node that lists their parameters.

Depth counts from the model itself (0): `depth=0` draws the whole model as one box, `depth=1` opens the model
and collapses each of its children, and so on. Tensors that cross modules stay drawn between them; the
detach cut, and saved tensors that were modified in place, stay visible on the collapsed boxes.
"""

from __future__ import annotations

from dataclasses import replace

from . import introspect as ins
from .model import GraphEdge, GraphModel, GraphNode
from .modules import ModuleTracker


def module_depth(path: str) -> int:
    """0 for the model itself (""), 1 for its children ("features"), 2 below ("features.0")..."""
    return 0 if path == "" else path.count(".") + 1


def ancestor_at(path: str, depth: int) -> str:
    """The module path that contains `path` at `depth` (the path itself when it is not deeper)."""
    return "" if depth == 0 else ".".join(path.split(".")[:depth])


def module_title(path: str, module) -> str:
    """`features.0: Conv2d(1, 8, kernel_size=(3, 3), stride=(1, 1))`; the class name for containers."""
    text = repr(module)
    text = text if "\n" not in text else type(module).__name__
    return f"{path}: {text}" if path else text


def owners(model: GraphModel, tracker: ModuleTracker) -> dict[str, str | None]:
    """Node id -> path of the module that made it (backward nodes, AccumulateGrad, saved tensors, and the
    parameters a module holds), or None for what no tracked module made (inputs, tensors between modules)."""
    saved_by = {edge.src: edge.dst for edge in model.edges if edge.kind == "saved"}
    found: dict[str, str | None] = {}
    for node in model.nodes:
        obj = model.objects.get(node.id)
        if node.kind in ("backward", "accumulate"):
            found[node.id] = tracker.owner(obj)
        elif node.kind == "tensor":
            found[node.id] = tracker.parameter_owner(obj)
        else:
            found[node.id] = None
    for saved, saver in saved_by.items():
        found[saved] = found.get(saver)
    return found


def collapse_point(path: str, depth: int, expanded) -> str | None:
    """The module whose box holds what module `path` made: its first ancestor (or itself) at `depth` or
    deeper that is not `expanded`; None when every one of them is open."""
    for level in range(depth, module_depth(path) + 1):
        ancestor = ancestor_at(path, level)
        if ancestor not in expanded:
            return ancestor
    return None


def group_by_module(model: GraphModel, tracker: ModuleTracker, depth: int, show_grads: bool = False,
                    expand=()) -> GraphModel:
    """`model` with every node placed in its module (GraphNode.module) and the modules at `depth` collapsed,
    except those whose paths are in `expand` (their children collapse instead)."""
    if not isinstance(depth, int) or depth < 0:
        raise ValueError(f"depth must be a whole number >= 0, got {depth!r}")
    expanded = frozenset(expand)
    placed = owners(model, tracker)
    collapsed = {node_id: collapse_point(path, depth, expanded) for node_id, path in placed.items()
                 if path is not None and collapse_point(path, depth, expanded) is not None}
    boxes = _module_boxes(model, tracker, collapsed, show_grads)
    silent = _silent_boxes(tracker, depth, expanded, boxes, show_grads)
    box_of = {node_id: boxes[path].id for node_id, path in collapsed.items()}
    nodes, added = [], set()
    for node in model.nodes:
        if node.id in box_of:
            if box_of[node.id] not in added:
                added.add(box_of[node.id])
                nodes.append(boxes[collapsed[node.id]])
        else:
            nodes.append(replace(node, module=placed.get(node.id)))
    nodes += silent.values()
    edges = _remap(model.edges, box_of) + _no_grad_edges(model, tracker, {**boxes, **silent}, box_of)
    cuts = _remap(model.cuts, box_of)
    open_paths = {ancestor_at(node.module, level) for node in nodes if node.module is not None
                  for level in range(module_depth(node.module) + 1)}
    clusters = {path: module_title(path, tracker.modules[path]) for path in tracker.modules if path in open_paths}
    return GraphModel(nodes, edges, cuts, model.hidden, model.max_nodes, dict(model.objects), clusters, box_of)


def _remap(edges: list[GraphEdge], box_of: dict[str, str]) -> list[GraphEdge]:
    """Edges between the drawn nodes: members of a collapsed module become its box; inner edges vanish."""
    remapped, seen = [], set()
    for edge in edges:
        src, dst = box_of.get(edge.src, edge.src), box_of.get(edge.dst, edge.dst)
        if src == dst or (src, dst, edge.kind) in seen or (edge.kind == "saved" and edge.src in box_of):
            continue
        seen.add((src, dst, edge.kind))
        remapped.append(GraphEdge(src, dst, edge.kind))
    return remapped


def _module_boxes(model: GraphModel, tracker: ModuleTracker, collapsed: dict, show_grads: bool) -> dict:
    """path -> the GraphNode standing for that collapsed module."""
    members: dict[str, list[GraphNode]] = {}
    for node in model.nodes:
        if node.id in collapsed:
            members.setdefault(collapsed[node.id], []).append(node)
    boxes = {}
    for index, (path, inside) in enumerate(members.items()):
        module = tracker.modules[path]
        rows, frozen = _parameter_rows(module, show_grads)
        stale = sum(node.role == "stale" for node in inside)
        saved = sum(node.kind == "saved" for node in inside)
        if saved:
            rows.append(f"saves {saved} tensor{'s' * (saved != 1)} for backward")
        if stale:
            rows.append(f"{stale} saved tensor{'s' * (stale != 1)} modified in place: backward raises")
        role = "stale" if stale else ("frozen" if frozen else "module")
        parent = None if path == "" else path.rpartition(".")[0]
        boxes[path] = GraphNode(id=f"m{index}", kind="module", label=module_title(path, module), role=role,
                                module=parent, rows=tuple(rows))
    return boxes


def _silent_boxes(tracker: ModuleTracker, depth: int, expanded: frozenset, boxes: dict, show_grads: bool) -> dict:
    """Boxes for the modules at `depth` that ran but recorded no node (nothing in them required grad, as in
    a frozen block): autograd has nothing of them, yet the learner should see them."""
    recorded = {ancestor_at(path, level) for _, path in tracker.owners.values()
                for level in range(module_depth(path) + 1)}
    silent = {}
    for path, module in tracker.modules.items():
        if collapse_point(path, depth, expanded) != path or path in boxes or path in recorded:
            continue
        if path not in tracker.outputs:
            continue
        rows, frozen = _parameter_rows(module, show_grads)
        rows.append("recorded no backward node")
        parent = None if path == "" else path.rpartition(".")[0]
        silent[path] = GraphNode(id=f"m{len(boxes) + len(silent)}", kind="module", label=module_title(path, module),
                                 role="frozen" if frozen else "module", module=parent, rows=tuple(rows))
    return silent


def _no_grad_edges(model: GraphModel, tracker: ModuleTracker, boxes: dict, box_of: dict) -> list[GraphEdge]:
    """"nograd" edges, where data flowed but a gradient cannot: from wherever a module's output without a
    grad_fn is used (a drawn tensor, a saved tensor, another module's box) to that module's box, and from a
    module's box to a drawn input of it that has no history (a detached tensor, a constant)."""
    users: dict[int, list[str]] = {}
    for node in model.nodes:
        obj = model.objects.get(node.id)
        tensor = obj if node.kind == "tensor" else getattr(obj, "tensor", None) if node.kind == "saved" else None
        if tensor is not None:
            users.setdefault(id(tensor), []).append(box_of.get(node.id, node.id))
    for path, box in boxes.items():
        for tensor in tracker.inputs.get(path, []):
            users.setdefault(id(tensor), []).append(box.id)
    drawn = {id(model.objects[node.id]): node.id for node in model.nodes if node.kind == "tensor"}
    edges = {}
    for path, box in boxes.items():
        for tensor in tracker.outputs.get(path, []):
            if tensor.grad_fn is None:
                edges.update((GraphEdge(user, box.id, "nograd"), None) for user in users.get(id(tensor), [])
                             if user != box.id)
        for tensor in tracker.inputs.get(path, []):  # a drawn input without history, such as a detached one
            if tensor.grad_fn is None and id(tensor) in drawn and not tensor.requires_grad:
                edges[GraphEdge(box.id, drawn[id(tensor)], "nograd")] = None
    return list(edges)


def _parameter_rows(module, show_grads: bool) -> tuple[list[str], bool]:
    """One line per parameter (shape, trains or frozen, version, and .grad when shown); and whether every
    parameter is frozen (a module without parameters is not frozen)."""
    rows, trainable = [], 0
    for name, param in module.named_parameters():
        trains = bool(param.requires_grad)
        trainable += trains
        line = f"{name} {ins.shape_of(param)} " + ("trains" if trains else "\u2744 frozen")
        line += f", version {int(param._version)}"
        if show_grads and trains:
            grad = param.grad
            line += ", grad None" if grad is None else f", grad {ins.format_array(ins.to_numpy(grad))}"
        rows.append(line)
    return rows, bool(rows) and trainable == 0
