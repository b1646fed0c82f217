"""Small random PyTorch programs for the random-graph parity test: what they are and how they are drawn.

A program is a list of one-line PyTorch statements over tensors named ``t0``, ``t1``, ...: first the
leaves (``t0 = torch.tensor([...], requires_grad=True)``), then steps that each bind one new name
(``t3 = t1 * t0``, ``t4 = t2.add_(1.5)``, ``t0 += t1; t5 = t0``, optionally inside ``torch.no_grad()``),
and finally ``tK.sum().backward()`` (sometimes twice). Its ``repr`` is the script itself, so a failing
example reads as a PyTorch program that can be pasted and run.
"""

from dataclasses import dataclass, field

from hypothesis import strategies as st

SHAPES = [(), (3,), (2, 3), (2, 1), (1, 3), (3, 2)]
FLOAT_VALUES = [-2.0, -1.5, -1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 2.0, 3.0]
INT_VALUES = [-2, -1, 0, 1, 2, 3]

# Expressions of one tensor {a}: arithmetic with Python scalars in both orders, pointwise ops,
# reductions, views and copies.
UNARY = [
    "{a} + 2", "2 + {a}", "{a} - 1.5", "1 - {a}", "{a} * 3", "0.5 * {a}", "{a} / 2", "2 / {a}",
    "-{a}", "{a} ** 2", "{a} ** 0.5", "2 ** {a}", "{a}.pow(3)",
    "{a}.exp()", "{a}.log()", "{a}.sqrt()", "{a}.abs()", "{a}.sigmoid()", "{a}.tanh()", "{a}.relu()",
    "torch.exp({a})", "torch.sigmoid({a})", "torch.relu({a})",
    "{a}.clamp(-1.0, 1.0)", "{a}.clamp(min=0.5)", "torch.clamp({a}, max=0.0)",
    "{a}.sum()", "{a}.sum(0)", "{a}.sum(-1, keepdim=True)", "{a}.mean()", "{a}.mean(0, keepdim=True)",
    "{a}.max()", "torch.sum({a})",
    "{a}.reshape(-1)", "{a}.view(-1)", "{a}.reshape(3, -1)", "{a}.t()", "{a}.transpose(0, -1)",
    "{a}.permute(1, 0)", "{a}.unsqueeze(0)", "{a}.squeeze()", "{a}.squeeze(-1)", "{a}.expand(2, 3)",
    "{a}[0]", "{a}[1:]", "{a}[:, 0]", "{a}[-1, 1:]", "{a}[[0, 0]]", "{a}[torch.tensor([1, 0])]",
    "{a}.detach()", "{a}.clone()", "{a}.detach().clone()", "{a}.data",
]  # fmt: skip

# Expressions of two tensors {a} and {b}: broadcasting arithmetic, matrix products, joins.
BINARY = [
    "{a} + {b}", "{a} - {b}", "{a} * {b}", "{a} / {b}", "{a} ** {b}", "{a}.add({b}, alpha=2)",
    "{a} @ {b}", "torch.mm({a}, {b})", "torch.cat([{a}, {b}])", "torch.cat([{a}, {b}], dim=-1)",
    "torch.stack([{a}, {b}])", "torch.add({a}, {b})",
]  # fmt: skip

# In-place methods: they return the tensor they modified, so ``tK = <expression>`` still works.
INPLACE = [
    "{a}.add_(1.5)", "{a}.add_({b})", "{a}.sub_({b})", "{a}.mul_(2)", "{a}.mul_({b})", "{a}.div_(2)",
    "{a}.zero_()", "{a}.fill_(0.5)", "{a}.clamp_(-1, 1)", "{a}.sigmoid_()", "{a}.copy_({b})",
    "{a}.detach_()", "{a}.requires_grad_()",
]  # fmt: skip

# Statements that return nothing; the step then binds its name to {a}: ``t0 += t1; t5 = t0``.
STATEMENTS = [
    "{a} += {b}", "{a} -= 1", "{a} *= {b}", "{a} /= 2", "{a}[0] = 2.0", "{a}[0] = {b}", "{a}[:, 1:] = 0.0",
    "{a}.retain_grad()",
]  # fmt: skip


@dataclass
class Step:
    """One line of a program; ``target`` is the name it binds (None for backward lines).

    When the line raises, ``target`` is bound to ``fallback`` instead, so later lines still run.
    """

    code: str
    target: str | None = None
    fallback: str | None = None


@dataclass
class Program:
    """A drawn program: its steps in order. ``repr`` gives the runnable script."""

    steps: list[Step] = field(default_factory=list)

    def __repr__(self):
        return "\n" + "\n".join(step.code for step in self.steps) + "\n"


def _nested_literal(shape, values):
    """Python source for a nested list of ``values`` with the given shape (a scalar for shape ())."""
    if not shape:
        return repr(values[0])
    size = len(values) // shape[0]
    return "[" + ", ".join(_nested_literal(shape[1:], values[i * size : (i + 1) * size]) for i in range(shape[0])) + "]"


@st.composite
def leaf_steps(draw, name):
    """A leaf: a float32 (often requiring grad), float64 or int64 tensor of a small shape."""
    shape = draw(st.sampled_from(SHAPES))
    count = 1
    for size in shape:
        count *= size
    kind = draw(st.sampled_from(["float32", "float32", "float32", "float32", "float64", "int64"]))
    pool = INT_VALUES if kind == "int64" else FLOAT_VALUES
    values = draw(st.lists(st.sampled_from(pool), min_size=count, max_size=count))
    arguments = [_nested_literal(shape, values)]
    if kind == "float64":
        arguments.append("dtype=torch.float64")
    if kind != "int64" and draw(st.booleans()):
        arguments.append("requires_grad=True")
    return Step(f"{name} = torch.tensor({', '.join(arguments)})", target=name)


@st.composite
def op_steps(draw, name, pool_size):
    """One operation on earlier tensors, binding ``name``; sometimes inside ``torch.no_grad()``."""
    kind = draw(st.sampled_from(["unary"] * 4 + ["binary"] * 3 + ["inplace"] * 2 + ["statement"]))
    operand = st.integers(0, pool_size - 1).map(lambda index: f"t{index}")
    a, b = draw(operand), draw(operand)
    if kind == "statement":
        code = draw(st.sampled_from(STATEMENTS)).format(a=a, b=b) + f"; {name} = {a}"
    else:
        templates = {"unary": UNARY, "binary": BINARY, "inplace": INPLACE}[kind]
        code = f"{name} = " + draw(st.sampled_from(templates)).format(a=a, b=b)
    if draw(st.integers(0, 5)) == 0:
        code = "with torch.no_grad(): " + code
    return Step(code, target=name, fallback=a)


@st.composite
def programs(draw, max_leaves=3, max_ops=7):
    """A whole program: leaves, operations, then one or two ``.sum().backward()`` calls."""
    program = Program()
    leaf_count = draw(st.integers(1, max_leaves))
    for index in range(leaf_count):
        program.steps.append(draw(leaf_steps(f"t{index}")))
    for index in range(leaf_count, leaf_count + draw(st.integers(1, max_ops))):
        program.steps.append(draw(op_steps(f"t{index}", pool_size=index)))
    pool = st.integers(0, len(program.steps) - 1)
    root = draw(pool)
    if draw(st.booleans()):
        program.steps.append(Step(f"t{root}.sum().backward()"))
    else:
        program.steps.append(Step(f"t{root}.sum().backward(retain_graph=True)"))
        program.steps.append(Step(f"t{draw(pool)}.sum().backward()"))
    return program
