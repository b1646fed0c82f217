"""Graph model -> graphviz.Digraph: torchviz's colours, storage bands, detach cuts and a legend.

Arrows follow the gradient: from an output's `grad_fn` down through `next_functions` to the leaves.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .graph import graph_model
from .labels import band_cell, escape, table
from .legend import legend_label
from .model import GraphEdge, GraphModel, GraphNode
from .render import diagram_class
from .style import ACTIVE_FILL, ARROW, BOX, CLUSTER_COLOR, MORE_FILL, SENT_COLOR, STALE_COLOR


@dataclass
class Overlay:
    """Extra marks for one moment of a backward pass: the node being run (`active`, with the gradient
    it `received`), nodes already run (`done`), gradients sent along edges (`sent`, keyed by
    (src, dst, n), n counting repeated edges between the same boxes),
    and `.grad` texts to show on tensors (`grads`, keyed by tensor node id)."""

    active: str | None = None
    received: str | None = None
    done: frozenset = frozenset()
    sent: dict = field(default_factory=dict)
    grads: dict = field(default_factory=dict)


def draw_graph(*roots, names=None, show_values=False, show_grads=False, show_saved=True,
               show_versions=True, max_nodes=200, legend=True, model=None, depth=1, expand=()):
    """Draw the autograd graph behind `roots` (minitorch or real torch tensors) as a graphviz.Digraph.

    `names` (e.g. `locals()`) names the boxes and pulls in related tensors; see `graph_model` for exactly
    which tensors are drawn. Options add values, `.grad`, saved tensors and versions to the boxes;
    `max_nodes` caps the size (the rest becomes one note); `legend` adds a key to the colours.
    `model` (an nn.Module whose forward pass ran after `track_modules(model)`) groups the nodes by module:
    modules above `depth` are boxes around their nodes, modules at `depth` collapse into one node that lists
    their parameters, unless their paths are in `expand` (see `grouping`).
    """
    graph = graph_model(*roots, names=names, show_values=show_values, show_grads=show_grads,
                        show_saved=show_saved, show_versions=show_versions, max_nodes=max_nodes,
                        model=model, depth=depth, expand=expand)
    return to_digraph(graph, legend=legend)


def to_digraph(model: GraphModel, overlay: Overlay | None = None, legend: bool = True):
    """Style a graph model as a Digraph; `overlay` marks a step of backward (see `steps`)."""
    overlay = overlay or Overlay()
    graph = diagram_class()(name="autograd", format="svg")
    graph.attr(rankdir="TB", nodesep="0.3", ranksep="0.35", fontname="Helvetica")
    graph.attr("node", shape="plain", fontname="Helvetica", fontsize="11")
    graph.attr("edge", fontname="Helvetica", fontsize="10", arrowsize="0.7")
    _add_nodes(graph, model, overlay)
    seen: dict[tuple[str, str], int] = {}
    for edge in model.edges:
        repeat = seen.get((edge.src, edge.dst), 0)
        seen[(edge.src, edge.dst)] = repeat + 1
        graph.edge(edge.src, edge.dst, **_edge_attrs((edge.src, edge.dst, repeat), edge, overlay))
    for cut in model.cuts:
        graph.edge(cut.src, cut.dst, **_with_line(dict(ARROW[cut.kind].attrs), _carried_text(cut)))
    if legend:  # the graph's own label: drawn below, outside the ranks, so it never stretches them
        graph.attr(label=legend_label(model), labelloc="b", labeljust="r")
    return graph


def _add_nodes(graph, model: GraphModel, overlay: Overlay) -> None:
    """Every node, inside the nested boxes (graphviz clusters) of the modules it belongs to, if any."""
    inside: dict[str | None, list[GraphNode]] = {}
    for node in model.nodes:
        inside.setdefault(node.module, []).append(node)
    _fill_cluster(graph, None, inside, model, overlay)


def _fill_cluster(graph, path: str | None, inside: dict, model: GraphModel, overlay: Overlay) -> None:
    """Draw the nodes of module `path` (None: outside every module) and, nested, its submodules' boxes."""
    for node in inside.get(path, []):
        graph.node(node.id, _node_label(node, model, overlay))
    _side_by_side(graph, model, {node.id for node in inside.get(path, [])})
    for child in _child_clusters(path, model.clusters):
        with graph.subgraph(name=f"cluster_{child or 'model'}") as box:
            # labelloc is always given: a nested frame would otherwise inherit its parent's
            box.attr(label=escape(model.clusters[child]), labeljust="l", labelloc="b" if _title_below(child, model)
                     else "t", style="rounded,dashed", color=CLUSTER_COLOR, fontsize="10")
            _fill_cluster(box, child, inside, model, overlay)


def _title_below(path: str, model: GraphModel) -> bool:
    """Whether a module's frame has its title at the bottom rather than the top: when arrows come in from
    above and none go out below (a network's first layer, opened), no arrow crosses it there."""
    within = {node.id for node in model.nodes if node.module is not None
              and (path == "" or node.module == path or node.module.startswith(path + "."))}
    arrows = [edge for edge in model.edges if edge.kind != "saved"]
    comes_in = any(edge.dst in within and edge.src not in within for edge in arrows)
    goes_out = any(edge.src in within and edge.dst not in within for edge in arrows)
    return comes_in and not goes_out


def _child_clusters(path: str | None, clusters: dict) -> list[str]:
    """The module paths whose boxes sit directly inside the box of `path` (None: the top level)."""
    def parent(child: str) -> str | None:
        return None if child == "" else child.rpartition(".")[0] if "." in child else ""

    return [child for child in clusters if parent(child) == path]


def _side_by_side(graph, model: GraphModel, here: set[str]) -> None:
    """Keep each saved tensor beside its node, and each detached tensor beside its source, when both are
    drawn in this box (graphviz cannot align nodes across boxes)."""
    pairs = [(e.src, e.dst) for e in model.edges if e.kind == "saved"] + [(c.src, c.dst) for c in model.cuts]
    for first, second in pairs:
        if first not in here or second not in here:
            continue
        with graph.subgraph() as same_rank:
            same_rank.attr(rank="same")
            same_rank.node(first)
            same_rank.node(second)


def _edge_attrs(key: tuple[str, str, int], edge: GraphEdge, overlay: Overlay) -> dict:
    attrs = _with_line(dict(ARROW[edge.kind].attrs), _carried_text(edge))
    if key in overlay.sent:
        text = _multiline(overlay.sent[key])
        attrs.update(color=SENT_COLOR, penwidth="2.5")
        attrs = _with_line(attrs, f"<FONT COLOR=\"{SENT_COLOR}\"><B>{text}</B></FONT>")
    return attrs


def _carried_text(edge: GraphEdge) -> str | None:
    """The tensor an edge between modules carries, in small print, a space away from the arrow (dot puts a
    label's first letter against the line); None for other edges."""
    if edge.label is None:
        return None
    spaced = "\n".join("\u00a0" + line for line in edge.label.split("\n"))  # a no-break space: dot keeps it
    return f'<FONT POINT-SIZE="9">{_multiline(spaced)}</FONT>'


def _with_line(attrs: dict, line: str | None) -> dict:
    """`attrs` with `line` (HTML-like markup) added below the edge's label, if any."""
    if line is None:
        return attrs
    old = attrs.get("label")
    attrs["label"] = f"<{line}>" if old is None else f"<{old[1:-1]}<BR/>{line}>"
    return attrs


def _node_label(node: GraphNode, model: GraphModel, overlay: Overlay) -> str:
    if node.kind == "more":
        text = f"&#8943; {escape(node.label)} more nodes not drawn (max_nodes={model.max_nodes})"
        return table([text], MORE_FILL, rounded=True)
    # One font per line: SVG viewers measure text with other fonts than dot, so mixed runs drift apart.
    title = escape(node.label)
    if node.kind == "saved":
        title = f"saved {title}" + (f" = {escape(node.alias)}" if node.alias else "")
    if node.id in overlay.done:
        title = f"&#10003; {title}"
    rows = [f"<B>{title}</B>", *(escape(row) for row in node.rows)]
    rows += [f"<FONT COLOR=\"{STALE_COLOR}\"><B>{escape(alert)}</B></FONT>" for alert in node.alerts]
    if node.kind in ("tensor", "saved"):
        rows += _tensor_rows(node, overlay)
    if node.id == overlay.active and overlay.received is not None:
        rows.append(f"receives {_multiline(overlay.received)}")
    box = BOX[node.role or node.kind]
    fill = ACTIVE_FILL if node.id == overlay.active else box.fill
    width = 3 if node.id == overlay.active else box.border_width
    band = band_cell(node.storage, len(rows)) if node.storage else ""
    small = node.kind == "accumulate"
    return table(rows, fill, border=box.border, width=width, rounded=node.kind in ("backward", "accumulate"),
                 band=band, small=small)


def _tensor_rows(node: GraphNode, overlay: Overlay) -> list[str]:
    rows = []
    if node.role == "freed":
        rows.append("freed after backward")
    if node.shape is not None and node.alias is None:
        rows.append(escape(str(node.shape)))
    if node.role == "stale" and node.saved_version is not None:
        text = f"saved at version {node.saved_version}, now {node.version}"
        rows.append(f"<FONT COLOR=\"{STALE_COLOR}\"><B>{text}</B></FONT>")
    elif node.version is not None:
        rows.append(f"version {node.version}")
    if node.values is not None and node.alias is None:
        rows.append(f"data {_multiline(node.values)}")
    grad = overlay.grads.get(node.id, node.grad)
    if grad is not None:
        rows.append(f"grad {_multiline(grad)}")
    return rows


def _multiline(text: str) -> str:
    return '<BR ALIGN="LEFT"/>'.join(escape(line) for line in text.split("\n"))
