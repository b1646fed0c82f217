"""What crosses the border of a module in a graph grouped by module: the tensor each edge between two modules
carries (`features → classifier: (8, 16)`), data that flows without a gradient path, and detach cuts, drawn
between module boxes or summarised on a box when they sit inside it.

The forward hooks of `track_modules` know which tensors entered and left each module, and the `grad_fn` each
had then; an edge of the backward graph from node S to node D stands for the tensor whose `grad_fn` was D (at
the output number S's `next_functions` gives), so that tensor is found among them.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import introspect as ins
from .cuts import inferred_source
from .model import GraphEdge, GraphModel
from .modules import ModuleTracker


@dataclass
class Placement:
    """Where each node of the full graph `model` is drawn once grouped: `group`, raw node id -> the path of
    the module it is drawn in (its box's, or its open module's; None outside every module); `box_of`, raw
    node id -> the id of the box it was folded into; `box_paths`, box id -> module path; `holder`, module
    path -> the id of the box that stands for it (for modules folded into a box)."""

    model: GraphModel
    tracker: ModuleTracker
    group: dict
    box_of: dict
    box_paths: dict
    holder: dict

    def drawn(self, node_id: str) -> str:
        """The id drawn for a node of the full graph: its box, or itself."""
        return self.box_of.get(node_id, node_id)

    def module_name(self, path: str) -> str:
        """How an edge label names a module: its path, or the model's class name for the model itself."""
        return path or type(self.tracker.model).__name__


def crossing_text(place: Placement, tensor, producer: str | None, consumer: str | None) -> str:
    """`features → classifier: (8, 16)`; `out of head: (16, 5)` when it leaves every module, `into probe:
    (16, 32)` when it comes from outside every module."""
    shape = str(ins.shape_of(tensor))
    if producer is None:
        return f"into {place.module_name(consumer)}: {shape}"
    if consumer is None:
        return f"out of {place.module_name(producer)}: {shape}"
    return f"{place.module_name(producer)} \u2192 {place.module_name(consumer)}: {shape}"


def boundary_tensors(tracker: ModuleTracker) -> list:
    """Every tensor that entered or left a tracked module in its last forward pass, once each."""
    found: dict[int, object] = {}
    for tensors in (*tracker.outputs.values(), *tracker.inputs.values()):
        found.update((id(tensor), tensor) for tensor in tensors)
    return list(found.values())


def labelled_edges(place: Placement) -> list[GraphEdge]:
    """The full graph's edges, each gradient edge between two modules labelled with the tensor it carries."""
    made_by: dict[int, list] = {}  # id(grad_fn) -> (output_nr, tensor) of the tensors it made that crossed
    for crossed in place.tracker.crossed.values():
        for grad_fn, number, tensor in crossed:
            made_by.setdefault(id(grad_fn), []).append((number, tensor))
    kinds = {node.id: node.kind for node in place.model.nodes}
    edges = []
    for edge in place.model.edges:
        crosses = edge.kind == "next" and place.group.get(edge.src) != place.group.get(edge.dst)
        tensor = _carried(place.model, edge, made_by) if crosses and kinds.get(edge.dst) != "more" else None
        label = None if tensor is None else crossing_text(place, tensor, place.group[edge.dst], place.group[edge.src])
        edges.append(GraphEdge(edge.src, edge.dst, edge.kind, label))
    return edges


def _carried(model: GraphModel, edge: GraphEdge, made_by: dict):
    """The tensor that the gradient edge src -> dst stands for, when a module's forward saw it."""
    user, maker = model.objects[edge.src], model.objects[edge.dst]
    if ins.is_accumulate_grad(maker):
        return maker.variable
    numbers = [number for node, number in user.next_functions if node is maker]
    return next((tensor for number, tensor in made_by.get(id(maker), []) if number in numbers), None)


def no_grad_edges(place: Placement, boxes: dict) -> list[GraphEdge]:
    """"nograd" edges, where data flowed but a gradient cannot: from wherever a module's output without a
    grad_fn is used (a drawn tensor, a saved tensor, another module's box, labelled with the tensor) to that
    module's box, and from a module's box to a drawn input of it that has no history (a detached tensor, a
    constant)."""
    users = _users(place, boxes)
    model = place.model
    drawn = {id(model.objects[node.id]): node.id for node in model.nodes if node.kind == "tensor"}
    edges = {}
    for path, box in boxes.items():
        for tensor in place.tracker.outputs.get(path, []):
            if tensor.grad_fn is not None:
                continue
            for user in users.get(id(tensor), []):
                consumer = place.box_paths.get(user)
                label = None if consumer is None else crossing_text(place, tensor, path, consumer)
                if user != box.id:
                    edges[GraphEdge(user, box.id, "nograd", label)] = None
        for tensor in place.tracker.inputs.get(path, []):  # a drawn input without history, such as a detached one
            if tensor.grad_fn is None and id(tensor) in drawn and not tensor.requires_grad:
                edges[GraphEdge(box.id, drawn[id(tensor)], "nograd")] = None
    edges.update(dict.fromkeys(_through_plain_code(place, boxes, users, drawn)))
    return list(edges)


def _through_plain_code(place: Placement, boxes: dict, users: dict, drawn: dict) -> list[GraphEdge]:
    """"nograd" edges across plain code that recorded nothing: `torch.relu(self.body(x))` under no_grad
    leaves the body's output unused by any module and gives the next module an input that no module made.
    Such an input (not detached, not an input of an enclosing module: made by the code of the forward that
    encloses both) is linked to the box that ran last before, within that forward, and whose output without
    a gradient path nothing drawn uses: from that box to the input's own box when it is drawn (as the box it
    entered is), else from the box it entered, labelled with it."""
    tracker = place.tracker
    unused = [(tracker.ran[path][1], path, box) for path, box in boxes.items() if path in tracker.ran
              and any(t.grad_fn is None and id(t) not in users for t in tracker.outputs.get(path, []))]
    made = {id(tensor) for tensors in tracker.outputs.values() for tensor in tensors}
    edges = []
    for path, box in boxes.items():
        orphans = [t for t in tracker.inputs.get(path, []) if id(t) not in made and _made_in_forward(place, t, path)]
        maker = _last_before(tracker, unused, path) if orphans else None
        for tensor in orphans if maker is not None else []:
            if id(tensor) in drawn:
                edges.append(GraphEdge(maker[1].id, drawn[id(tensor)], "nograd"))  # the tensor below both boxes
            else:
                edges.append(GraphEdge(box.id, maker[1].id, "nograd", crossing_text(place, tensor, maker[0], path)))
    return edges


def _made_in_forward(place: Placement, tensor, path: str) -> bool:
    """True when `tensor`, an input of module `path`, has no history, is no new leaf, is not made by detach()
    or .data, and did not enter a module that encloses `path`."""
    if tensor.grad_fn is not None or tensor.requires_grad:
        return False
    enclosing = [place.tracker.inputs.get(other, []) for other in place.tracker.ran if _encloses(other, path)]
    if any(tensor is entered for inputs in enclosing for entered in inputs):
        return False
    return _source_of(tensor, boundary_tensors(place.tracker)) is None


def _encloses(outer: str, inner: str) -> bool:
    """True when module path `outer` contains module path `inner` ("" contains every other)."""
    return outer != inner and (outer == "" or inner.startswith(outer + "."))


def _last_before(tracker: ModuleTracker, unused: list, path: str):
    """(path, box) of the module in `unused` that finished last before module `path` started, inside the
    forward of the nearest module whose forward ran around `path`'s; None when none did (code outside every
    forward is not guessed at)."""
    start = tracker.ran.get(path, (None, None))[0]
    around = [begin for other, (begin, end) in tracker.ran.items() if _encloses(other, path)
              and start is not None and begin < start and (end is None or end > start)]
    if not around:
        return None
    found = [(end, maker, box) for end, maker, box in unused if end is not None and max(around) < end < start]
    return max(found, key=lambda item: item[0])[1:] if found else None


def _users(place: Placement, boxes: dict) -> dict[int, list[str]]:
    """id(tensor) -> the drawn ids that use it: its own box, saved tensors that hold it, module boxes it entered."""
    users: dict[int, list[str]] = {}
    for node in place.model.nodes:
        obj = place.model.objects.get(node.id)
        tensor = obj if node.kind == "tensor" else getattr(obj, "tensor", None) if node.kind == "saved" else None
        if tensor is not None:
            users.setdefault(id(tensor), []).append(place.drawn(node.id))
    for path, box in boxes.items():
        for tensor in place.tracker.inputs.get(path, []):
            users.setdefault(id(tensor), []).append(box.id)
    return users


def detach_cuts(place: Placement) -> tuple[list[GraphEdge], dict[str, list[str]]]:
    """Detach cuts that the module boxes hide: a module's input made by `detach()` (or `.data`) and not drawn
    itself gets a cut from the module's box to where its source is drawn, labelled with the tensor; when that
    source is drawn in the same box, the cut sits inside it and becomes a line on the box. Returns (the cuts,
    box id -> its lines)."""
    model = place.model
    drawn_at = {id(obj): node_id for node_id, obj in model.objects.items()}
    drawn_tensors = {id(model.objects[node.id]) for node in model.nodes if node.kind == "tensor"}
    candidates = boundary_tensors(place.tracker) + [model.objects[node.id] for node in model.nodes
                                                    if node.kind == "tensor"]
    cuts, inside = {}, {}
    for path, box_id in place.holder.items():
        for tensor in place.tracker.inputs.get(path, []):
            if tensor.grad_fn is not None or tensor.requires_grad or id(tensor) in drawn_tensors:
                continue
            source = _source_of(tensor, candidates)
            origin = None if source is None else drawn_at.get(id(source), drawn_at.get(id(source.grad_fn)))
            if origin is None:
                continue
            kind = ins.cut_kind(tensor, source)
            if place.drawn(origin) == box_id:
                method = "detach()" if kind == "detach" else ".data"
                line = f"\u2702 {method} inside: {ins.shape_of(tensor)} cut from the gradient path"
                inside.setdefault(box_id, {})[line] = None
                continue
            label = None if id(source) in drawn_tensors else crossing_text(
                place, tensor, place.group.get(origin), place.box_paths[box_id])
            cuts[GraphEdge(box_id, place.drawn(origin), kind, label)] = None
    return list(cuts), {box_id: list(lines) for box_id, lines in inside.items()}


def _source_of(detached, candidates: list):
    """The tensor `detached` was made from by detach() or .data: recorded by minitorch, inferred for torch
    from shared memory among `candidates` (see `cuts.find_cuts`)."""
    known, source = ins.detached_source(detached)
    if known:
        return source
    key = ins.storage_key(detached)
    return inferred_source(detached, [(None, tensor) for tensor in candidates if ins.storage_key(tensor) == key])
