"""Relations between drawn tensors that autograd's own graph does not show: roles, shared storage, cuts."""

from __future__ import annotations

from string import ascii_uppercase

from . import introspect as ins


def tensor_roles(fields: dict, objects: dict, edges: list, root_ids: set[str]) -> dict[str, str]:
    """Each drawn tensor's role: "leaf" (a leaf that requires grad), "constant" (no grad), "output" (a root
    the diagram was drawn from, that no other drawn node uses) or "intermediate" (any other tensor made by an
    op: it has a grad_fn)."""
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
            is_output = node_id in root_ids and grad_fn_of.get(node_id) not in consumed
            roles[node_id] = "output" if is_output else "intermediate"
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


def find_cuts(tensors: list[tuple[str, object]], ids: dict[int, str]) -> list[tuple[str, str, str]]:
    """(detached, source, kind) triples of drawn tensor ids, one per tensor made by detach(), detach_() or
    .data; kind is "detach" (the two share a version counter) or "data" (the copy has its own).

    minitorch records the source (`_detached_from`) and the counter, so it is exact. Real torch records
    neither: there a tensor D counts as detached from S when both are drawn, share storage, neither is a view
    of the other (nor both views of one base), D has no grad_fn, and S either has a grad_fn or requires grad
    while D does not. The first such S in drawing order is the source. The kind is "data" when their versions
    differ (they cannot share a counter), else "detach": torch cannot tell `.data` from `detach()` until one of
    them is modified. Two leaves that both require grad stay uncut.
    """
    drawn = {id(tensor) for _, tensor in tensors}
    by_storage: dict[int, list[tuple[str, object]]] = {}
    for node_id, tensor in tensors:
        by_storage.setdefault(ins.storage_key(tensor), []).append((node_id, tensor))
    cuts = []
    for node_id, tensor in tensors:
        known, source = ins.detached_source(tensor)
        if not known:
            source = inferred_source(tensor, by_storage.get(ins.storage_key(tensor), []))
        if source is not None and id(source) in drawn:
            cuts.append((node_id, ids[id(source)], ins.cut_kind(tensor, source)))
    return cuts


def inferred_source(detached, sharing: list[tuple[str, object]]):
    """The tensor `detached` was most likely detached from, among the drawn tensors on its storage."""
    if detached.grad_fn is not None or ins.storage_key(detached) is None:
        return None
    for _, other in sharing:
        if other is detached:
            continue
        if _view_root(other) is _view_root(detached):
            continue
        if other.grad_fn is not None or (other.requires_grad and not detached.requires_grad):
            return other
    return None


def _view_root(tensor):
    base = getattr(tensor, "_base", None)
    return tensor if base is None else base
