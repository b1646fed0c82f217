"""Tensors -> a plain graph model (nodes, edges, detach cuts), with ids that depend only on the code run.

The model knows nothing of graphviz: `minitorch.viz.dot` styles it. It reads minitorch and real torch
tensors the same way (see `introspect`), so the same code gives the same model with either library.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping

from . import introspect as ins
from .cuts import band_letters, find_cuts, tensor_roles
from .grouping import group_by_module
from .labels import readable_name
from .model import GraphEdge, GraphModel, GraphNode
from .modules import tracker_of


def graph_model(*roots, names=None, show_values=False, show_grads=False, show_saved=True,
                show_versions=True, max_nodes=200, model=None, depth=1, expand=(), tracker=None) -> GraphModel:
    """Build the graph model of everything autograd knows about `roots` (minitorch or torch tensors).

    Drawn tensors, in this order:
      1. the roots;
      2. every node reachable from their `grad_fn` through `next_functions`, with each leaf reached
         through its `AccumulateGrad`, and the tensors each node saved (when `show_saved`);
      3. when `names` (a dict such as `locals()`; names starting with `_` are skipped) is given, every
         named tensor whose `grad_fn` is drawn, and every named tensor that shares storage with a drawn
         tensor (plus what its own `grad_fn` reaches); repeated until nothing new appears.
    A tensor made by `detach()`, `detach_()` or `.data` gets a cut to the drawn tensor it came from
    (minitorch records it; for torch it is inferred from shared storage, see `cuts.find_cuts`).
    Past `max_nodes` boxes the rest is replaced by one "more" note.
    With `model` (an nn.Module that ran after `track_modules(model)`), parameters are named by their path in
    the model (unless `names` names them) and the graph is grouped by module down to `depth`, opening the
    modules named in `expand` (see `grouping`). `tracker` is the record to group by, when not the one
    `track_modules(model)` keeps up to date (a widget passes the snapshot it took when it was made).
    """
    if tracker is None and model is not None:
        tracker = tracker_of(model)
    if tracker is not None:
        names = {**dict(model.named_parameters()), **(names if names is not None else {})}
    if not all(ins.is_any_tensor(root) for root in roots):
        bad = next(type(root).__name__ for root in roots if not ins.is_any_tensor(root))
        raise TypeError(f"draw_graph() expects tensors as roots, got {bad}")
    # Grouped by module, many nodes fold into a few boxes: the cap is for what is drawn, so walk further.
    builder = _Builder({} if names is None else names, show_saved, max_nodes if tracker is None else 20 * max_nodes)
    builder.build(roots)
    graph = builder.finish(show_values, show_grads, show_versions)
    return graph if tracker is None else group_by_module(graph, tracker, depth, show_grads=show_grads, expand=expand)


def _tensor_names(names) -> dict[int, tuple[str, object]]:
    """id(tensor) -> (its names joined by ", ", the tensor), in the dict's order."""
    if not isinstance(names, Mapping):
        raise TypeError(f"draw_graph(): names must be a dict of name -> tensor, such as locals(), "
                        f"not {type(names).__name__}")
    found: dict[int, tuple[list[str], object]] = {}
    for name, value in names.items():
        if isinstance(name, str) and not name.startswith("_") and ins.is_any_tensor(value):
            found.setdefault(id(value), ([], value))[0].append(readable_name(name))
    return {key: (", ".join(labels), value) for key, (labels, value) in found.items()}


class _Builder:
    """Walks the autograd graph breadth-first and numbers what it meets: t0.. tensors, f0.. backward
    nodes, a0.. AccumulateGrad nodes, s0.. saved tensors."""

    def __init__(self, names: dict, show_saved: bool, max_nodes: int):
        self.names = _tensor_names(names)
        self.show_saved = show_saved
        self.max_nodes = max_nodes
        self.fields: dict[str, dict] = {}
        self.objects: dict[str, object] = {}
        self.ids: dict[int, str] = {}
        self.edges: list[GraphEdge] = []
        self.counters = {"t": 0, "f": 0, "a": 0, "s": 0}
        self.pending: deque = deque()
        self.refused: list = []
        self.root_ids: set[str] = set()

    def build(self, roots) -> None:
        """Add the roots, walk their graphs, then pull in named tensors until nothing changes."""
        for root in roots:
            root_id = self._add_tensor(root)
            if root_id is not None:
                self.root_ids.add(root_id)
        while True:
            while self.pending:
                self._expand(self.pending.popleft())
            if not self._add_named_neighbours():
                break

    def _new(self, prefix: str, obj, **fields) -> str | None:
        if len(self.fields) >= self.max_nodes:
            self.refused.append(obj)
            return None
        node_id = f"{prefix}{self.counters[prefix]}"
        self.counters[prefix] += 1
        self.fields[node_id] = fields
        self.objects[node_id] = obj
        if prefix != "s":
            self.ids[id(obj)] = node_id
        return node_id

    def _edge(self, src: str | None, dst: str | None, kind: str) -> None:
        if src is None:
            return
        self.edges.append(GraphEdge(src, dst or "more", kind if dst else "more"))

    def _add_tensor(self, tensor) -> str | None:
        if id(tensor) in self.ids:
            return self.ids[id(tensor)]
        node_id = self._new("t", tensor, kind="tensor", shape=ins.shape_of(tensor))
        if node_id is not None and tensor.grad_fn is not None:
            self._edge(node_id, self._add_node(tensor.grad_fn), "grad_fn")
        return node_id

    def _add_node(self, node) -> str | None:
        if id(node) in self.ids:
            return self.ids[id(node)]
        if ins.is_accumulate_grad(node):
            node_id = self._new("a", node, kind="accumulate", label="AccumulateGrad")
            self._edge(node_id, self._add_tensor(node.variable), "accumulate")
            return node_id
        node_id = self._new("f", node, kind="backward", label=ins.node_name(node))
        if node_id is not None:
            self.pending.append(node)
        return node_id

    def _expand(self, node) -> None:
        node_id = self.ids[id(node)]
        if self.show_saved:
            for info in ins.saved_tensors(node):
                self._edge(self._new("s", info, kind="saved", shape=info.shape), node_id, "saved")
        for next_node, _ in node.next_functions:
            if next_node is not None:
                self._edge(node_id, self._add_node(next_node), "next")

    def _add_named_neighbours(self) -> bool:
        drawn_storages = {ins.storage_key(t) for t in self._drawn_tensors()} - {None}
        added = False
        for key, (_, tensor) in self.names.items():
            if key in self.ids:
                continue
            grad_fn_drawn = tensor.grad_fn is not None and id(tensor.grad_fn) in self.ids
            if grad_fn_drawn or ins.storage_key(tensor) in drawn_storages:
                added = self._add_tensor(tensor) is not None or added
        return added

    def _kind(self, node_id: str) -> str:
        return self.fields[node_id]["kind"]

    def _drawn_tensors(self) -> list:
        tensors = []
        for node_id, obj in self.objects.items():
            if self._kind(node_id) == "tensor":
                tensors.append(obj)
            elif self._kind(node_id) == "saved" and obj.tensor is not None:
                tensors.append(obj.tensor)
        return tensors

    def finish(self, show_values: bool, show_grads: bool, show_versions: bool) -> GraphModel:
        """Fill in labels, roles, bands and versions, and freeze everything into a GraphModel."""
        roles = tensor_roles(self.fields, self.objects, self.edges, self.root_ids)
        self._label_tensors(roles)
        aliases = self._label_saved()
        bands = band_letters(self._band_members(aliases))
        for node_id, fields in self.fields.items():
            fields["storage"] = bands.get(node_id)
            if fields["kind"] == "tensor":
                self._describe_tensor(node_id, show_versions, show_values, show_grads)
            elif fields["kind"] == "saved":
                info = self.objects[node_id]
                if show_versions:
                    fields["saved_version"], fields["version"] = info.saved_version, info.current_version
                if show_values and info.tensor is not None:
                    fields["values"] = ins.format_array(ins.to_numpy(info.tensor))
        nodes = [GraphNode(id=node_id, **fields) for node_id, fields in self.fields.items()]
        hidden, complete = _count_beyond(self.refused, self.ids, limit=max(10 * self.max_nodes, 1000))
        if hidden:
            nodes.append(GraphNode(id="more", kind="more", label=f"{hidden}" if complete else f"{hidden}+"))
        tensors = [(node_id, obj) for node_id, obj in self.objects.items() if self._kind(node_id) == "tensor"]
        cuts = [GraphEdge(src, dst, kind) for src, dst, kind in find_cuts(tensors, self.ids)]
        return GraphModel(nodes, self.edges, cuts, hidden, self.max_nodes, dict(self.objects))

    def _describe_tensor(self, node_id: str, show_versions: bool, show_values: bool, show_grads: bool):
        fields, tensor = self.fields[node_id], self.objects[node_id]
        version = int(tensor._version)
        if show_versions and (version > 0 or fields["storage"] is not None):
            fields["version"] = version
        if show_values:
            fields["values"] = ins.format_array(ins.to_numpy(tensor))
        grad = ins.readable_grad(tensor) if show_grads else None
        if grad is not None:
            fields["grad"] = ins.format_array(ins.to_numpy(grad))
        elif show_grads and fields["role"] == "leaf":
            fields["grad"] = "None"

    def _band_members(self, aliases: dict[str, str]) -> list[tuple[str, int | None, str]]:
        members = []
        for node_id, obj in self.objects.items():
            if self._kind(node_id) == "tensor":
                members.append((node_id, ins.storage_key(obj), node_id))
            elif self._kind(node_id) == "saved" and obj.tensor is not None:
                members.append((node_id, ins.storage_key(obj.tensor), aliases.get(node_id, node_id)))
        return members

    def _label_tensors(self, roles: dict[str, str]) -> None:
        unnamed = {"leaf": "leaf", "output": "output"}
        for node_id, fields in self.fields.items():
            if fields["kind"] == "tensor":
                name = self.names.get(id(self.objects[node_id]), ("", None))[0]
                fields["role"] = roles[node_id]
                fields["label"] = name or unnamed.get(roles[node_id], "tensor")

    def _label_saved(self) -> dict[str, str]:
        """Label saved tensors; return saved id -> id of the drawn tensor it is (when it is one)."""
        saved_by = {edge.src: edge.dst for edge in self.edges if edge.kind == "saved"}
        outputs_of: dict[int, list[str]] = {}  # id(grad_fn) -> drawn tensors it made: one pass, not one per saved
        for node_id, obj in self.objects.items():
            if self._kind(node_id) == "tensor" and obj.grad_fn is not None:
                outputs_of.setdefault(id(obj.grad_fn), []).append(node_id)
        aliases = {}
        for node_id, fields in self.fields.items():
            if fields["kind"] != "saved":
                continue
            info = self.objects[node_id]
            fields["label"] = info.name
            fields["role"] = "freed" if info.freed else "stale" if info.stale else "saved"
            alias = self._alias_of(info, self.objects[saved_by[node_id]], outputs_of)
            if alias is not None:
                aliases[node_id] = alias
                fields["alias"] = self.fields[alias]["label"]
        return aliases

    def _alias_of(self, info: ins.SavedInfo, saving_node, outputs_of: dict) -> str | None:
        """The drawn tensor a saved tensor is: the same object, or (for a saved output) the node's output."""
        if info.tensor is None:
            return None
        same = self.ids.get(id(info.tensor))
        if same is not None and self._kind(same) == "tensor":
            return same
        for node_id in outputs_of.get(id(saving_node), ()):
            if _same_view(self.objects[node_id], info.tensor):
                return node_id
        return None


def _same_view(a, b) -> bool:
    return ins.storage_key(a) == ins.storage_key(b) and a.data_ptr() == b.data_ptr() and (
        ins.shape_of(a) == ins.shape_of(b)
    )


def _count_beyond(refused: list, drawn: dict, limit: int) -> tuple[int, bool]:
    """(how many distinct objects the cap left out, whether that count is complete). Counting stops at
    `limit`, so a huge graph never hangs."""
    seen: set[int] = set()
    queue = deque(refused)
    while queue and len(seen) < limit:
        obj = queue.popleft()
        if id(obj) in seen or id(obj) in drawn:
            continue
        seen.add(id(obj))
        if ins.is_any_tensor(obj) and obj.grad_fn is not None:
            queue.append(obj.grad_fn)
        elif hasattr(obj, "next_functions"):
            queue.extend(n for n, _ in obj.next_functions if n is not None)
            if ins.is_accumulate_grad(obj):
                queue.append(obj.variable)
    return len(seen), not queue
