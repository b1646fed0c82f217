"""Relations between drawn tensors that autograd's own graph does not show: roles, shared storage, cuts."""

from __future__ import annotations

from string import ascii_uppercase

from . import introspect as ins


def output_roles(fields: dict, objects: dict, edges: list) -> dict[str, str]:
    """Each drawn tensor's role: "leaf" (a leaf that requires grad), "constant" (no grad), "output"
    (its grad_fn feeds no other drawn node) or "intermediate" (its grad_fn feeds another node)."""
    consumed = {edge.dst for edge in edges if edge.kind == "next"}
    grad_fn_of = {edge.src: edge.dst for edge in edges if edge.kind == "grad_fn"}
    roles = {}
    for node_id, node_fields in fields.items():
        if node_fields["kind"] != "tensor":
            continue
        tensor = objects[node_id]
        if tensor.grad_fn is None:
            roles[node_id] = "leaf" if tensor.requires_grad else "constant"
        else:
            roles[node_id] = "intermediate" if grad_fn_of.get(node_id) in consumed else "output"
    return roles


def band_letters(members: list[tuple[str, int | None, str]]) -> dict[str, str]:
    """Storage bands: `members` are (node id, storage key, identity) triples, where identity names the
    tensor a box stands for (a saved tensor that *is* a drawn tensor shares its identity). Boxes whose
    storage is used by two or more distinct tensors get the same letter, A, B, ... in drawing order."""
    groups: dict[int, list[tuple[str, str]]] = {}
    for node_id, storage, identity in members:
        if storage is not None:
            groups.setdefault(storage, []).append((node_id, identity))
    letters: dict[str, str] = {}
    shared = [group for group in groups.values() if len({identity for _, identity in group}) > 1]
    for index, group in enumerate(shared):
        letter = ascii_uppercase[index % 26] * (1 + index // 26)
        for node_id, _ in group:
            letters[node_id] = letter
    return letters


def find_cuts(tensors: list[tuple[str, object]], ids: dict[int, str]) -> list[tuple[str, str]]:
    """(detached, source) pairs of drawn tensor ids, one per tensor made by detach(), detach_() or .data.

    minitorch records the source (`_detached_from`), so it is exact. Real torch does not: there a tensor D
    counts as detached from S when both are drawn, share storage, neither is a view of the other (nor
    both views of one base), D has no grad_fn, and S either has a grad_fn or requires grad while D does
    not. The first such S in drawing order is the source; two leaves that both require grad stay uncut.
    """
    cuts = []
    for node_id, tensor in tensors:
        known, source = ins.detached_source(tensor)
        if known:
            if source is not None and ids.get(id(source), "").startswith("t"):
                cuts.append((node_id, ids[id(source)]))
            continue
        source_id = _inferred_source(tensor, tensors)
        if source_id is not None:
            cuts.append((node_id, source_id))
    return cuts


def _inferred_source(detached, tensors: list[tuple[str, object]]) -> str | None:
    storage = ins.storage_key(detached)
    if detached.grad_fn is not None or storage is None:
        return None
    for node_id, other in tensors:
        if other is detached or ins.storage_key(other) != storage:
            continue
        if _view_root(other) is _view_root(detached):
            continue
        if other.grad_fn is not None or (other.requires_grad and not detached.requires_grad):
            return node_id
    return None


def _view_root(tensor):
    base = getattr(tensor, "_base", None)
    return tensor if base is None else base
