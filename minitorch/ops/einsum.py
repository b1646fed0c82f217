"""``einsum``: sums of products over the labels of an equation (``'ij,jk->ik'``), built from recorded ops.

As in torch, einsum has no node of its own: it is a composite, so its ``grad_fn`` is whatever op it ends
with and its backward (and double backward) is that of the ops below. The steps are torch's:

1. Parse the equation: each operand's labels (``...`` for broadcast dims), the output's labels (given after
   ``->``, else the ellipsis dims and the labels seen once, in alphabetical order), then the contracted labels.
2. Align every operand to the same dims, output labels first, then contracted ones: a repeated label takes a
   ``diagonal``, a missing label is an ``unsqueeze``d dim of size 1, and one ``permute`` puts them in order.
3. Contract the operands left to right, two at a time: a dim only one operand still has is summed right
   away; the rest is one batched matrix product (``bmm``) between reshapes and permutes, or a plain ``mul``
   when nothing is summed. Finally the size-1 contracted dims are dropped with a ``view`` (a ``sum`` for a
   single operand).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .linalg import bmm

ELLIPSIS = "."


@dataclass
class _Plan:
    """The parsed equation: labels per operand, where each label goes, and how many dims the output keeps."""

    operand_labels: list
    place: dict = field(default_factory=dict)  # label -> its dim in the aligned operands
    ellipsis_dims: int = 0
    ellipsis_at: int = 0
    out_dims: int = 0
    all_dims: int = 0


def einsum(*args):
    """Sums of products over the indices named in ``equation``, e.g. ``einsum('ij,jk->ik', a, b)``."""
    if len(args) < 2:
        raise ValueError("einsum(): must specify the equation string and at least one operand, or at least one "
                         "operand and its subscripts list")
    equation, operands = args[0], args[1:]
    if len(operands) == 1 and isinstance(operands[0], (list, tuple)):
        operands = tuple(operands[0])
    if not operands:
        raise RuntimeError("einsum(): must provide at least one operand")
    plan = _plan(equation, operands)
    counts, sizes = [0] * plan.all_dims, {}  # per aligned dim: operands where its size is not 1, and that size
    aligned = [_align(op, labels, i, plan, counts, sizes)
               for i, (op, labels) in enumerate(zip(operands, plan.operand_labels))]
    while len(aligned) > 1:
        aligned.insert(0, _contract_pair(aligned.pop(0), aligned.pop(0), plan, counts))
    (result,) = aligned
    if plan.all_dims > plan.out_dims:
        if len(operands) > 1:  # the contracted dims are all of size 1 by now
            return result.view(*result.shape[:plan.out_dims])
        return result.sum(list(range(plan.out_dims, plan.all_dims)))
    return result


def _labels(text: str, start: int, operand: int | None) -> list:
    """The labels of one side of the equation (``.`` for an ellipsis), with torch's errors."""
    labels, i = [], 0
    while i < len(text):
        char = text[i]
        if char == ".":
            if operand is None and ELLIPSIS in labels:
                raise RuntimeError("einsum(): found '.' for output but an ellipsis (...) was already found")
            if ELLIPSIS in labels:
                raise RuntimeError(f"einsum(): found '.' for operand {operand} for which an ellipsis was already found")
            if text[i:i + 3] != "...":
                where = "output" if operand is None else f"operand {operand}"
                tail = " (...)" if operand is None else ""
                raise RuntimeError(f"einsum(): found '.' for {where} that is not part of any ellipsis{tail}")
            labels.append(ELLIPSIS)
            i += 3
            continue
        if char != " ":
            if not char.isascii() or not char.isalpha():
                raise RuntimeError(f"einsum(): invalid subscript given at index {start + i} in the equation "
                                   "string, subscripts must be in [a-zA-Z]")
            labels.append(char)
        i += 1
    return labels


def _plan(equation: str, operands) -> _Plan:
    """Parse ``equation`` for ``operands``: each label's place in the aligned dims, as torch numbers them."""
    lhs, arrow, rhs = equation.partition("->")
    sides, start = [], 0
    for operand, text in enumerate(lhs.split(",")):
        if operand >= len(operands):
            raise RuntimeError("einsum(): fewer operands were provided than specified in the equation")
        sides.append(_labels(text, start, operand))
        start += len(text) + 1
    if len(sides) < len(operands):
        raise RuntimeError("einsum(): more operands were provided than specified in the equation")
    plan, counts = _Plan(sides), {}
    for i, (op, labels) in enumerate(zip(operands, sides)):
        named = [s for s in labels if s != ELLIPSIS]
        for s in named:
            counts[s] = counts.get(s, 0) + 1
        if ELLIPSIS in labels:
            plan.ellipsis_dims = max(plan.ellipsis_dims, op.ndim - len(named))
        if len(named) > op.ndim if ELLIPSIS in labels else len(named) != op.ndim:
            relation = "is more than" if ELLIPSIS in labels else "does not match"
            tail = "" if ELLIPSIS in labels else " and no ellipsis was given"
            raise RuntimeError(f"einsum(): the number of subscripts in the equation ({len(named)}) {relation} the "
                               f"number of dimensions ({op.ndim}) for operand {i}{tail}")
    _place_output(plan, rhs if arrow else None, counts, len(lhs) + 2)
    return plan


def _place_output(plan: _Plan, rhs, counts: dict, start: int) -> None:
    """Number the output's dims first (the ellipsis where it stands), then the contracted labels."""
    if rhs is None:  # implicit output: the ellipsis dims, then the labels seen once, alphabetically
        output = [ELLIPSIS] + sorted(s for s, n in counts.items() if n == 1)
    else:
        output = _labels(rhs, start, None)
    position = 0
    for label in output:
        if label == ELLIPSIS:
            plan.ellipsis_at, position = position, position + plan.ellipsis_dims
            continue
        if label not in counts or label in plan.place:
            problem = "appears more than once in the output" if label in plan.place else \
                "does not appear in the equation for any input operand"
            raise RuntimeError(f"einsum(): output subscript {label} {problem}")
        plan.place[label], position = position, position + 1
    plan.out_dims = position
    if ELLIPSIS not in output:  # summed over, before the contracted labels
        plan.ellipsis_at, position = position, position + plan.ellipsis_dims
    for label in sorted(counts):
        if label not in plan.place:
            plan.place[label], position = position, position + 1
    plan.all_dims = position


def _align(op, labels, index: int, plan: _Plan, counts: list, sizes: dict):
    """``op`` with one dim per aligned place: diagonals for repeated labels, size-1 dims for missing ones."""
    permutation, dim = [-1] * plan.all_dims, 0
    for label in labels:
        if label == ELLIPSIS:
            covered = op.ndim - (len(labels) - 1)
            places = range(plan.ellipsis_at + plan.ellipsis_dims - covered, plan.ellipsis_at + plan.ellipsis_dims)
        elif permutation[plan.place[label]] != -1:  # repeated: the diagonal, moved where the label first was
            first = permutation[plan.place[label]]
            if op.shape[dim] != op.shape[first]:
                raise RuntimeError(f"einsum(): subscript {label} is repeated for operand {index} but the sizes "
                                   f"don't match, {op.shape[dim]} != {op.shape[first]}")
            op = op.diagonal(0, first, dim).movedim(-1, first)
            continue
        else:
            places = [plan.place[label]]
        for place in places:
            if op.shape[dim] != 1:
                _check_size(sizes, place, op.shape[dim], label, index, dim)
                counts[place] += 1
            permutation[place], dim = dim, dim + 1
    for place, value in enumerate(permutation):
        if value == -1:
            op = op.unsqueeze(dim)
            permutation[place], dim = dim, dim + 1
    return op.permute(permutation)


def _check_size(sizes: dict, place: int, size: int, label: str, index: int, dim: int) -> None:
    """A label's (or an ellipsis dim's) size must agree with every operand seen before (or be 1)."""
    if sizes.get(place, 1) not in (1, size):
        if label == ELLIPSIS:  # (torch's text has no space before "has")
            raise RuntimeError(f"einsum(): dimension {dim} covered by ellipsis in operand {index}has size {size} "
                               f"which does not broadcast with previously seen ellipsis with size {sizes[place]} "
                               "for the respective dimension")
        raise RuntimeError(f"einsum(): subscript {label} has size {size} for operand {index} which does not "
                           f"broadcast with previously seen size {sizes[place]}")
    sizes[place] = size


def _contract_pair(a, b, plan: _Plan, counts: list):
    """Contract two aligned operands: sum the dims no other operand has, multiply and sum the shared ones."""
    shared, only_a, only_b = [], [], []
    for dim in range(plan.out_dims, plan.all_dims):
        if a.shape[dim] != 1 and b.shape[dim] != 1:
            counts[dim] -= 1
            if counts[dim] == 1:
                shared.append(dim)
                counts[dim] = 0
        elif counts[dim] == 1 and (a.shape[dim] != 1 or b.shape[dim] != 1):
            (only_a if a.shape[dim] != 1 else only_b).append(dim)
            counts[dim] = 0
    a = a.sum(only_a, keepdim=True) if only_a else a
    b = b.sum(only_b, keepdim=True) if only_b else b
    return _sum_of_products(a, b, shared)


def _sum_of_products(left, right, summed: list):
    """``(left * right).sum(summed, keepdim=True)`` as one ``bmm``: torch's ``sumproduct_pair``."""
    if not summed:
        return left * right
    both, only_left, only_right, summed_size = [], [], [], 1
    for i in range(left.ndim):
        in_left, in_right = left.shape[i] != 1, right.shape[i] != 1
        if i in summed:
            if in_left and in_right:
                _check_match(left.shape[i], right.shape[i])
                summed_size *= left.shape[i]
            elif in_left:
                left = left.sum(i, keepdim=True)
            elif in_right:
                right = right.sum(i, keepdim=True)
        elif in_left and in_right:
            _check_match(left.shape[i], right.shape[i])
            both.append(i)
        else:
            (only_left if in_left else only_right).append(i)
    out_size = [left.shape[d] for d in both + only_left] + [1] * len(summed) + [right.shape[d] for d in only_right]
    both_size, left_size = _product_of_sizes(left, both), _product_of_sizes(left, only_left)
    right_size = _product_of_sizes(right, only_right)
    order = both + only_left + summed + only_right
    left = left.permute(order).reshape(both_size, left_size, summed_size)
    right = right.permute(both + summed + only_right + only_left).reshape(both_size, summed_size, right_size)
    back = [order.index(d) for d in range(len(order))]
    return bmm(left, right).view(*out_size).permute(back)


def _product_of_sizes(tensor, dims) -> int:
    total = 1
    for d in dims:
        total *= tensor.shape[d]
    return total


def _check_match(left: int, right: int) -> None:
    if left != right:
        raise RuntimeError("non-broadcast dimensions must match")
