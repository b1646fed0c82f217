"""Random programs over the breadth of the API, drawn while torch runs them, replayed on minitorch.

A second generator, independent of ``random_programs.py`` and ``alias_programs.py``: it draws each line from
the live torch tensors of the lines before (``breadth_families.py``), so dims, sizes and indices mostly fit
the tensor they apply to, and sometimes do not on purpose. Drawing runs the program on torch; the observations
made then are torch's side of the comparison, and ``Runner`` replays the same lines on minitorch.

Observed after every line (for the tensor it bound) and at the end (for every tensor): ``str``, shape,
strides (of dims longer than 1) and storage offset (of non-empty tensors), dtype, ``requires_grad``, ``is_leaf``,
``grad_fn`` name, ``_version``, ``.grad``;
the error type and text of a line that raises; which tensors share memory and which storage positions each
reaches (a write through one shows in the other).
"""

from __future__ import annotations

import random
import re
import warnings

import breadth_families as families
from random_programs import Program, Step

SHAPES = [(), (3,), (2, 3), (3, 1), (2, 2), (0,), (2, 0), (1, 3), (2, 1, 3), (2, 3, 2), (4,)]
LEAF_DTYPES = ["float32"] * 6 + ["float64", "int64", "int64", "bool", "int32", "uint8", "float16"]
FLOATS = [-2.0, -1.5, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 2.0, 3.0]
ADDRESS = re.compile(r"0x[0-9a-fA-F]+")


def _is_tensor(value):
    return hasattr(type(value), "untyped_storage")


def observe(value):
    """What a learner sees of ``value``: a tensor's printing, geometry and flags, or a plain value's repr."""
    if not _is_tensor(value):
        if isinstance(value, (bool, int, float, str, list, tuple, type(None))) or type(value).__name__ == "Size":
            return ADDRESS.sub("0x", repr(value))
        return type(value).__name__
    try:
        return (str(value), tuple(value.shape), *_geometry(value), str(value.dtype),
                value.requires_grad, value.is_leaf, value.grad_fn.name() if value.grad_fn else None,
                value._version, None if value.grad is None else str(value.grad))
    except Exception as exception:  # noqa: BLE001 - the error itself is compared
        return f"reading it raised {type(exception).__name__}: {ADDRESS.sub('0x', str(exception))}"


def _geometry(value):
    """Strides and storage offset, leaving out what reaches no memory: the stride of a dim of size 1, and both
    for an empty tensor (torch's kernels pick those freely; test_storage_parity.py checks the usual cases)."""
    if value.numel() == 0:
        return None, None
    return tuple(step if size > 1 else None for size, step in zip(value.shape, value.stride())), value.storage_offset()


def _positions(value):
    """The storage positions (in elements of its dtype) that ``value`` reaches, in order."""
    positions = [value.storage_offset()]
    for size, step in zip(value.shape, value.stride()):
        positions = [p + i * step for p in positions for i in range(size)]
    return positions


def layout(namespace, names):
    """For each non-empty tensor: the first name on the same storage and the positions it reaches."""
    owners, out = {}, {}
    for name in names:
        value = namespace[name]
        if _is_tensor(value) and value.numel():
            owner = owners.setdefault(value.untyped_storage().data_ptr(), name)
            out[name] = (owner, str(value.dtype), _positions(value))
    return out


class Runner:
    """Runs a program's lines one by one with ``torch`` bound to ``module``, recording what each shows."""

    def __init__(self, module):
        self.namespace = {"torch": module}
        self.results = []

    def run(self, step):
        """Run one line; on an error bind its target to the fallback. Records (error, observation)."""
        error = None
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                exec(compile(step.code, "<program>", "exec"), self.namespace)
            except Exception as exception:  # noqa: BLE001 - the error itself is compared
                error = (type(exception).__name__, ADDRESS.sub("0x", str(exception)))
                if step.target is not None:
                    self.namespace[step.target] = self.namespace[step.fallback]
            seen = observe(self.namespace[step.target]) if step.target else None
        self.results.append((error, seen))

    def finish(self, program):
        """The final observation of every bound name, then the memory layout."""
        names = list(dict.fromkeys(step.target for step in program.steps if step.target))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            final = {name: observe(self.namespace[name]) for name in names}
        return self.results, final, layout(self.namespace, names)


def replay(program, module):
    """Run the whole program on ``module``; the same triple as ``draw_program``'s observations."""
    runner = Runner(module)
    for step in program.steps:
        runner.run(step)
    return runner.finish(program)


def _literal(rng, shape, dtype):
    """Python source of a nested list of drawn values with the given shape (a number for shape ())."""
    if not shape:
        return repr(_value(rng, dtype))
    return "[" + ", ".join(_literal(rng, shape[1:], dtype) for _ in range(shape[0])) + "]"


def _value(rng, dtype):
    if dtype == "bool":
        return rng.random() < 0.5
    if dtype.startswith("float"):
        return rng.choice(FLOATS)
    return rng.randint(0, 4) if dtype == "uint8" else rng.randint(-3, 3)


def _leaf(rng, name):
    shape, dtype = rng.choice(SHAPES), rng.choice(LEAF_DTYPES)
    code = f"{name} = torch.tensor({_literal(rng, shape, dtype)}, dtype=torch.{dtype})"
    if dtype in ("float32", "float64") and rng.random() < 0.6:
        code = code[:-1] + ", requires_grad=True)"
        if rng.random() < 0.4:
            code += f"; {name} = {name} * 1"
    elif rng.random() < 0.15 and len(shape) == 2:
        code += ".t()"
    return Step(code, target=name)


def _tensor_names(runner, count):
    return [f"t{i}" for i in range(count) if _is_tensor(runner.namespace.get(f"t{i}"))]


def _line(rng, runner, index):
    names = _tensor_names(runner, index)
    a = names[-1] if rng.random() < 0.35 else rng.choice(names)
    b = rng.choice(names)
    pick = families.Pick(rng, a, runner.namespace[a], b, runner.namespace[b], f"t{index}")
    family = rng.choices(list(families.FAMILIES), weights=list(families.FAMILIES.values()))[0]
    code = family(pick)
    if f"{pick.t} = " not in code:
        code = f"{pick.t} = {code}"
    if rng.random() < 0.15:
        code = "with torch.no_grad(): " + code
    return Step(code, target=pick.t, fallback=a)


def _ending(rng, runner, count):
    """A backward from a tensor that requires grad (or, when none does, from any: torch's error)."""
    names = _tensor_names(runner, count)
    grads = [n for n in names if runner.namespace[n].requires_grad] or names
    root = rng.choice(grads)
    return Step(rng.choice([
        f"{root}.sum().backward()", f"{root}.backward(torch.ones_like({root}))", f"({root} * {root}).sum().backward()",
        f"{root}.float().mean().backward()", f"{root}.backward()",
    ]))


def draw_program(seed: int, torch):
    """The program for ``seed``, and torch's observations of it (drawing runs it on ``torch``)."""
    rng = random.Random(seed)
    runner, program = Runner(torch), Program()
    program.steps.append(Step("torch.manual_seed(0); torch.set_default_dtype(torch.float32)"))
    runner.run(program.steps[-1])
    leaves = rng.randint(1, 3)
    for index in range(leaves):
        program.steps.append(_leaf(rng, f"t{index}"))
        runner.run(program.steps[-1])
    for index in range(leaves, leaves + rng.randint(3, 9)):
        program.steps.append(_line(rng, runner, index))
        runner.run(program.steps[-1])
    program.steps.append(_ending(rng, runner, len(program.steps)))
    runner.run(program.steps[-1])
    return program, runner.finish(program)


def first_difference(program, expected, actual):
    """Where the minitorch run first differs from torch's, as text, or None."""
    for number, (step, want, got) in enumerate(zip(program.steps, expected[0], actual[0]), 1):
        if want != got:
            return f"line {number} `{step.code}`:\n  torch     {want}\n  minitorch {got}"
    for name, want in expected[1].items():
        if want != actual[1][name]:
            return f"{name} at the end:\n  torch     {want}\n  minitorch {actual[1][name]}"
    if expected[2] != actual[2]:
        for name in expected[2].keys() | actual[2].keys():
            if expected[2].get(name) != actual[2].get(name):
                return f"memory of {name}: torch {expected[2].get(name)}, minitorch {actual[2].get(name)}"
    return None
