"""Reductions that skip nan: nansum, nanmean (nansum over the count of numbers, as torch builds it) and
nanmedian."""

from __future__ import annotations

import numpy as np

from .._dtype import resolve
from ..autograd import node as _node
from ..autograd.node import Node, record
from . import return_types
from ._out import with_out
from ._util import wrap_dim
from .arithmetic import div
from .comparison import isnan, logical_not
from .reduction import _expand_back
from .sorting import MedianBackward0, _GatherBackward, _picked
from .statistics import _record_reduction, _reduced_dims, _spread


class NansumBackward0(Node):
    """d nansum(x) / dx = 1 where x is a number, 0 where it is nan."""

    double_backward = True

    def apply(self, grad):
        x = self.unpack("self")
        if isinstance(grad, _node.Tensor):  # torch's nansum_backward: sum's gradient times "not nan", recorded
            kept = self._keepdim or self._saved_dim is None  # an all-reduce: its 0-d gradient expands as it is
            numbers = _node.Tensor._wrap(~np.isnan(x._data))
            return (_expand_back(grad, self.input_shape(0), self._axes, kept) * numbers,)
        return (np.where(np.isnan(x), 0, _spread(grad, self)).astype(grad.dtype),)


def nansum(input, dim=None, keepdim=False, *, dtype=None, out=None):  # noqa: A002 (torch's argument name)
    """The sum, counting nan as zero."""
    def compute():
        axes, shown = _reduced_dims(dim, input.ndim)
        data = input._data if dtype is None else input._data.astype(resolve(dtype).numpy)
        total = np.asarray(np.nansum(data, axis=axes, keepdims=keepdim))
        if data.dtype.kind in "biu" and dtype is None:
            total = total.astype(np.int64)
        return _record_reduction(NansumBackward0, total.astype(data.dtype if data.dtype.kind == "f" else total.dtype),
                                 input, axes, keepdim, saved={"self": input},
                                 attrs={"dim": shown, "keepdim": keepdim})

    return with_out("nansum", compute, out)


def nanmean(input, dim=None, keepdim=False, *, dtype=None, out=None):  # noqa: A002
    """The mean of the numbers (nan skipped): ``nansum / count of numbers``."""
    if not input.dtype.is_floating_point:
        raise RuntimeError(f"nanmean(): expected input to have floating point or complex dtype but got "
                           f"{input.dtype.legacy_name}")
    count = logical_not(isnan(input)).sum(dim, keepdim=keepdim)
    return with_out("nanmean", lambda: div(nansum(input, dim, keepdim, dtype=dtype), count), out)


class NanmedianBackward0(MedianBackward0):
    """d nanmedian(x) / dx: the gradient is shared evenly among the elements equal to the median."""


class NanmedianBackward1(_GatherBackward):
    """d nanmedian(x, dim) / dx: the gradient goes to the position of the median."""


def nanmedian(input, dim=None, keepdim=False):  # noqa: A002
    """The lower median of the numbers (nan skipped; nan where there is none), or per ``dim`` with indices."""
    if dim is None:
        numbers = input._data[~np.isnan(input._data)] if input.dtype.is_floating_point else input._data.ravel()
        value = np.sort(numbers)[(numbers.size - 1) // 2] if numbers.size else np.nan
        return record(NanmedianBackward0, np.asarray(value, dtype=input._data.dtype), (input,),
                      saved={"self": input}, save_result=True)
    axis = wrap_dim(dim, input.ndim)
    data, ax = (input._data, axis) if input.ndim else (input._data.reshape(1), 0)
    order = np.argsort(data, axis=ax, kind="stable")  # nan sorts last
    numbers = (~np.isnan(data)).sum(axis=ax, keepdims=True) if data.dtype.kind == "f" else \
        np.full(np.take(data, [0], axis=ax).shape, data.shape[ax])
    index = np.take_along_axis(order, np.maximum(numbers - 1, 0) // 2, ax)
    values = np.take_along_axis(data, index, ax)
    if not keepdim or not input.ndim:
        values, index = values.squeeze(ax), index.squeeze(ax)
    return _picked(NanmedianBackward1, return_types.nanmedian, input, values, index, dim, keepdim, axis,
                   {"keepdim": keepdim})

