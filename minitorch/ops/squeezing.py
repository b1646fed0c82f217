"""squeeze and unsqueeze: dims of size 1 taken away or put in, a view of the same memory (and version
counter). The in-place forms (``squeeze_``, ``unsqueeze_``) are in ``splitting.py``."""

from __future__ import annotations

import numpy as np

from ..autograd.node import Node, record
from . import _formulas
from ._formulas import on_tensors
from ._util import saved_dim, wrap_dim


class SqueezeBackward0(Node):
    """d x.squeeze() / dx: grad reshaped back to x's sizes."""

    double_backward = True

    def apply(self, grad):
        return (_formulas.unsqueeze_to(grad, self._saved_self_sym_sizes),)


class SqueezeBackward1(SqueezeBackward0):
    """d x.squeeze(dim) / dx: grad reshaped back to x's sizes."""


class SqueezeBackward4(SqueezeBackward0):
    """d x.squeeze_(dim) / dx (also what ``vector @ matrix`` records): grad reshaped back to x's sizes."""


class SqueezeBackward2(Node):
    """d squeeze(x, dims) / dx: the gradient with the removed dims put back (``unsqueeze``, lowest first)."""

    double_backward = True

    def apply(self, grad):
        if not on_tensors(grad):
            return (grad.reshape(self._saved_self_sym_sizes),)
        sizes = self._saved_self_sym_sizes
        for d in sorted({wrap_dim(d, len(sizes)) for d in self._saved_dim}):
            if sizes[d] == 1:
                grad = grad.unsqueeze(d)
        return (grad,)


def squeeze_dims(a, dims):
    """Remove those of ``dims`` that have size 1 (a view)."""
    wrapped = set()
    for d in dims:
        if wrap_dim(d, a.ndim) in wrapped:
            raise RuntimeError(f"dim {wrap_dim(d, a.ndim)} appears multiple times in the list of dims")
        wrapped.add(wrap_dim(d, a.ndim))
    shape = tuple(n for i, n in enumerate(a.shape) if not (i in wrapped and n == 1))
    return record(SqueezeBackward2, a._data.reshape(shape), (a,),
                  attrs={"dim": tuple(saved_dim(d) for d in dims), "self_sym_sizes": tuple(a.shape)}, view_of=a)


def squeeze(a, dim=None):
    """Remove dimensions of size 1 (all of them, only ``dim``, or those of a tuple of dims); a view."""
    if isinstance(dim, (tuple, list)):
        return squeeze_dims(a, dim)
    if dim is None:
        shape = tuple(n for n in a.shape if n != 1)
        return record(SqueezeBackward0, a._data.reshape(shape), (a,), attrs={"self_sym_sizes": tuple(a.shape)},
                      view_of=a)
    d = wrap_dim(dim, a.ndim)
    data = a._data.squeeze(d) if a.ndim and a.shape[d] == 1 else a._data[...]
    return record(SqueezeBackward1, data, (a,), attrs={"dim": saved_dim(dim), "self_sym_sizes": tuple(a.shape)},
                  view_of=a)


class UnsqueezeBackward0(Node):
    """d x.unsqueeze(dim) / dx: grad with that dim squeezed away."""

    double_backward = True

    def apply(self, grad):
        return (_formulas.squeeze(grad, self._axis),)


def unsqueeze(a, dim):
    """Insert a dimension of size 1 at ``dim`` (a view)."""
    d = wrap_dim(dim, a.ndim + 1)
    strides = list(a._data.strides)  # the new dim steps over the dims after it, as torch's unsqueeze
    strides.insert(d, a.shape[d] * strides[d] if d < a.ndim else a._data.itemsize)
    data = np.lib.stride_tricks.as_strided(a._data, a.shape[:d] + (1,) + a.shape[d:], strides,
                                           writeable=a._data.flags.writeable)
    return record(UnsqueezeBackward0, data, (a,), attrs={"dim": saved_dim(dim)}, view_of=a, state={"axis": d})
