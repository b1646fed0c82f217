"""The shrinking activations and the gated linear unit: softshrink, hardshrink, glu."""

from __future__ import annotations

import numpy as np

from ..autograd import node as _node
from ..autograd.node import Node, record
from ._formulas import zeros_like
from ._util import saved_dim, wrap_dim


def _float_only(input, kernel: str) -> None:  # noqa: A002 (torch's argument name)
    if not input.dtype.is_floating_point:
        raise NotImplementedError(f'"{kernel}" not implemented for \'{input.dtype.legacy_name}\'')


def _passes(kind: str, x: np.ndarray, lambd) -> np.ndarray:
    """Where the gradient of softshrink or hardshrink passes: outside [-lambd, lambd] (NaN too, as torch's)."""
    return ~((x >= -lambd) & (x <= lambd))


def shrink_backward(kind: str, grad, x, lambd):
    """torch's ``softshrink_backward`` / ``hardshrink_backward``: grad where |x| > lambd, else 0; on Tensors
    (create_graph=True) an op of its own, ``SoftshrinkBackwardBackward0``..., so it differentiates again."""
    if not isinstance(grad, _node.Tensor):
        return np.where(_passes(kind, x, lambd), grad, 0).astype(grad.dtype)
    values = np.where(_passes(kind, x._data, lambd), grad._data, 0).astype(grad._data.dtype)
    return record(BACKWARD_NODES[kind], values, (grad, x), saved={"self": x}, attrs={"lambd": lambd})


class _ShrinkBackward(Node):
    """d shrink(x) / dx = 1 where |x| > lambd, else 0."""

    kind = ""
    double_backward = True

    def apply(self, grad):
        return (shrink_backward(self.kind, grad, self.unpack("self"), self._saved_lambd),)


class _ShrinkBackwardBackward(Node):
    """d shrink_backward(g, x) = the same op on grad for g (it is linear in g), 0 for x."""

    kind = ""
    double_backward = True

    def apply(self, grad):
        return shrink_backward(self.kind, grad, self.unpack("self"), self._saved_lambd), zeros_like(grad)


class SoftshrinkBackward0(_ShrinkBackward):
    """d softshrink(x) / dx = 1 where |x| > lambd, else 0."""

    kind = "softshrink"


class SoftshrinkBackwardBackward0(_ShrinkBackwardBackward):
    """d softshrink_backward(g, x) = softshrink_backward(grad, x) for g, 0 for x."""

    kind = "softshrink"


def softshrink(input, lambd=0.5):  # noqa: A002
    """``x - lambd`` above ``lambd``, ``x + lambd`` below ``-lambd``, 0 between."""
    _float_only(input, "softshrink_check")
    if lambd < 0:
        largest = {"float16": "65504", "float64": "1.79769e+308"}.get(input.dtype.name, "3.40282e+38")
        raise RuntimeError(f"lambda must be in range [0, {largest}] for input dtype {input.dtype.legacy_name}, "
                           f"but found {lambd:g}")
    x = input._data
    out = np.where(x > lambd, x - lambd, np.where(x < -lambd, x + lambd, x * 0)).astype(x.dtype)
    return record(SoftshrinkBackward0, out, (input,), saved={"self": input}, attrs={"lambd": lambd})


class HardshrinkBackward0(_ShrinkBackward):
    """d hardshrink(x) / dx = 1 where |x| > lambd, else 0."""

    kind = "hardshrink"


class HardshrinkBackwardBackward0(_ShrinkBackwardBackward):
    """d hardshrink_backward(g, x) = hardshrink_backward(grad, x) for g, 0 for x."""

    kind = "hardshrink"


BACKWARD_NODES = {"softshrink": SoftshrinkBackwardBackward0, "hardshrink": HardshrinkBackwardBackward0}


def hardshrink(input, lambd=0.5):  # noqa: A002
    """``x`` where ``|x| > lambd``, else 0."""
    _float_only(input, "hardshrink_cpu")
    x = input._data
    out = np.where((x >= -lambd) & (x <= lambd), 0, x).astype(x.dtype)
    return record(HardshrinkBackward0, out, (input,), saved={"self": input}, attrs={"lambd": lambd})


class GluBackward0(Node):
    """d (a * sigmoid(b)): sigmoid(b) * grad for a, a * sigmoid(b) * (1 - sigmoid(b)) * grad for b."""

    def apply(self, grad):
        x, axis = self.unpack("self"), self._axis
        a, b = np.split(x, 2, axis=axis)
        gate = 1 / (1 + np.exp(-b))
        return (np.concatenate([grad * gate, grad * a * gate * (1 - gate)], axis=axis).astype(grad.dtype),)


def glu(input, dim=-1):  # noqa: A002
    """The first half of ``input`` along ``dim`` times the sigmoid of the second half."""
    if input.ndim == 0:
        raise RuntimeError("glu does not support scalars because halving size must be even")
    axis = wrap_dim(dim, input.ndim)
    if input.shape[axis] % 2:
        raise RuntimeError(f"Halving dimension must be even, but dimension {axis} is size {input.shape[axis]}")
    a, b = np.split(input._data, 2, axis=axis)
    out = (a / (1 + np.exp(-b))).astype(input._data.dtype)
    return record(GluBackward0, out, (input,), saved={"self": input}, attrs={"dim": saved_dim(dim)},
                  state={"axis": axis})
