"""``scatter_reduce``: ``src``'s values combined into a copy of ``input`` at ``index`` along ``dim`` by a
reduction (sum, prod, mean, amax, amin), with or without ``input``'s own values (``include_self``)."""

from __future__ import annotations

import numpy as np

from ..autograd.node import Node, record
from ._out import with_out
from ._util import wrap_dim
from .gather_scatter import _check_index, positions

REDUCERS = {"sum": np.add, "prod": np.multiply, "mean": np.add, "amax": np.fmax, "amin": np.fmin}


def _counts(shape, where, include_self):
    """How many values were reduced into each place (1 for a place nothing was scattered to)."""
    counts = np.full(shape, 1 if include_self else 0, dtype=np.int64)
    np.add.at(counts, where, 1)
    return np.maximum(counts, 1)


class ScatterReduceBackward0(Node):
    """d scatter_reduce: sum: grad (and grad gathered at index for src); mean: the same over the counts; prod:
    grad * result / value; amax/amin: grad shared evenly among the values equal to the result."""

    def apply(self, grad):
        x, src, result = self.unpack("self"), self.unpack("src"), self.unpack("result")
        index = self.unpack("index")
        where, reduce, include = positions(index, self._axis), self._saved_reduce, self._saved_include_self
        used = src[_corner(index.shape)]
        scattered = np.zeros(x.shape, dtype=bool)
        scattered[where] = True
        if reduce in ("sum", "mean"):
            scale = 1 / _counts(x.shape, where, include) if reduce == "mean" else 1
            grad_self, grad_used = grad * scale, (grad * scale)[where]
        elif reduce == "prod":
            with np.errstate(all="ignore"):
                grad_self, grad_used = grad * result / x, (grad * result)[where] / used
        else:
            grad_self, grad_used = _shared_among_extremes(grad, x, used, result, where, include | ~scattered)
        if not include:
            grad_self = np.where(scattered, 0, grad_self)
        grad_src = np.zeros(src.shape, dtype=grad.dtype)
        grad_src[_corner(index.shape)] = grad_used
        return np.asarray(grad_self, grad.dtype), grad_src


def _corner(shape):
    return tuple(slice(0, n) for n in shape)


def _shared_among_extremes(grad, x, used, result, where, self_counts):
    """amax/amin: the gradient of each place shared evenly among the values (own and scattered) equal to it."""
    self_hits = (x == result) & self_counts
    src_hits = used == result[where]
    share = self_hits.astype(np.int64)
    np.add.at(share, where, src_hits)
    spread = grad / np.maximum(share, 1)
    return np.where(self_hits, spread, 0), np.where(src_hits, spread[where], 0)


def _reduced(x, d, index, src, reduce, include_self):
    out = x.copy()
    where = positions(index, d)
    values = src[_corner(index.shape)]
    if not include_self:
        start = {"sum": 0, "mean": 0, "prod": 1, "amax": -np.inf, "amin": np.inf}[reduce]
        if out.dtype.kind != "f" and reduce in ("amax", "amin"):
            start = np.iinfo(out.dtype).min if reduce == "amax" else np.iinfo(out.dtype).max
        out[where] = start
    REDUCERS[reduce].at(out, where, values)
    if reduce == "mean":
        counts = _counts(x.shape, where, include_self)
        out = out // counts if out.dtype.kind in "iub" else out / counts
    return out.astype(x.dtype)


def scatter_reduce(input, dim, index, src, reduce, *, include_self=True, out=None):  # noqa: A002
    """A copy of ``input`` with ``src[i]`` reduced (sum, prod, mean, amax, amin) into place ``index[i]``."""
    if reduce not in REDUCERS:
        raise RuntimeError(f"reduce argument must be either sum, prod, mean, amax or amin, got {reduce}")
    if input.dtype is not src.dtype:
        raise RuntimeError("scatter(): Expected self.dtype to be equal to src.dtype")
    d = wrap_dim(dim, input.ndim)
    _check_index(input, d, index, "scatter")
    result = record(ScatterReduceBackward0, _reduced(input._data, d, index._data, src._data, reduce, include_self),
                    (input, src), saved={"self": input, "src": src}, save_result=True,
                    attrs={"dim": dim, "index": index, "reduce": reduce, "include_self": include_self},
                    state={"axis": d})
    return result if out is None else with_out("scatter_reduce", lambda: result, out)
