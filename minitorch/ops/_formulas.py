"""What backward formulas are written with, besides operators: helpers that take numpy arrays or Tensors.

A plain backward runs the formulas on numpy arrays. With ``create_graph=True`` the engine runs them on
Tensors in grad mode, so each step of a formula is itself recorded (as torch records its formulas) and the
gradient can be differentiated again. A formula written only with operators (``+ - * / ** @``, unary ``-``,
comparisons) and the helpers below serves both; its node says so with ``double_backward = True``.
Each helper does on a Tensor what torch's formula does (``scale`` is torch's Tensor-times-Scalar,
``MulBackward1``), and on an array the same arithmetic in numpy.
"""

from __future__ import annotations

import numpy as np

from .._strides import expanded
from ..autograd import node as _node
from ..autograd.node import Node, record, record_outputs, unbroadcast
from . import _special

__all__ = ["unbroadcast", "on_tensors", "scale", "divide", "add_number", "sub_number", "number_minus", "number_over",
           "where", "zeros_like", "zero_gradients", "sgn", "cos", "sin", "log", "exp", "cosh", "sinh", "rsqrt",
           "erfinv", "digamma", "sum_keepdim", "expand_to", "unsqueeze", "squeeze", "unsqueeze_dims", "unsqueeze_to",
           "unbind", "t", "transpose", "permute", "reshape", "record_gradients", "MulBackward1", "DivBackward1",
           "AddBackward1", "SubBackward1"]


def on_tensors(value) -> bool:
    """True when ``value`` is a Tensor: the formula is being recorded (create_graph=True)."""
    return isinstance(value, _node.Tensor)


class MulBackward1(Node):
    """d(x * c)/dx = c for a number c."""

    double_backward = True

    def apply(self, grad):
        return (scale(grad, self._saved_other),)


class DivBackward1(Node):
    """d(x / c)/dx = 1 / c for a number c."""

    double_backward = True

    def apply(self, grad):
        return (divide(grad, self._saved_other),)


class AddBackward1(Node):
    """d(x + c)/dx = 1 for a number c."""

    double_backward = True

    def apply(self, grad):
        return (grad,)


class SubBackward1(Node):
    """d(x - c)/dx = 1 for a number c."""

    double_backward = True

    def apply(self, grad):
        return (grad,)


def add_number(x, number):
    """``x + number``; on a Tensor, torch's Tensor-plus-Scalar (``AddBackward1``)."""
    if not on_tensors(x):
        return x + number
    return record(AddBackward1, np.asarray(x._data + number, x._data.dtype), (x,))


def sub_number(x, number):
    """``x - number``; on a Tensor, torch's Tensor-minus-Scalar (``SubBackward1``)."""
    if not on_tensors(x):
        return x - number
    return record(SubBackward1, np.asarray(x._data - number, x._data.dtype), (x,))


def number_minus(number, x):
    """``number - x``; on a Tensor, as torch's C++ ``number - tensor``: the number wrapped in a 0-d tensor
    (``SubBackward0``)."""
    if not on_tensors(x):
        return number - x
    return _node.Tensor._wrap(np.asarray(number, x._data.dtype)) - x


def number_over(number, x):
    """``number / x``; on a Tensor, as torch's C++ ``number / tensor``: the number wrapped in a 0-d tensor
    (``DivBackward0``)."""
    if not on_tensors(x):
        return number / x
    return _node.Tensor._wrap(np.asarray(number, x._data.dtype)) / x


def scale(x, number, *, skip_one=True):
    """``x * number`` (``x`` itself when number is 1, as torch's ``maybe_multiply``, unless ``skip_one`` is
    False: torch's formulas that write ``grad * 1`` record it); on a Tensor, ``MulBackward1``."""
    if number == 1 and skip_one:
        return x
    if not on_tensors(x):
        return x * number
    return record(MulBackward1, np.asarray(x._data * number, x._data.dtype), (x,), attrs={"other": number})


def divide(x, number):
    """``x / number``; on a Tensor, torch's Tensor-by-Scalar division (``DivBackward1``)."""
    if not on_tensors(x):
        return x / number
    return record(DivBackward1, np.asarray(x._data / number, x._data.dtype), (x,), attrs={"other": number})


def where(condition, a, b):
    """``a`` where ``condition`` holds, else ``b`` (one of them may be a number)."""
    if not on_tensors(condition):
        dtype = a.dtype if hasattr(a, "dtype") else b.dtype
        return np.where(condition, a, b).astype(dtype, copy=False)

    from . import pointwise  # cycle: pointwise's WhereBackward0 is written with this where
    return pointwise.where(condition, a, b)


def zeros_like(x):
    """Zeros of ``x``'s shape and dtype (a constant: no graph)."""
    if not on_tensors(x):
        return np.zeros_like(x)
    return _node.Tensor._wrap(np.zeros(x.shape, x._data.dtype))


def zero_gradients(node: Node, grad) -> tuple:
    """Zeros for each input of ``node`` (None where it has no edge meta), in the gradient's kind: arrays, or
    constant Tensors (no graph) when the formula is recorded. The gradient of a piecewise constant op."""
    make = _node.Tensor._wrap if on_tensors(grad) else (lambda values: values)
    return tuple(None if meta is None else make(np.zeros(meta[0], meta[1])) for meta in node._input_meta)


def sgn(x):
    """The sign of ``x``: -1, 0 or 1 (0 at NaN, as torch's ``sgn``)."""
    if on_tensors(x):
        return x.sgn()
    return np.where(np.isnan(x), 0, np.sign(x)).astype(x.dtype)


def cos(x):
    """Cosine, element-wise."""
    return x.cos() if on_tensors(x) else np.cos(x)


def sin(x):
    """Sine, element-wise."""
    return x.sin() if on_tensors(x) else np.sin(x)


def log(x):
    """Natural logarithm, element-wise."""
    return x.log() if on_tensors(x) else np.log(x)


def exp(x):
    """``e ** x``, element-wise."""
    return x.exp() if on_tensors(x) else np.exp(x)


def cosh(x):
    """Hyperbolic cosine, element-wise."""
    return x.cosh() if on_tensors(x) else np.cosh(x)


def sinh(x):
    """Hyperbolic sine, element-wise."""
    return x.sinh() if on_tensors(x) else np.sinh(x)


def rsqrt(x):
    """``1 / sqrt(x)``, element-wise."""
    return x.rsqrt() if on_tensors(x) else 1 / np.sqrt(x)


def erfinv(x):
    """The inverse error function, element-wise."""
    return x.erfinv() if on_tensors(x) else _special.erfinv(x)


def digamma(x):
    """The derivative of ``lgamma``, element-wise."""
    return x.digamma() if on_tensors(x) else _special.digamma(x)


def sum_keepdim(x, dim: int):
    """The sum along ``dim``, keeping it with size 1."""
    return x.sum(dim, keepdim=True) if on_tensors(x) else np.sum(x, axis=dim, keepdims=True)


def expand_to(x, shape):
    """``x`` broadcast to ``shape`` without copying (``expand``: stride 0 where a dim grows, writable)."""
    return x.expand(*shape) if on_tensors(x) else expanded(x, tuple(shape))


def reshape(x, shape):
    """``x`` with a new shape (a view when the memory allows it)."""
    return x.reshape(tuple(shape))


def unsqueeze(x, dim: int):
    """``x`` with a new dimension of size 1 at ``dim``."""
    return x.unsqueeze(dim) if on_tensors(x) else np.expand_dims(x, dim)


def squeeze(x, dim: int):
    """``x`` without its dimension ``dim`` of size 1."""
    return x.squeeze(dim) if on_tensors(x) else np.squeeze(x, dim)


def unsqueeze_dims(x, axes):
    """``x`` with a size-1 dim put back at each of ``axes`` (lowest first, as torch's ``unsqueeze_multiple``)."""
    for axis in sorted(axes):
        x = unsqueeze(x, axis)
    return x


def unsqueeze_to(x, shape):
    """``x`` with the size-1 dims a squeeze removed put back, so it has ``shape`` (torch's ``unsqueeze_to``)."""
    shape = tuple(shape)
    if not on_tensors(x):
        return x.reshape(shape)
    for i, n in enumerate(shape):
        if x.ndim < len(shape) and n == 1 and (i >= x.ndim or x.shape[i] != 1):
            x = x.unsqueeze(i)
    return x


def unbind(x, dim: int) -> tuple:
    """The slices of ``x`` along ``dim``, one per index (views)."""
    return x.unbind(dim) if on_tensors(x) else tuple(np.moveaxis(x, dim, 0))


def t(x):
    """A matrix transposed (``t()``)."""
    return x.t() if on_tensors(x) else x.T


def transpose(x, dim0: int, dim1: int):
    """``x`` with two dimensions swapped."""
    if on_tensors(x):
        return x.transpose(dim0, dim1)
    return np.swapaxes(x, dim0, dim1) if x.ndim else x


def permute(x, order):
    """``x`` with its dimensions in ``order``."""
    return x.permute(*order) if on_tensors(x) else np.transpose(x, order)


def record_gradients(node_cls, grads, inputs, saved=None, attrs=None, state=None) -> tuple:
    """The gradients (arrays, None where not needed) a backward op computed from Tensors, recorded as the
    outputs of one ``node_cls`` node (torch's ``convolution_backward``...), each keeping its output number."""
    dtype = next(g.dtype for g in grads if g is not None)
    outs = [_node.Tensor._wrap(np.empty(0, dtype) if g is None else g) for g in grads]
    record_outputs(node_cls, outs, inputs, saved=saved, attrs=attrs, state=state)
    return tuple(None if g is None else out for g, out in zip(grads, outs))
