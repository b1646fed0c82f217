"""The ``torch.<name>`` forms of the ops written before the tables: the same op, plus torch's ``out=`` keyword.

``torch.add(a, b, out=c)``, ``torch.matmul(a, b, out=c)``, ``torch.sum(x, 0, out=s)``... compute the op
as the Tensor method does, then write the result into ``out`` (cast to out's dtype, resized with torch's
warning when its shape differs), and return ``out`` itself; no graph is recorded through ``out=``, and
torch's error is raised when an argument requires grad. ``torch.add(5, 5)``: a Python number as the first
operand becomes a tensor, as torch's argument parser makes it one.
"""

from __future__ import annotations

from .._dtype import result_type
from .._factories import tensor
from . import arithmetic, join, linalg, pointwise, reduction
from . import softmax as softmax_ops
from ._out import check_out_grad, with_out
from ._util import is_tensor


def _as_operand(value):
    return value if is_tensor(value) else tensor(value)


def add(input, other, *, alpha=1, out=None):  # noqa: A002 (torch's argument names)
    """``input + alpha * other``, written into ``out`` when given."""
    return with_out("add", arithmetic.add, out, _as_operand(input), other, alpha)


def sub(input, other, *, alpha=1, out=None):  # noqa: A002
    """``input - alpha * other``, written into ``out`` when given."""
    return with_out("sub", arithmetic.sub, out, _as_operand(input), other, alpha)


def mul(input, other, *, out=None):  # noqa: A002
    """``input * other``, written into ``out`` when given."""
    return with_out("mul", arithmetic.mul, out, _as_operand(input), other)


def pow(input, exponent, *, out=None):  # noqa: A001, A002
    """``input ** exponent`` (a number base raised to a tensor too), written into ``out`` when given."""
    if not is_tensor(input):
        return with_out("pow", lambda base, power: arithmetic.rpow(power, base), out, input, exponent)
    return with_out("pow", arithmetic.pow, out, input, exponent)


def clamp(input, min=None, max=None, *, out=None):  # noqa: A001, A002
    """Values limited to ``[min, max]``, written into ``out`` when given."""
    return with_out("clamp", pointwise.clamp, out, input, min, max)


def _unary(name, op, **options):
    def torch_function(input, *, out=None):  # noqa: A002
        return with_out(name, op, out, input, **options)

    torch_function.__name__ = torch_function.__qualname__ = name
    torch_function.__doc__ = f"``torch.{name}(input, *, out=None)``: {op.__doc__}"
    return torch_function


def _binary(name, op, **options):
    def torch_function(input, other, *, out=None):  # noqa: A002
        if "_position" in options:  # maximum, minimum: only a tensor ``other``, checked before ``out=``
            pointwise.check_other_is_tensor(name, other, options["_position"])
        return with_out(name, op, out, input, other, **options)

    torch_function.__name__ = torch_function.__qualname__ = name
    torch_function.__doc__ = f"``torch.{name}(input, other, *, out=None)``: {op.__doc__}"
    return torch_function


exp, log, sqrt = _unary("exp", pointwise.exp), _unary("log", pointwise.log), _unary("sqrt", pointwise.sqrt)
abs = _unary("abs", pointwise.abs, keeps_dtype=True)  # noqa: A001
_neg = _unary("neg", arithmetic.neg, keeps_dtype=True)


def neg(input, *, out=None):  # noqa: A002
    """``torch.neg(input, *, out=None)``: ``-input`` (a bool tensor is refused before out='s dtype is checked)."""
    if getattr(input, "dtype", None) is not None and input.dtype.category == 0:
        return arithmetic.neg(input)  # raises torch's error for bools
    return _neg(input, out=out)
sigmoid, tanh = _unary("sigmoid", pointwise.sigmoid), _unary("tanh", pointwise.tanh)
reciprocal = _unary("reciprocal", arithmetic.reciprocal)
maximum = _binary("maximum", pointwise.maximum, _position=2)  # torch counts ``other`` as argument 2 here
minimum = _binary("minimum", pointwise.minimum, _position=2)
matmul, mm, bmm = _binary("matmul", linalg.matmul), _binary("mm", linalg.mm), _binary("bmm", linalg.bmm)
mv, dot = _binary("mv", linalg.mv), _binary("dot", linalg.dot)


def addmm(input, mat1, mat2, *, beta=1, alpha=1, out=None):  # noqa: A002
    """``beta * input + alpha * (mat1 @ mat2)``, written into ``out`` when given."""
    return with_out("addmm", lambda m, a, b: linalg.addmm(m, a, b, beta=beta, alpha=alpha), out, input, mat1, mat2)


def sum(input, dim=None, keepdim=False, *, dtype=None, out=None):  # noqa: A001, A002
    """The sum of all elements, or along ``dim``; written into ``out`` when given."""
    return with_out("sum", reduction.sum, out, input, dim, keepdim, dtype)


def mean(input, dim=None, keepdim=False, *, dtype=None, out=None):  # noqa: A002
    """The mean of all elements, or along ``dim`` (computed in ``dtype`` when given); ``out=`` as torch."""
    if dtype is not None and not dtype.is_floating_point:
        raise RuntimeError("mean(): could not infer output dtype. Optional dtype must be either a floating point or "
                           f"complex dtype. Got: {dtype.legacy_name}")

    def compute(x, dim, keepdim):
        return reduction.mean(x if dtype is None else x.to(dtype), dim, keepdim)

    return with_out("mean", compute, out, input, dim, keepdim)


def _check_join_out(name, tensors, out) -> None:
    """``out=`` of cat and stack: no input may require grad, and their common dtype must cast to out's."""
    check_out_grad(name, out, *tensors)
    if tensors and result_type(*tensors).category > out.dtype.category:
        raise TypeError(f"torch.cat(): input types can't be cast to the desired output type {out.dtype.legacy_name}")


def cat(tensors, dim=0, *, out=None):
    """Tensors joined along ``dim``, written into ``out`` when given."""
    if out is not None:
        tensors = list(tensors)
        _check_join_out("cat", tensors, out)
    return with_out("cat", join.cat, out, tensors, dim)


def stack(tensors, dim=0, *, out=None):
    """Tensors stacked along a new ``dim``, written into ``out`` when given."""
    if out is not None:
        tensors = list(tensors)
        _check_join_out("stack", tensors, out)
    return with_out("stack", join.stack, out, tensors, dim)


# torch.sin_(x), torch.relu_(x)...: the in-place method called as a function (torch exposes these at top level).
INPLACE_FUNCTIONS = ("abs_", "acos_", "acosh_", "arccos_", "arccosh_", "arcsin_", "arcsinh_", "arctan_",
                     "arctanh_", "asin_", "asinh_", "atan_", "atanh_", "ceil_", "clamp_", "clamp_max_",
                     "clamp_min_", "cos_", "cosh_", "deg2rad_", "detach_", "erf_", "erfc_", "exp2_", "exp_",
                     "expm1_", "fill_", "fix_", "floor_", "frac_", "log10_", "log1p_", "log2_", "log_", "logit_",
                     "nan_to_num_", "neg_", "negative_", "rad2deg_", "reciprocal_", "relu_", "round_", "rsqrt_",
                     "sigmoid_", "sin_", "sinc_", "sinh_", "sqrt_", "square_", "tan_", "tanh_", "trunc_", "xlogy_",
                     "zero_")


def inplace_function(name):
    """``torch.<name>(input, *args)``: ``input.<name>(*args)``."""
    def torch_function(input, *args, **kwargs):  # noqa: A002
        return getattr(input, name)(*args, **kwargs)

    torch_function.__name__ = torch_function.__qualname__ = name
    torch_function.__doc__ = f"``torch.{name}(input, ...)`` is ``input.{name}(...)``."
    return torch_function


def softmax(input, dim, dtype=None):  # noqa: A002
    """``torch.softmax``: probabilities along ``dim`` (computed in ``dtype`` when given)."""
    return softmax_ops.softmax(input if dtype is None else input.to(dtype), dim)


def log_softmax(input, dim, dtype=None):  # noqa: A002
    """``torch.log_softmax``: log-probabilities along ``dim`` (computed in ``dtype`` when given)."""
    return softmax_ops.log_softmax(input if dtype is None else input.to(dtype), dim)
