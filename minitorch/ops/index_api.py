"""``torch.select`` and ``torch.index_put`` as functions and methods: the calls that ``x[i]`` and
``x[idx] = v`` make, with the argument checks torch's Python bindings do before they run.
"""

from __future__ import annotations

import operator

from ._index_parse import check_bounds, expand_masks, numpy_index
from ._util import is_tensor, wrap_dim
from .index_put import _index_put
from .index_put import index_put_ as _put_in_place
from .indexing import select as _select_view

INDEX_DTYPES = "iub"  # long, int, byte or bool tensors


def _as_int(value, function: str, position: int) -> int:
    """``value`` as a Python int, with torch's TypeError for anything that is not an integer."""
    try:
        return operator.index(value)
    except TypeError:
        raise TypeError(f"{function}(): argument 'index' (position {position}) must be int, not "
                        f"{type(value).__name__}") from None


def select(input, dim, index, *, _position: int = 3):  # noqa: A002
    """The slice of ``input`` at ``index`` along ``dim``, that dim removed: a view (``SelectBackward0``)."""
    index = _as_int(index, "select", _position)
    if input.ndim == 0:
        raise IndexError("select() cannot be applied to a 0-dim tensor.")
    axis = wrap_dim(dim, input.ndim)
    size = input.shape[axis]
    if not -size <= index < size:
        raise IndexError(f"select(): index {index} out of range for tensor of size "
                         f"[{', '.join(map(str, input.shape))}] at dimension {axis}")
    return _select_view(input, dim, index)


def _advanced(a, indices, function: str, first: int) -> dict:
    """The index tensors of ``index_put`` checked as torch checks them, as ``{dim: numpy array}``."""
    if not isinstance(indices, (tuple, list)):
        raise TypeError(f"{function}(): argument 'indices' (position {first + 1}) must be tuple of Tensors, not "
                        f"{type(indices).__name__}")
    for i, item in enumerate(indices):
        if not is_tensor(item):
            raise TypeError(f"expected Tensor as element {i} in argument {first}, but got {type(item).__name__}")
    if not indices:
        raise RuntimeError("sym_strides() called on an undefined Tensor")
    advanced, dim = {}, 0
    for item in indices:
        if item.dtype.numpy.kind not in INDEX_DTYPES:
            raise IndexError("tensors used as indices must be long, int, byte or bool tensors")
        advanced[dim] = item._data
        dim += item.ndim if item._data.dtype.kind == "b" else 1
    if dim > a.ndim:
        raise IndexError(f"too many indices for tensor of dimension {a.ndim} (got {dim})")
    return advanced


def _check_values(values, function: str, position: int) -> None:
    """torch's TypeError when ``values`` is not a tensor."""
    if not is_tensor(values):
        raise TypeError(f"{function}(): argument 'values' (position {position}) must be Tensor, not "
                        f"{type(values).__name__}")


def index_put_(input, indices, values, accumulate=False, *, _first: int = 1):  # noqa: A002
    """Write ``values`` into ``input`` at the places ``indices`` pick (add them with ``accumulate=True``)."""
    _check_values(values, "index_put_", _first + 2)  # argument types first, as torch's parser
    advanced = _advanced(input, indices, "index_put_", _first)
    _put_in_place(input, advanced, values, mode=(bool(accumulate), tuple(indices)))
    return input


def index_put(input, indices, values, accumulate=False, *, _first: int = 1):  # noqa: A002
    """``index_put_`` on a copy of ``input`` (with ``input``'s layout): ``input`` is left as it is."""
    _check_values(values, "index_put", _first + 2)  # argument types first, as torch's parser
    advanced = _advanced(input, indices, "index_put", _first)
    if values.dtype != input.dtype:
        raise RuntimeError(f"Index put requires the source and destination dtypes match, got "
                           f"{input.dtype.legacy_name} for the destination and {values.dtype.legacy_name} for "
                           f"the source.")
    advanced = expand_masks(input, advanced)
    check_bounds(input, advanced)
    return _index_put(input, numpy_index(input.ndim, advanced), values, (bool(accumulate), tuple(indices)))


class IndexMethods:
    """``x.select(dim, index)``, ``x.index_put(indices, values)`` and ``x.index_put_(...)`` on every Tensor."""

    def select(self, dim, index):
        """The slice at ``index`` along ``dim``: ``torch.select(self, dim, index)``."""
        return select(self, dim, index, _position=2)

    def index_put_(self, indices, values, accumulate=False):
        """``torch.index_put_(self, indices, values, accumulate)``."""
        return index_put_(self, indices, values, accumulate, _first=0)

    def index_put(self, indices, values, accumulate=False):
        """``torch.index_put(self, indices, values, accumulate)``."""
        return index_put(self, indices, values, accumulate, _first=0)
