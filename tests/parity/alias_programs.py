"""Random programs about memory sharing, for the alias parity test: writes through views, ``detach()`` and
``.data`` aliases read back through the base, ``no_grad`` views, bool / int / 0-d / empty tensors.

A program is a list of ``Step``s (``random_programs.Step``) over tensors ``t0``, ``t1``...; it is drawn from a
seed with ``random.Random`` (fast and reproducible: the seed names the program). ``ENGINE_FAMILIES`` draws
what exercises the autograd engine's own checks (hooks that misbehave, ``.grad`` / ``requires_grad``
assignments, backward twice, ``autograd.grad`` then backward); ``draw_program(seed, engine=True)`` adds them.
"""

from __future__ import annotations

import random

from random_programs import Program, Step

SHAPES = [(), (3,), (2, 3), (3, 1), (2, 2), (0,), (2, 0), (1, 3)]
DTYPES = ["float32", "float32", "float32", "float64", "int64", "bool"]
FLOATS = [-2.0, -1.0, -0.5, 0.0, 0.5, 1.0, 2.0]

# Each family maps to templates of one new tensor from {a} (and {b}); a ``;`` statement binds {a} after it.
FAMILIES = {
    "view": [
        "{a}[0]", "{a}[:, 1]", "{a}[1:]", "{a}[-1:]", "{a}[..., 0]", "{a}[None]", "{a}[...]", "{a}[()]",
        "{a}[:, :1]", "{a}.t()", "{a}.view(-1)", "{a}.reshape(-1)", "{a}.unsqueeze(0)", "{a}.squeeze()",
        "{a}.flatten()", "{a}.expand(2, -1)", "{a}.expand(3, 2, -1)", "{a}.transpose(0, -1)", "{a}[::2]",
        "{a}.permute(*reversed(range({a}.dim())))", "{a}.unbind(0)[0]",
    ],
    "alias": [
        "{a}.detach()", "{a}.data", "{a}.clone()", "{a}.contiguous()", "{a}.t().contiguous()",
        "{a}.detach()[0]", "{a}[0].detach()", "{a}.t()[1:].detach()", "{a}.expand(2, -1).detach()",
        "{a}[[0, 0]]", "{a}[{a} > 0]", "{a}.t().clone()",
    ],
    "write": [
        "{a}.add_(1)", "{a}.mul_({b})", "{a}.zero_()", "{a}.fill_(2.5)", "{a}.fill_(True)", "{a}.copy_({b})",
        "{a}.clamp_(0, 1)", "{a}.sigmoid_()", "{a}.sub_({b}, alpha=2)", "{a}.data.add_(1); {t} = {a}",
        "{a}.detach().mul_(2); {t} = {a}", "{a}[0] = 7.; {t} = {a}", "{a}[...] = {b}; {t} = {a}",
        "{a}[:] = 3; {t} = {a}", "{a}[[0]] = 1.; {t} = {a}", "{a} += {b}; {t} = {a}", "{a}[:, 0] = {b}; {t} = {a}",
        "{a}[[1, 0]] = {a}; {t} = {a}", "{a}[None] = {a}; {t} = {a}", "{a}.copy_(3.0)", "{a}.zero_().add_({a})",
        "{a}[0].copy_({b}); {t} = {a}",
    ],
    "arith": [
        "{a} * 2", "{a} + {b}", "{a} - {b}", "-{a}", "abs({a})", "torch.add({a}, {b}, alpha=2)", "{a}.sum()",
        "{a} * {a}", "{a}.exp()", "{a} - True", "torch.add({a}, {b}, alpha=2.5)", "{a}.float()",
    ],
    "grad_mode": [
        "{a}.requires_grad_()", "{a}.detach_()", "{a}.retain_grad(); {t} = {a}",
    ],
}
# ``{a}.grad_fn;`` before ``register_hook``: torch 2.13 crashes (a segmentation fault) registering a hook on a view
# whose grad_fn is stale (its base changed in place or started requiring grad) until grad_fn is read once.
ENGINE_FAMILIES = {
    "engine": [
        "{a}.requires_grad = True; {t} = {a}", "{a}.requires_grad = False; {t} = {a}",
        "{a}.grad = None; {t} = {a}", "{a}.grad = torch.ones_like({a}); {t} = {a}",
        "{a}.grad = {b}; {t} = {a}", "{a}.data = {b}; {t} = {a}",
        "{a}.grad_fn; {a}.register_hook(lambda g: g * 2); {t} = {a}",
        "{a}.grad_fn; {a}.register_hook(lambda g: g[:1]); {t} = {a}",
        "{a}.grad_fn; {a}.register_hook(lambda g: g.double()); {t} = {a}",
        "{a}.grad_fn; {a}.register_hook(lambda g: None); {t} = {a}",
        "{a}.sum().backward(); {t} = {a}", "{a}.sum().backward(retain_graph=True); {t} = {a}",
        "{t} = torch.autograd.grad({a}.sum(), [{b}])[0]",
        "{t} = torch.autograd.grad({a}.sum(), [{b}], allow_unused=True, retain_graph=True)[0]",
    ],
    "engine_checks": [
        "{a}.grad = {a}; {t} = {a}", "{a}.grad = {a}.double(); {t} = {a}", "{a}.grad = torch.zeros(5); {t} = {a}",
        "{a}.grad = 1.0; {t} = {a}", "{a}.grad = {a}.detach().t(); {t} = {a}",
        "{a}.data = {a}.double(); {t} = {a}", "{a}.data = {a} > 0; {t} = {a}", "{a}.data = {a}.long(); {t} = {a}",
        "{t} = {a} * {a}; {a}.detach_()", "{t} = {a}.sigmoid(); {t}.detach_()",
        "{t} = {a}.exp(); {t}.sum().backward(); {t}.sum().backward()",
        "{t} = {a}.exp(); {t}.sum().backward(retain_graph=True); {t}.sum().backward()",
        "{t} = torch.autograd.grad({a}.sum(), [{b}, {b}], allow_unused=True, retain_graph=True)[1]",
        "{a}.sum().backward(inputs=[{b}], retain_graph=True); {t} = {b}",
        "{t} = {a} * 2; {t}.sum().backward(inputs=[{t}], retain_graph=True)",
        "{a}.retain_grad(); {a}.mul_(2); {t} = {a}",
        "{a}.grad_fn; {a}.register_hook(lambda g: 1.0); {t} = {a}",
        "{a}.grad_fn; {a}.register_hook(lambda g: g.t()); {t} = {a}",
        "{a}[1:].copy_({a}[:-1]); {t} = {a}", "{a}.t().copy_({a}); {t} = {a}",
        "{t} = {a}[0]; {a}.requires_grad_()",
    ],
}


def _values(rng, count, dtype):
    if dtype == "bool":
        return [rng.choice([True, False]) for _ in range(count)]
    if dtype == "int64":
        return [rng.randint(-2, 3) for _ in range(count)]
    return [rng.choice(FLOATS) for _ in range(count)]


def _nested(shape, values):
    """Python source for a nested list of ``values`` with the given (non-empty) shape."""
    if not shape:
        return repr(values[0])
    size = len(values) // shape[0]
    return "[" + ", ".join(_nested(shape[1:], values[i * size:(i + 1) * size]) for i in range(shape[0])) + "]"


def _leaf(rng, name):
    """A leaf of a drawn shape and dtype; floats often require grad, and often get a non-leaf copy."""
    shape, dtype = rng.choice(SHAPES), rng.choice(DTYPES)
    count = 1
    for size in shape:
        count *= size
    if count == 0:
        code = f"{name} = torch.zeros({', '.join(map(str, shape))}, dtype=torch.{dtype})"
    else:
        code = f"{name} = torch.tensor({_nested(shape, _values(rng, count, dtype))}, dtype=torch.{dtype})"
    if dtype.startswith("float") and rng.random() < 0.6:
        code += ".requires_grad_()"
        if rng.random() < 0.6:  # most writes go to a tensor that is not a leaf requiring grad
            code += f"; {name} = {name} * 1"
    return Step(code, target=name)


def _step(rng, name, pool, families, leaves):
    family = rng.choice(list(families))
    template = rng.choice(families[family])
    # A write reads {b} from a leaf: when {b} is a view overlapping {a} in a way torch cannot check, torch's
    # result depends on the order its loops visit elements (undefined; minitorch reads the old values).
    a, b = f"t{rng.randrange(pool)}", f"t{rng.randrange(leaves if family == 'write' else pool)}"
    code = template.format(a=a, b=b, t=name)
    if "{t}" not in template:
        code = f"{name} = {code}"
    if rng.random() < 0.2:
        code = "with torch.no_grad(): " + code
    return Step(code, target=name, fallback=a)


def _ending(rng, count):
    root = f"t{rng.randrange(count)}"
    steps = [Step(f"{root}.sum().backward(retain_graph=True)")]
    if rng.random() < 0.3:
        steps.append(Step(f"t{rng.randrange(count)}.sum().backward()"))
    return steps


def draw_program(seed: int, engine: bool = False) -> Program:
    """The program for ``seed``: 1-3 leaves, 2-8 steps, then one or two backward calls."""
    rng = random.Random(seed)
    families = dict(FAMILIES, **ENGINE_FAMILIES) if engine else FAMILIES
    program = Program()
    leaves = rng.randint(1, 3)
    for index in range(leaves):
        program.steps.append(_leaf(rng, f"t{index}"))
    for index in range(leaves, leaves + rng.randint(2, 8)):
        program.steps.append(_step(rng, f"t{index}", index, families, leaves))
    program.steps.extend(_ending(rng, len(program.steps)))
    return program
