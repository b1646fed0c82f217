"""Element-wise ops with extra arguments: clamp_min/max, lerp, addcmul, addcdiv, round(decimals=), square,
float_power, nan_to_num, logit. Each beside its backward Node; div's rounding modes are in ``division.py``."""

from __future__ import annotations

import numpy as np

from .._dtype import float64, get_default_dtype, result_type
from ..autograd import node as _node
from ..autograd.node import Node, record, unbroadcast
from . import arithmetic, copy
from ._formulas import number_minus, number_over, on_tensors, scale, where, zeros_like
from ._out import require_tensor, with_out
from ._util import binary_operands, elementwise_result, is_tensor, values
from .elementwise_math import round_whole


class ClampMinBackward0(Node):
    """d/dx max(x, min) = 1 where x >= min, else 0."""

    double_backward = True

    def apply(self, grad):
        return (where(self.unpack("self") >= self._saved_min, grad, 0),)


class ClampMaxBackward0(Node):
    """d/dx min(x, max) = 1 where x <= max, else 0."""

    double_backward = True

    def apply(self, grad):
        return (where(self.unpack("self") <= self._saved_max, grad, 0),)


def clamp_min(input, min, *, out=None):  # noqa: A002
    """``max(input, min)`` element-wise, for a number ``min``."""
    def compute(a, low):
        dtype = result_type(a, low)
        return record(ClampMinBackward0, np.maximum(values(a, dtype), low).astype(dtype.numpy), (a,),
                      saved={"self": a}, attrs={"min": low})
    return with_out("clamp_min", compute, out, input, min)


def clamp_max(input, max, *, out=None):  # noqa: A002
    """``min(input, max)`` element-wise, for a number ``max``."""
    def compute(a, high):
        dtype = result_type(a, high)
        return record(ClampMaxBackward0, np.minimum(values(a, dtype), high).astype(dtype.numpy), (a,),
                      saved={"self": a}, attrs={"max": high})
    return with_out("clamp_max", compute, out, input, max)


class LerpBackward0(Node):
    """d/dstart = 1 - weight, d/dend = weight (a number weight)."""

    double_backward = True

    def apply(self, grad):
        w = self._saved_weight
        return (unbroadcast(scale(grad, 1 - w, skip_one=False), self.input_shape(0)),
                unbroadcast(scale(grad, w, skip_one=False), self.input_shape(1)))


class LerpBackward1(Node):
    """d/dstart = 1 - weight, d/dend = weight, d/dweight = end - start."""

    double_backward = True

    def apply(self, grad):
        start, end, w = self.unpack("self"), self.unpack("end"), self.unpack("weight")
        meta = self._input_meta
        return (unbroadcast(grad * number_minus(1, w), meta[0][0]), unbroadcast(grad * w, meta[1][0]),
                unbroadcast(grad * (end - start), meta[2][0]))


def _lerp_values(start, end, weight):
    """torch's formula: from ``start`` when weight < 0.5, from ``end`` otherwise (exact at both ends)."""
    diff = end - start
    return np.where(np.abs(weight) < 0.5, start + weight * diff, end - diff * (1 - weight)).astype(diff.dtype)


_CPP_TYPE_NAMES = {"float32": "float", "float64": "double", "float16": "c10::Half", "int64": "long int", "int32": "int",
                   "int16": "short int", "int8": "signed char", "uint8": "unsigned char", "bool": "bool"}


def _check_lerp_dtypes(a, b, w):
    """lerp does not promote: end (and a tensor weight) must have input's dtype."""
    for name, other in (("end", b), ("weight", w)):
        if is_tensor(other) and other.dtype is not a.dtype:
            raise RuntimeError(f"expected dtype {_CPP_TYPE_NAMES[a.dtype.name]} for `{name}` but got dtype "
                               f"{_CPP_TYPE_NAMES[other.dtype.name]}")


def lerp(input, end, weight, *, out=None):  # noqa: A002
    """``input + weight * (end - input)``; ``weight`` is a number or a tensor."""
    def compute(a, b, w):
        _check_lerp_dtypes(a, b, w)
        x, y, dtype = binary_operands(a, b)
        if not dtype.is_floating_point:
            raise NotImplementedError(f"\"lerp_kernel_scalar\" not implemented for '{dtype.legacy_name}'")
        if is_tensor(w):
            return record(LerpBackward1, elementwise_result(_lerp_values(x, y, w._data), a, b, w), (a, b, w),
                          saved={"self": a, "end": b, "weight": w})
        out = elementwise_result(_lerp_values(x, y, np.asarray(w, x.dtype)), a, b)
        return record(LerpBackward0, out, (a, b), attrs={"weight": w})
    return with_out("lerp", compute, out, input, end, weight)


class AddcmulBackward0(Node):
    """d/dinput = 1, d/dt1 = value * t2, d/dt2 = value * t1."""

    double_backward = True

    def apply(self, grad):
        t1, t2, v, meta = self.unpack("tensor1"), self.unpack("tensor2"), self._saved_value, self._input_meta
        return (unbroadcast(grad, meta[0][0]), unbroadcast(grad * scale(t2, v, skip_one=False), meta[1][0]),
                unbroadcast(grad * scale(t1, v, skip_one=False), meta[2][0]))


class AddcdivBackward0(Node):
    """d/dinput = 1, d/dt1 = value / t2, d/dt2 = -value * t1 / t2**2."""

    double_backward = True

    def apply(self, grad):
        t1, t2, v, meta = self.unpack("tensor1"), self.unpack("tensor2"), self._saved_value, self._input_meta
        return (unbroadcast(grad, meta[0][0]), unbroadcast(grad * number_over(v, t2), meta[1][0]),
                unbroadcast(-grad * (scale(t1, v, skip_one=False) / (t2 * t2)), meta[2][0]))


def _addc(node, combine, a, t1, t2, value):
    dtype = result_type(a, t1, t2)
    x, p, q = values(a, dtype), values(t1, dtype), values(t2, dtype)
    with np.errstate(all="ignore"):
        out = elementwise_result((x + combine(np.asarray(value, dtype.numpy) * p, q)).astype(dtype.numpy), a, t1, t2)
    return record(node, out, (a, t1, t2), saved={"tensor1": t1, "tensor2": t2}, attrs={"value": value})


def addcmul(input, tensor1, tensor2, *, value=1, out=None):  # noqa: A002
    """``input + value * tensor1 * tensor2``."""
    return with_out("addcmul", _addc, out, AddcmulBackward0, np.multiply, input, tensor1, tensor2, value)


def addcdiv(input, tensor1, tensor2, *, value=1, out=None):  # noqa: A002
    """``input + value * tensor1 / tensor2``."""
    return with_out("addcdiv", _addc, out, AddcdivBackward0, np.divide, input, tensor1, tensor2, value)


class RoundBackward1(Node):
    """round(x, decimals) is piecewise constant: d/dx = 0."""

    double_backward = True

    def apply(self, grad):
        return (zeros_like(grad),)


def round(input, *, decimals=0, out=None):  # noqa: A001, A002
    """Round half to even; ``decimals`` rounds to that many places (negative: to tens, hundreds...)."""
    if decimals == 0:
        return round_whole(input, out=out)

    def compute(a):
        if not a.dtype.is_floating_point:
            raise NotImplementedError(f"\"round_cpu\" not implemented for '{a.dtype.legacy_name}'")
        ten = np.asarray(10.0 ** abs(decimals), a._data.dtype)
        x = a._data
        out_data = np.rint(x * ten) / ten if decimals > 0 else np.rint(x / ten) * ten
        return record(RoundBackward1, out_data.astype(x.dtype), (a,))
    return with_out("round", compute, out, input)


def square(input, *, out=None):  # noqa: A002
    """``input ** 2`` (recorded as ``PowBackward0``); bools square to int64."""
    def compute(a):
        return arithmetic.pow(copy.to(a, result_type(a, 2)) if a.dtype.category == 0 else a, 2)
    return with_out("pow", compute, out, input)  # torch's square is pow: its errors say so


def float_power(input, exponent, *, out=None):  # noqa: A002
    """``input ** exponent`` computed in float64 (both operands are converted first)."""
    if out is not None and out.dtype is not float64:
        raise RuntimeError(f"the output given to float_power has dtype {out.dtype.legacy_name} but the operation's "
                           "result requires dtype Double")

    def compute(a, b):
        b = copy.to(b, float64) if is_tensor(b) else float(b)
        return arithmetic.pow(copy.to(a, float64), b)
    return with_out("float_power", compute, out, input, exponent)


class NanToNumBackward0(Node):
    """d/dx nan_to_num(x) = 1 where x is finite, else 0."""

    double_backward = True

    def apply(self, grad):
        x = self.unpack("self")
        return (grad * (x.isfinite() if on_tensors(x) else np.isfinite(x)),)


def nan_to_num(input, nan=0.0, posinf=None, neginf=None, *, out=None):  # noqa: A002
    """Replace nan by ``nan``, +inf by ``posinf`` and -inf by ``neginf`` (default: the dtype's extremes)."""
    require_tensor("nan_to_num", input)
    if out is not None and out.dtype is not input.dtype:
        raise RuntimeError(f"nan_to_num: dtype of out: {out.dtype.legacy_name} should be same as input: "
                           f"{input.dtype.legacy_name}")

    def compute(a):
        data = a._data if not a.dtype.is_floating_point else np.nan_to_num(a._data, nan=nan, posinf=posinf,
                                                                             neginf=neginf)
        return record(NanToNumBackward0, data.copy(), (a,), saved={"self": a})
    return with_out("nan_to_num", compute, out, input)


class LogitBackward0(Node):
    """d/dx log(x / (1 - x)) = 1 / (x (1 - x)); 0 outside [eps, 1 - eps] when eps is given."""

    double_backward = True

    def apply(self, grad):
        x, eps = self.unpack("self"), self._saved_eps
        if on_tensors(grad):
            return (_recorded_logit_gradient(grad, x, eps),)
        with np.errstate(all="ignore"):
            slope = grad / (x * (1 - x))
            if eps is None:  # at 0 and 1 exactly: grad * inf, whatever the sign of zero
                slope = np.where((x == 0) | (x == 1), grad * np.inf, slope)
                return (np.where((x < 0) | (x > 1), np.nan, slope),)
        return (np.where((x < eps) | (x > 1 - eps), 0, slope),)


def _recorded_logit_gradient(grad, x, eps):
    """torch's ``infinitely_differentiable_logit_backward``: ``grad / (x * (1 - x))`` inside [0, 1] (or
    [eps, 1 - eps]), NaN (or 0) outside, recorded."""
    low, high = (0.0, 1.0) if eps is None else (eps, 1 - eps)
    inside = _node.Tensor._wrap((x._data >= low) & (x._data <= high))
    outside = _node.Tensor._wrap(np.full((), np.nan if eps is None else 0.0, x._data.dtype))
    return where(inside, grad / (x * number_minus(1.0, x)), outside)


def logit(input, eps=None, *, out=None):  # noqa: A002
    """``log(p / (1 - p))``; with ``eps``, p is first clamped to ``[eps, 1 - eps]``."""
    require_tensor("logit", input)
    def compute(a):
        x = a._data if a.dtype.is_floating_point else a._data.astype(get_default_dtype().numpy)
        z = x if eps is None else np.clip(x, eps, 1 - eps)
        with np.errstate(all="ignore"):
            data = np.log(z / (1 - z)).astype(x.dtype)
        return record(LogitBackward0, data, (a,), saved={"self": a}, attrs={"eps": eps})
    return with_out("logit", compute, out, input)
