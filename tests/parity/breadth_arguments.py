"""Arguments for the breadth programs, drawn from the tensor they apply to: dims, shapes, index expressions.

Each function takes a ``random.Random`` and the live torch tensor the argument is for, and returns Python
source. Mostly the argument is valid for that tensor; with a small probability it is not (a dim out of range,
an index past the end, a shape of the wrong size), so that torch's errors are drawn too.
"""

from __future__ import annotations

BAD = 0.06  # how often an argument is drawn to be wrong on purpose


def dim(rng, tensor, extra=0):
    """A dim of ``tensor`` (negative as often as not); ``extra=1`` allows the one past the end (unsqueeze)."""
    rank = max(tensor.dim(), 1) + extra
    if rng.random() < BAD:
        return rng.choice([rank, -rank - 1])
    return rng.randrange(-rank, rank)


def dims(rng, tensor):
    """A tuple of distinct dims (sometimes repeated on purpose, sometimes empty)."""
    rank = tensor.dim()
    if rank == 0 or rng.random() < BAD:
        return rng.choice(["()", "(0, 0)", "(0, -1)", "(0,)"])
    chosen = rng.sample(range(rank), rng.randint(1, rank))
    return "(" + ", ".join(str(d - rank if rng.random() < 0.4 else d) for d in chosen) + ",)"


def size_of(tensor, d):
    """The size of dim ``d`` (a 0-d tensor counts as one element)."""
    return tensor.shape[d] if tensor.dim() else 1


def reshape_target(rng, tensor):
    """A shape with ``tensor``'s element count, maybe with a -1; sometimes a wrong one."""
    count = tensor.numel()
    if rng.random() < BAD:
        return str((count + 1,))
    factors = [f for f in range(1, count + 1) if count % f == 0] or [1]
    first = rng.choice(factors)
    shape = [first, count // first] if count else [0, rng.choice([1, 2, 3])]
    if rng.random() < 0.3:
        shape.insert(rng.randrange(len(shape) + 1), 1)
    if rng.random() < 0.3 and count:
        shape = [count]
    if rng.random() < 0.4:
        shape[rng.randrange(len(shape))] = -1
    return "(" + ", ".join(map(str, shape)) + ",)"


def permutation(rng, tensor):
    """A permutation of the dims, written with some negative entries."""
    rank = tensor.dim()
    order = list(range(rank))
    rng.shuffle(order)
    if rng.random() < BAD:
        order = order[:-1] if order else [0]
    return ", ".join(str(d - rank if rng.random() < 0.3 else d) for d in order)


def expand_target(rng, tensor):
    """A shape ``tensor`` broadcasts to: new leading dims, size-1 dims grown, -1 kept."""
    sizes = [(rng.choice([2, 3]) if s == 1 and rng.random() < 0.6 else rng.choice([s, -1])) for s in tensor.shape]
    lead = [rng.choice([1, 2]) for _ in range(rng.randint(0, 2))]
    if rng.random() < BAD:
        sizes = [s + 1 for s in tensor.shape] or [2]
    return ", ".join(map(str, lead + sizes)) or "()"


def index_component(rng, tensor, d):
    """One entry of an index tuple for dim ``d``: an int, a slice, a list, a mask or a long tensor."""
    size = tensor.shape[d]
    kind = rng.choice(["int", "slice", "slice", "list", "mask", "long"])
    bad = rng.random() < BAD
    if kind == "int":
        return str(size if bad else rng.randrange(-size, size)) if size else "0"
    if kind == "slice":
        start = rng.choice(["", str(rng.randint(-size - 1, size + 1))])
        stop = rng.choice(["", str(rng.randint(-size - 1, size + 1))])
        step = rng.choice(["", "", ":2", ":3", ":0" if bad else ":1"])
        return f"{start}:{stop}{step}"
    if kind == "list":
        picks = [size if bad else rng.randrange(-size, size) for _ in range(rng.randint(1, 3))] if size else []
        return "[" + ", ".join(map(str, picks)) + "]" if picks else "[]"
    if kind == "mask":
        flags = [rng.random() < 0.5 for _ in range(size + (1 if bad else 0))]
        return f"torch.tensor({flags!r}, dtype=torch.bool)"
    picks = [rng.randrange(-size, size) if size else 0 for _ in range(rng.randint(0, 3))]
    return f"torch.tensor({picks!r}, dtype=torch.long)"


def index(rng, tensor, name):
    """An index expression for ``name[...]``: components per dim, with None and Ellipsis mixed in."""
    rank = tensor.dim()
    if rank == 0 or rng.random() < 0.08:
        return rng.choice(["...", "None", "()", f"{name} > 0", f"{name} != 0", "0"])
    used = rng.randint(1, rank)
    parts = [index_component(rng, tensor, d) for d in range(used)]
    if rng.random() < 0.3:
        parts.insert(rng.randrange(len(parts) + 1), "None")
    if rng.random() < 0.2 and used < rank:
        parts = ["..."] + [index_component(rng, tensor, d) for d in range(rank - used, rank)]
    return ", ".join(parts)


def as_strided_arguments(rng, tensor):
    """(size, stride, offset) inside ``tensor``'s storage, mostly; sometimes past its end."""
    length = tensor.untyped_storage().nbytes() // tensor.element_size()
    rank = rng.randint(0, 2)
    size = [rng.randint(1, 3) for _ in range(rank)]
    stride = [rng.randint(0, 2) for _ in range(rank)]
    reach = sum((s - 1) * st for s, st in zip(size, stride))
    room = length - 1 - reach
    offset = rng.randint(0, room) if room >= 0 and rng.random() > BAD else max(length, 1)
    return f"{tuple(size)}, {tuple(stride)}, {offset}"


def unflatten_sizes(rng, size):
    """Sizes whose product is ``size`` (one may be -1)."""
    pairs = [(a, size // a) for a in range(1, size + 1) if size % a == 0] or [(1, 0)]
    first, second = rng.choice(pairs)
    if rng.random() < 0.3:
        return f"({-1 if rng.random() < 0.5 else first}, {second})"
    if rng.random() < BAD:
        return f"({first + 1}, {second})"
    return f"({first}, {second})"


def broadcast_partner_shape(rng, shape):
    """A shape that broadcasts with ``shape`` (a trailing part, size-1 dims, or sometimes one that does not)."""
    shape = list(shape)
    keep = rng.randint(0, len(shape))
    tail = shape[len(shape) - keep:]
    tail = [1 if rng.random() < 0.3 else s for s in tail]
    if rng.random() < BAD and tail:
        tail[0] += 1
    return tuple(tail)
