"""The families of the breadth programs: each draws one line of PyTorch over tensors that exist already.

A family is a function of a ``Pick`` (the random generator, two operand names and their live torch tensors,
the name to bind) returning one line of source. An expression is bound to ``pick.t`` by the caller; a line
that binds ``pick.t`` itself (``a[0] = 1; t = a``) is kept as it is.
"""

from __future__ import annotations

from dataclasses import dataclass

import breadth_arguments as arg

UNARY = [
    "abs", "neg", "exp", "log", "sqrt", "sin", "cos", "tan", "tanh", "sigmoid", "relu", "floor", "ceil",
    "round", "trunc", "frac", "sign", "reciprocal", "rsqrt", "expm1", "log1p", "log2", "log10", "erf", "square",
    "exp2", "asin", "atan", "sinh", "sgn", "logical_not", "bitwise_not", "isnan", "isfinite", "nan_to_num",
    "deg2rad", "sinc", "lgamma", "acosh", "erfinv", "positive", "signbit", "isinf", "logit",
]  # fmt: skip
BINARY = [
    "add", "sub", "mul", "div", "pow", "atan2", "fmod", "remainder", "maximum", "minimum", "fmax", "fmin",
    "hypot", "eq", "ne", "lt", "le", "gt", "ge", "logical_and", "logical_or", "logical_xor", "bitwise_and",
    "bitwise_or", "bitwise_xor", "floor_divide", "true_divide", "copysign", "xlogy", "rsub", "float_power",
]  # fmt: skip
OPERATORS = ["+", "-", "*", "/", "//", "%", "**", "&", "|", "^", "==", "<", ">=", "!="]
SCALARS = ["2", "-1", "0", "1.5", "-0.5", "True", "False", "3"]
REDUCTIONS = ["sum", "mean", "prod", "amax", "amin", "std", "var", "logsumexp", "all", "any", "norm",
              "count_nonzero"]
TUPLE_DIMS = {"sum", "mean", "amax", "amin", "std", "var", "logsumexp", "all", "any", "count_nonzero", "norm"}
DIM_ONLY = ["argmax", "argmin", "cumsum", "cumprod", "softmax", "log_softmax", "logcumsumexp"]
PAIRED = ["max", "min", "median", "mode", "sort", "cummax", "cummin", "kthvalue", "topk"]
DTYPES = ["float32", "float64", "int64", "int32", "bool", "float16", "uint8", "int8"]
CONVERSIONS = [".int()", ".long()", ".bool()", ".double()", ".half()", ".float()", ".byte()", ".short()"]


@dataclass
class Pick:
    """The random generator, operand names ``a``/``b`` with their torch tensors, and the name to bind."""

    rng: object
    a: str
    ta: object
    b: str
    tb: object
    t: str

    def choice(self, options):
        return self.rng.choice(options)


def _dtype(pick):
    return "torch." + pick.choice(DTYPES)


def _other(pick):
    """The second operand: the tensor ``b``, a Python scalar, or a 0-d tensor."""
    return pick.choice([pick.b, pick.b, pick.choice(SCALARS), f"torch.tensor({pick.choice(SCALARS)})"])


def unary(pick):
    """An element-wise function as a method, a torch function, in place, or with ``out=``."""
    name = pick.choice(UNARY)
    form = pick.choice(["method", "function", "inplace", "out", "out_existing"])
    if form == "method":
        return f"{pick.a}.{name}()"
    if form == "function":
        return f"torch.{name}({pick.a})"
    if form == "inplace":
        return f"{pick.a}.{name}_()"
    if form == "out":
        return f"{pick.t} = torch.empty(0, dtype={_dtype(pick)}); torch.{name}({pick.a}, out={pick.t})"
    return f"torch.{name}({pick.a}, out={pick.b}); {pick.t} = {pick.b}"


def binary(pick):
    """A two-operand function: tensor or scalar other, ``alpha=``, in place, ``out=``, operators."""
    name, other = pick.choice(BINARY), _other(pick)
    form = pick.choice(["method", "function", "inplace", "out", "operator", "reflected", "augmented"])
    extra = ", alpha=2" if name in ("add", "sub", "rsub") and pick.rng.random() < 0.3 else ""
    if name == "div" and pick.rng.random() < 0.3:
        extra = f", rounding_mode={pick.choice(['trunc', 'floor', None])!r}"
    if form == "method":
        return f"{pick.a}.{name}({other}{extra})"
    if form == "function":
        return f"torch.{name}({pick.a}, {other}{extra})"
    if form == "inplace":
        return f"{pick.a}.{name}_({other}{extra})"
    if form == "out":
        return f"{pick.t} = torch.empty(0, dtype={_dtype(pick)}); torch.{name}({pick.a}, {other}{extra}, out={pick.t})"
    operator = pick.choice(OPERATORS)
    if form == "operator":
        return f"{pick.a} {operator} {other}"
    if form == "reflected":
        return f"{pick.choice(SCALARS)} {operator} {pick.a}"
    operator = pick.choice(["+", "-", "*", "/", "//", "%", "&", "|", "**"])
    return f"{pick.a} {operator}= {other}; {pick.t} = {pick.a}"


def _dim_keywords(pick, name):
    """``dim=`` (an int or a tuple), ``keepdim=``, sometimes ``dtype=``, for reduction ``name``."""
    parts = []
    if pick.rng.random() < 0.75:
        dims = arg.dims(pick.rng, pick.ta) if name in TUPLE_DIMS and pick.rng.random() < 0.4 else arg.dim(
            pick.rng, pick.ta)
        parts.append(f"dim={dims}" if pick.rng.random() < 0.5 else str(dims))
        if pick.rng.random() < 0.5 and name != "count_nonzero":
            parts.append(f"keepdim={pick.rng.random() < 0.5}")
    if name in ("sum", "mean", "prod") and pick.rng.random() < 0.2:
        parts.append(f"dtype={_dtype(pick)}")
    return ", ".join(parts)


def reduction(pick):
    """A reduction over all elements or some dims, method or function form."""
    roll = pick.rng.random()
    if roll < 0.55:
        name = pick.choice(REDUCTIONS)
        keywords = _dim_keywords(pick, name)
        if name == "norm" and pick.rng.random() < 0.4:
            keywords = ", ".join(filter(None, [pick.choice(["1", "2", "float('inf')", "0", "3"]), keywords]))
        return pick.choice([f"{pick.a}.{name}({keywords})", f"torch.{name}({pick.a}{', ' if keywords else ''}"
                                                            f"{keywords})"])
    if roll < 0.75:
        name = pick.choice(DIM_ONLY)
        return f"{pick.a}.{name}({arg.dim(pick.rng, pick.ta)})"
    name = pick.choice(PAIRED)
    first = {"kthvalue": "1, ", "topk": "1, "}.get(name, "")
    keep = f", keepdim={pick.rng.random() < 0.5}" if name not in ("sort", "cummax", "cummin", "topk") else ""
    part = pick.choice([".values", ".indices", "[0]", "[1]"])
    if name in ("max", "min", "median") and pick.rng.random() < 0.3:
        return f"{pick.a}.{name}()"
    return f"{pick.a}.{name}({first}{arg.dim(pick.rng, pick.ta)}{keep}){part}"


def index_read(pick):
    """``a[index]`` with ints, slices with steps, None, Ellipsis, masks, lists and long tensors."""
    return f"{pick.a}[{arg.index(pick.rng, pick.ta, pick.a)}]"


def index_write(pick):
    """``a[index] = value`` with a number, a tensor or a 0-d tensor; or index_put_/masked_fill_/index_fill_."""
    value = pick.choice(["1.5", "-2", "True", pick.b, f"{pick.b}.sum()", "torch.tensor(7.)"])
    roll = pick.rng.random()
    if roll < 0.7:
        return f"{pick.a}[{arg.index(pick.rng, pick.ta, pick.a)}] = {value}; {pick.t} = {pick.a}"
    if roll < 0.8:
        return f"{pick.a}.masked_fill_({pick.b} > 0, {pick.choice(['0.5', '-1', 'torch.tensor(2.)'])})"
    if roll < 0.9:
        d = arg.dim(pick.rng, pick.ta)
        return f"{pick.a}.index_fill_({d}, torch.tensor([0]), {pick.choice(['-1', '2.5'])})"
    return f"{pick.a}.index_put_((torch.tensor([0, 0]),), {value}, accumulate={pick.rng.random() < 0.5})"


def view(pick):
    """One of the view ops of the tensor, with dims and sizes drawn for its shape."""
    rng, a, ta = pick.rng, pick.a, pick.ta
    d = arg.dim(rng, ta)
    size = arg.size_of(ta, d) if -max(ta.dim(), 1) <= d < max(ta.dim(), 1) else 1
    options = [
        f"{a}.view{arg.reshape_target(rng, ta)}", f"{a}.reshape{arg.reshape_target(rng, ta)}",
        f"{a}.transpose({d}, {arg.dim(rng, ta)})", f"{a}.permute({arg.permutation(rng, ta)})",
        f"{a}.expand({arg.expand_target(rng, ta)})", f"{a}.narrow({d}, {rng.randint(0, size)}, {rng.randint(0, 1)})",
        f"{a}.unfold({d}, {rng.randint(1, 2)}, {rng.randint(1, 2)})", f"{a}.t()", f"{a}.T", f"{a}.mT",
        f"{a}.diagonal({rng.randint(-1, 1)}, {arg.dim(rng, ta)}, {arg.dim(rng, ta)})",
        f"{a}.as_strided({arg.as_strided_arguments(rng, ta)})", f"{a}.flatten({d}, {arg.dim(rng, ta)})",
        f"{a}.unflatten({d}, {arg.unflatten_sizes(rng, size)})" if ta.dim() else f"{a}.squeeze({d})",
        f"{a}.squeeze({d})",
        f"{a}.squeeze({arg.dims(rng, ta)})", f"{a}.squeeze()", f"{a}.unsqueeze({arg.dim(rng, ta, extra=1)})",
        f"{a}.movedim({d}, {arg.dim(rng, ta)})", f"{a}.chunk({rng.randint(1, 3)}, {d})[{rng.choice([0, -1])}]",
        f"{a}.split({rng.randint(1, 2)}, {d})[{rng.choice([0, -1])}]", f"{a}.unbind({d})[0]",
        f"{a}.split([1, {size - 1}], {d})[1]", f"torch.swapaxes({a}, 0, {d})", f"{a}.view({_dtype(pick)})",
        f"{a}.contiguous()", f"{a}.unsqueeze_({arg.dim(rng, ta, extra=1)})", f"{a}.t_()",
        f"{a}.squeeze_({d})", f"{a}.view_as({pick.b})", f"{a}.reshape_as({pick.b})", f"{a}.expand_as({pick.b})",
    ]
    return pick.choice(options)


def conversion(pick):
    """dtype conversions and mixed-dtype arithmetic with Python numbers."""
    return pick.choice([
        f"{pick.a}.to({_dtype(pick)})", f"{pick.a}{pick.choice(CONVERSIONS)}", f"{pick.a}.type_as({pick.b})",
        f"{pick.a}.to({pick.b})", f"{pick.a}.to({_dtype(pick)}, copy=True)", f"{pick.a}.type({_dtype(pick)})",
        f"{pick.a} / 2", f"{pick.a} * 2.5", f"True + {pick.a}", f"{pick.a} + torch.tensor(1.5, dtype=torch.float64)",
        f"torch.result_type({pick.a}, {pick.b}); {pick.t} = {pick.a}",
    ])


def selection(pick):
    """where / masked_fill / clamp with numbers or tensors as bounds."""
    a, b = pick.a, pick.b
    return pick.choice([
        f"torch.where({a} > 0, {a}, {b})", f"torch.where({a} > 0, 1.0, 0.0)", f"torch.where({a} > 0, {a}, 0)",
        f"torch.where({a} != 0)[0]", f"{a}.masked_fill({a} < 0, {pick.choice(SCALARS)})",
        f"{a}.masked_fill({b} > 0, torch.tensor(-1.))", f"{a}.clamp({pick.choice(['-1', '0.5', 'None'])}, 1)",
        f"{a}.clamp(min={b})", f"{a}.clamp(max={b})", f"{a}.clamp_(-0.5, 0.5)", f"torch.clip({a}, max=0)",
        f"{a}.clamp()", f"{a}.clamp_min(0)", f"{a}.where({b} > 0, {b})", f"torch.where({a}.bool(), {a}, {b})",
    ])


def join(pick):
    """cat / stack (and friends) over a dim, with ``out=`` sometimes."""
    a, b, rng = pick.a, pick.b, pick.rng
    d = arg.dim(rng, pick.ta)
    return pick.choice([
        f"torch.cat([{a}, {b}], {d})", f"torch.cat(({a}, {a}), dim={d})", f"torch.stack([{a}, {b}], {d})",
        f"torch.stack([{a}, {a}], dim={arg.dim(rng, pick.ta, extra=1)})", f"torch.cat([{a}])",
        f"torch.hstack([{a}, {b}])", f"torch.vstack([{a}, {b}])", f"torch.cat([{a}, torch.tensor([])])",
        f"{pick.t} = torch.empty(0, dtype={_dtype(pick)}); torch.cat([{a}, {a}], out={pick.t})",
        f"torch.cat([{a}, {a}.double()], {d})", "torch.stack([])",
    ])


def matmul(pick):
    """The matrix product family on two tensors, or a tensor and its transpose."""
    a, b = pick.a, pick.b
    return pick.choice([
        f"{a} @ {b}", f"torch.matmul({a}, {b})", f"{a}.mm({b})", f"{a} @ {a}.mT", f"torch.mv({a}, {b})",
        f"torch.dot({a}, {b})", f"torch.outer({a}.flatten(), {b}.flatten())", f"{a}.matmul({a}.transpose(-1, -2))",
        f"torch.bmm({a}, {b})", f"torch.addmm({b}, {a}, {a}.t())", f"{a} @ {a}", f"{a}.flatten() @ {a}.flatten()",
        f"torch.nn.functional.scaled_dot_product_attention({a}, {b}, {b})",
        f"torch.nn.functional.scaled_dot_product_attention({a}, {a}, {a}, is_causal=True)",
        f"torch.nn.functional.scaled_dot_product_attention({a}, {a}, {b}, attn_mask={b} > 0)",
    ])


def factory(pick):
    """Factory functions with keywords, ``*_like`` and ``new_*``; random ones after a seed."""
    a, rng = pick.a, pick.rng
    dtype, grad = _dtype(pick), f"requires_grad={rng.random() < 0.5}"
    shape = pick.choice(["2, 3", "(3,)", "()", "0", "[2, 1]", "size=(1, 2)", "-1"])
    return pick.choice([
        f"torch.zeros({shape}, dtype={dtype})", f"torch.ones({shape}, {grad})", f"torch.full((2,), 1.5, {grad})",
        f"torch.full((2, 2), 3, dtype={dtype})", f"torch.arange({rng.randint(0, 6)}, dtype={dtype})",
        f"torch.arange(0, 2, 0.5, {grad})", f"torch.linspace(0, 1, {rng.randint(1, 5)})", "torch.eye(2, 3)",
        f"torch.zeros_like({a}, dtype={dtype})", f"torch.ones_like({a}, {grad})", f"torch.full_like({a}, 2.5)",
        f"{a}.new_ones(2, 2)", f"{a}.new_zeros((3,), {grad})", f"{a}.new_full((2,), -1)",
        f"{a}.new_tensor([1, 2])", f"torch.manual_seed({rng.randint(0, 9)}); {pick.t} = torch.rand(2, 3)",
        f"torch.manual_seed({rng.randint(0, 9)}); {pick.t} = torch.randn(3, {grad})",
        f"torch.manual_seed({rng.randint(0, 9)}); {pick.t} = torch.randint(0, 5, (2, 2))",
        f"torch.tensor({a})", f"torch.as_tensor({a}, dtype={dtype})", f"torch.empty_like({a}).fill_(1)",
    ])


def autograd(pick):
    """requires_grad / detach / clone / copy_ / .data and friends."""
    a, b = pick.a, pick.b
    return pick.choice([
        f"{a}.requires_grad_()", f"{a}.requires_grad_(False)", f"{a}.detach()", f"{a}.clone()", f"{a}.detach_()",
        f"{a}.copy_({b})", f"{a}.data", f"{a}.clone().requires_grad_()", f"{a}.detach().requires_grad_()",
        f"{a}.clone(memory_format=torch.contiguous_format)", f"{a}.copy_({b}.double())", f"{a}.fill_({b}.sum())",
        f"{a}.zero_()", f"{a}.fill_(2)", f"{a} * 1", f"{a}.retain_grad(); {pick.t} = {a}",
        f"{a}.item()", f"{a}.tolist()", f"{a}.sum().item()", f"{a}.size()", f"{a}.stride()",
    ])


FAMILIES = {
    unary: 4, binary: 4, reduction: 3, index_read: 3, index_write: 2, view: 5, conversion: 2, selection: 2,
    join: 1, matmul: 1, factory: 1, autograd: 2,
}
