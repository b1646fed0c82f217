"""``x.view(dtype)``: the same bytes read as another dtype (the last dim grows or shrinks with the element size)."""

from __future__ import annotations

from .._strides import element_strides
from ..autograd import node as _node


def _view_dtype_problem(a, ratio: int, text: str):
    """What stops ``a.view(dtype)`` when the new element is ``ratio`` times as wide (torch's order of checks)."""
    strides = element_strides(a._data)
    if a._data.shape[-1] % ratio:
        return f"self.size(-1) must be divisible by {ratio} to view {text}, but got {a._data.shape[-1]}"
    if strides[-1] != 1:
        return f"self.stride(-1) must be 1 to view {text}, but got {strides[-1]}"
    if a.storage_offset() % ratio:
        return f"self.storage_offset() must be divisible by {ratio} to view {text}, but got {a.storage_offset()}"
    for dim, step in enumerate(strides[:-1]):
        if step % ratio:
            return f"self.stride({dim}) must be divisible by {ratio} to view {text}, but got {step}"
    return None


def view_dtype(a, dtype):
    """The same bytes read as ``dtype`` (the last dim grows or shrinks with the element size); no gradient."""
    old, new = a._data.itemsize, dtype.numpy.itemsize
    text = f"{a.dtype.legacy_name} as {dtype.legacy_name} (different element sizes)"
    if old != new and a.ndim == 0:
        raise RuntimeError(f"self.dim() cannot be 0 to view {text}")
    if old > new and element_strides(a._data)[-1] != 1:
        raise RuntimeError(f"self.stride(-1) must be 1 to view {text}, but got {element_strides(a._data)[-1]}")
    problem = _view_dtype_problem(a, new // old, text) if new > old else None
    if problem:
        raise RuntimeError(problem)
    return _node.Tensor._alias(a._data.view(dtype.numpy), a._version_counter)
