"""A graph model grouped by nn.Module: modules above a depth become labelled boxes around their nodes
(clusters), modules at that depth collapse into one node that lists their parameters.

Depth counts from the model itself (0): `depth=0` draws the whole model as one box, `depth=1` opens the model
and collapses each of its children, and so on. Edges between modules carry the tensors that cross them; the
detach cut, the versions of saved tensors and those modified in place stay visible on the collapsed boxes.
"""

from __future__ import annotations

from dataclasses import replace

from . import introspect as ins
from .crossings import Placement, detach_cuts, labelled_edges, no_grad_edges
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
    except those whose paths are in `expand` (their children collapse instead). Edges between modules carry
    the tensor that crosses (see `crossings`)."""
    if not isinstance(depth, int) or depth < 0:
        raise ValueError(f"depth must be a whole number >= 0, got {depth!r}")
    expanded = frozenset(expand)
    placed = owners(model, tracker)
    collapsed = {node_id: collapse_point(path, depth, expanded) for node_id, path in placed.items()
                 if path is not None and collapse_point(path, depth, expanded) is not None}
    boxes = _module_boxes(model, tracker, collapsed, show_grads)
    every_box = {**boxes, **_silent_boxes(tracker, depth, expanded, boxes, show_grads)}
    box_of = {node_id: boxes[path].id for node_id, path in collapsed.items()}
    holder = {path: every_box[point].id for path in tracker.modules
              if (point := collapse_point(path, depth, expanded)) in every_box}
    place = Placement(model, tracker, {node.id: collapsed.get(node.id, placed.get(node.id)) for node in model.nodes},
                      box_of, {box.id: path for path, box in every_box.items()}, holder)
    module_cuts, inside = detach_cuts(place)
    nodes, added = [], set()
    for node in model.nodes:
        if node.id in box_of:
            if box_of[node.id] not in added:
                added.add(box_of[node.id])
                nodes.append(boxes[collapsed[node.id]])
        else:
            nodes.append(replace(node, module=placed.get(node.id)))
    nodes += [box for path, box in every_box.items() if path not in boxes]
    nodes = [replace(node, alerts=node.alerts + tuple(inside[node.id])) if node.id in inside else node
             for node in nodes]
    edges = _remap(labelled_edges(place), box_of) + no_grad_edges(place, every_box)
    cuts = _remap(model.cuts, box_of) + module_cuts
    open_paths = {ancestor_at(node.module, level) for node in nodes if node.module is not None
                  for level in range(module_depth(node.module) + 1)}
    clusters = {path: module_title(path, tracker.modules[path]) for path in tracker.modules if path in open_paths}
    return GraphModel(nodes, edges, cuts, model.hidden, model.max_nodes, dict(model.objects), clusters, box_of)


def _remap(edges: list[GraphEdge], box_of: dict[str, str]) -> list[GraphEdge]:
    """Edges between the drawn nodes: members of a collapsed module become its box; inner edges vanish;
    edges that fall together keep every tensor they carry."""
    labels: dict[tuple[str, str, str], list[str]] = {}
    for edge in edges:
        src, dst = box_of.get(edge.src, edge.src), box_of.get(edge.dst, edge.dst)
        if src == dst or (edge.kind == "saved" and edge.src in box_of):
            continue
        carried = labels.setdefault((src, dst, edge.kind), [])
        if edge.label is not None and edge.label not in carried:
            carried.append(edge.label)
    return [GraphEdge(src, dst, kind, "\n".join(carried) or None) for (src, dst, kind), carried in labels.items()]


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
        saved = [node for node in inside if node.kind == "saved"]
        rows += _saved_rows(saved)
        alerts = _stale_alerts(saved)
        role = "stale" if alerts else ("frozen" if frozen else "module")
        parent = None if path == "" else path.rpartition(".")[0]
        boxes[path] = GraphNode(id=f"m{index}", kind="module", label=module_title(path, module), role=role,
                                module=parent, rows=tuple(rows), alerts=alerts)
    return boxes


def _saved_rows(saved: list[GraphNode]) -> list[str]:
    """`saves 2 tensors for backward, at version 0` (the versions they were saved at, when shown), and how
    many backward() freed."""
    if not saved:
        return []
    text = f"saves {len(saved)} tensor{'s' * (len(saved) != 1)} for backward"
    versions = sorted({node.saved_version for node in saved if node.role == "saved" and node.saved_version is not None})
    if versions:
        text += f", at version{'s' * (len(versions) != 1)} {', '.join(map(str, versions))}"
    freed = sum(node.role == "freed" for node in saved)
    return [text + (f", {freed} freed by backward()" if freed else "")]


def _stale_alerts(saved: list[GraphNode]) -> tuple[str, ...]:
    """One red line per kind of stale saved tensor in a box: `1 saved tensor modified in place (saved at
    version 0, now 1): backward raises`."""
    counts: dict[tuple, int] = {}
    for node in saved:
        if node.role == "stale":
            key = (node.saved_version, node.version)
            counts[key] = counts.get(key, 0) + 1
    lines = []
    for (was, now), count in counts.items():
        versions = f" (saved at version {was}, now {now})" if None not in (was, now) else ""
        lines.append(f"{count} saved tensor{'s' * (count != 1)} modified in place{versions}: backward raises")
    return tuple(lines)


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
