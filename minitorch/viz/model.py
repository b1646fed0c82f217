"""The graph model: plain data describing one diagram, with no graphviz and no autograd inside."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class GraphNode:
    """One box of the diagram.

    kind: "tensor", "backward" (a grad_fn), "accumulate" (AccumulateGrad), "saved", "module" (a collapsed
          nn.Module) or "more" (the cap note).
    role: for tensors "leaf" (requires grad), "output", "intermediate" or "constant" (no grad);
          for saved tensors "saved", "stale" (modified in place since saved) or "freed" (after backward);
          for modules "module", "frozen" (no parameter requires grad) or "stale" (holds a stale saved tensor).
    module: the path of the nn.Module the node was made in ("" for the model itself), when tracked.
    rows: extra lines of text (a collapsed module's parameters and what it saved).
    alerts: lines drawn in red below the rows (a collapsed module's stale saved tensors, a detach inside it).
    """

    id: str
    kind: str
    label: str
    role: str = ""
    shape: tuple | None = None
    storage: str | None = None
    version: int | None = None
    saved_version: int | None = None
    values: str | None = None
    grad: str | None = None
    alias: str | None = None
    module: str | None = None
    rows: tuple = ()
    alerts: tuple = ()


@dataclass(frozen=True)
class GraphEdge:
    """An arrow. kind: "grad_fn" (tensor -> its node), "next" (node -> next_functions entry),
    "accumulate" (AccumulateGrad -> its leaf), "saved" (saved tensor -> node), "detach" (a cut), "more".
    label: the tensor the edge carries from one module to another (`features → classifier: (8, 16)`), when
    the graph is grouped by module."""

    src: str
    dst: str
    kind: str
    label: str | None = None


@dataclass
class GraphModel:
    """The whole picture as data: `nodes` and `edges` in drawing order, `cuts` (detach edges),
    `hidden`, the number of nodes left out by `max_nodes` (a lower bound when the graph is huge), and
    `clusters`, the open module boxes when the graph is grouped by module."""

    nodes: list[GraphNode]
    edges: list[GraphEdge]
    cuts: list[GraphEdge]
    hidden: int = 0
    max_nodes: int = 200
    objects: dict = field(default_factory=dict, compare=False, repr=False)
    clusters: dict = field(default_factory=dict)  # module path -> its box's title, for nodes grouped by module
    drawn_as: dict = field(default_factory=dict)  # id of a node folded into a module's box -> the box's id

    def node(self, node_id: str) -> GraphNode:
        """The node with this id."""
        return next(n for n in self.nodes if n.id == node_id)

    def id_of(self, obj) -> str | None:
        """The id of the node drawn for a tensor or autograd node object (the box of the module it was
        folded into, when grouped by module), or None if not drawn."""
        key = next((key for key, value in self.objects.items() if value is obj), None)
        return self.drawn_as.get(key, key)
