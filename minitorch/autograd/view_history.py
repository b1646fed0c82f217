"""The history of views: what happens to ``grad_fn`` when a view or its base is changed in place.

A view (``x[0]``, ``x.t()``, ``x.view(6)``...) shares its base's memory and version counter. When the view is
changed in place, the *base* changes too, so the base's ``grad_fn`` becomes a ``CopySlices`` node (the
view's region of the gradient goes through the in-place op, the rest passes unchanged), and the view's
``grad_fn`` is regenerated as an ``AsStridedBackward0`` of the base. When the base (or another view of it)
changes, every view regenerates its ``grad_fn`` the same way the next time it is asked for: a view
remembers the version its ``grad_fn`` was made at (``_view_version``). As torch's ``VariableHooks::grad_fn``
and ``rebase_history`` (torch/csrc/autograd/variable.cpp).

A view made under ``no_grad`` must not be changed in place once grad mode is back on (torch cannot tell
whether the change should be recorded), nor read after its base changed: both raise torch's errors.
"""

from __future__ import annotations

import re

import numpy as np

from .._strides import element_strides, empty_strided, view_at
from . import node as _node
from .node import Node, RecordedInput, attach, set_grad_fn

INTERNAL_OVERLAP_ERROR = (
    "unsupported operation: more than one element of the written-to tensor refers to a single memory location. "
    "Please clone() the tensor before performing the operation.")

NO_GRAD_VIEW_ERROR = (
    "{prefix} no_grad mode and {modified} modified inplace with grad mode enabled. Given that this use case is "
    "ambiguous and error-prone, it is forbidden. You can clarify your code by moving both the view and the "
    "inplace either both inside the no_grad block (if you don't want the inplace to be tracked) or both outside "
    "(if you want the inplace to be tracked).")


MULTI_OUTPUT_VIEW_ERROR = (
    "Output {nr} of {name} is a view and {modified} modified inplace. This view is the output of a function that "
    "returns multiple views. Such functions do not allow the output views to be modified inplace. You should "
    "replace the inplace operation by an out-of-place one.")


def handle_view_on_rebase(view, indirect: bool = False) -> None:
    """Refuse to rebase the history of a view made under ``no_grad`` or by ``unbind`` (``indirect``: its base
    changed rather than the view itself)."""
    modified = "its base or another view of its base has been" if indirect else "is being"
    node = view._grad_fn
    if view._multi_output_view and not view._no_grad_view and node is not None:
        name = re.sub(r"Backward\d*$", "", node.name())
        raise RuntimeError(MULTI_OUTPUT_VIEW_ERROR.format(nr=view._output_nr, name=name, modified=modified))
    if not view._no_grad_view:
        return
    if node is None:
        prefix = "A view was created in"
    else:  # a view taken (with grad mode on) of a view made under no_grad
        name = re.sub(r"Backward\d*$", "", node.name())
        prefix = f"Output {view._output_nr} of {name} is a view of a view which was created in"
    raise RuntimeError(NO_GRAD_VIEW_ERROR.format(prefix=prefix, modified=modified))


def _is_stale(view) -> bool:
    """True when the view's memory changed since its ``grad_fn`` was made and it may need a new one."""
    if view._view_version == view._version_counter.value:
        return False
    return view._grad_fn is not None or view._base.requires_grad


def view_grad_fn(view):
    """A view's current ``grad_fn``: regenerated as ``AsStridedBackward0`` when its memory changed since."""
    if view._base is None or not _is_stale(view):
        return view._grad_fn
    handle_view_on_rebase(view, indirect=True)
    _regenerate(view)
    return view._grad_fn


def _regenerate(view) -> None:
    """Give the view a new ``AsStridedBackward0`` grad_fn into its base (``retain_grad()`` follows it)."""
    base = view._base
    attach(AsStridedBackward0(), view, (base,),
           attrs={"size": tuple(view.shape), "stride": view.stride(), "storage_offset": view.storage_offset()},
           state={"geometry": view_geometry(view, base), "layout": _base_layout(base)})
    view._view_version = view._version_counter.value


def rebase_history(tensor, node: Node) -> None:
    """Make ``node`` (recorded by an in-place op on ``tensor``) the tensor's history, as torch rebases it.

    For a view, the base's new grad_fn is a ``CopySlices`` wrapping ``node``: its first input is the base, the
    others are ``node``'s own other inputs, passed on."""
    base = tensor._base
    if base is None:
        set_grad_fn(tensor, node)
        return
    passed_on = [RecordedInput(node, i) for i in range(1, len(node.next_functions))]
    attach(CopySlices(), base, (base, *passed_on),
           state={"fn": node, "geometry": view_geometry(tensor, base), "layout": _base_layout(base)})
    _regenerate(tensor)


def view_geometry(view, base):
    """Where a view sits inside its base's memory, in elements, as torch's as_strided reads it: (offset from
    the base's first element, shape, strides). ``.data =`` of another dtype cannot turn it into bytes elsewhere."""
    return view.storage_offset() - base.storage_offset(), view._data.shape, view.stride()


def view_into(array: np.ndarray, geometry) -> np.ndarray:
    """The region of ``array`` (laid out like the base) that the view with ``geometry`` covers."""
    offset, shape, strides = geometry
    span = 1 + sum((n - 1) * step for n, step in zip(array.shape, element_strides(array))) if array.size else 0
    last = offset + sum((n - 1) * step for n, step in zip(shape, strides)) if all(shape) else offset
    if offset < 0 or (all(shape) and last >= span) or any(step < 0 for step in strides):
        raise RuntimeError(f"setStorage: sizes {list(shape)}, strides {list(strides)}, storage offset {offset} "
                           f"are out of bounds for a storage of {array.size} elements")
    return view_at(array, offset * array.itemsize, shape, tuple(step * array.itemsize for step in strides))


def _base_layout(base) -> tuple:
    """What a gradient for the base needs to be laid out like it: (shape, numpy dtype, strides in bytes)."""
    return base._data.shape, base._data.dtype, base._data.strides


def _zeros_like_base(layout) -> np.ndarray:
    """Zeros with the base's shape, dtype and strides, so that view geometries apply to them."""
    shape, dtype, strides = layout
    out = empty_strided(shape, [step // dtype.itemsize for step in strides], dtype)
    out[...] = 0
    return out


class CopySlices(Node):
    """d base: grad outside the changed view's region; inside it, the in-place op's (``fn``'s) gradient.

    The base's node after a view of it changed in place; ``fn``'s other inputs get ``fn``'s other gradients.
    """

    _holds_saved_state = True  # torch drops ``fn`` once backward ran: a second backward raises
    double_backward = True  # with create_graph=True, as torch's steps (ops/view_history_backward.py)

    def name(self) -> str:
        """torch's name for this node, with its C++ namespace."""
        return "torch::autograd::CopySlices"

    def apply(self, grad):
        _, shape, strides = self._geometry
        if any(step == 0 and n > 1 for step, n in zip(strides, shape)):  # torch copies into the region
            raise RuntimeError(INTERNAL_OVERLAP_ERROR)
        if isinstance(grad, _node.Tensor):
            from ..ops.view_history_backward import copy_slices_gradients  # cycle: ops import autograd
            return copy_slices_gradients(self, grad)
        grad_base = _zeros_like_base(self._layout)
        grad_base[...] = grad
        region = view_into(grad_base, self._geometry)
        results = self._fn.apply(region.copy())
        region[...] = 0 if results[0] is None else results[0]
        return (grad_base,) + tuple(results[1:])

    def release_saved(self) -> None:
        """Let go of the wrapped node, as torch does (its saved tensors live on while another path reaches it:
        the saved output of ``sigmoid_`` in a gradient's graph)."""
        super().release_saved()
        self._fn = None


class AsStridedBackward0(Node):
    """d view / d base: zeros of the base's shape with the view's region set to grad.

    A view's node, regenerated after its memory changed in place.
    """

    _grad_writes = 1  # torch: zeros, then a copy_ into the view's region
    double_backward = True  # with create_graph=True, as torch's steps (ops/view_history_backward.py)

    def apply(self, grad):
        if isinstance(grad, _node.Tensor):
            from ..ops.view_history_backward import as_strided_gradient  # cycle: ops import autograd
            return (as_strided_gradient(self, grad),)
        shape, dtype, strides = self._layout
        read = _storage_places(*self._geometry)
        own = _storage_places(0, shape, [step // dtype.itemsize for step in strides])
        low = min(read.min(initial=0), own.min(initial=0))
        length = max(read.max(initial=0), own.max(initial=0)) - low + 1
        storage = np.zeros(length, dtype=grad.dtype)
        np.add.at(storage, (read - low).ravel(), grad.ravel())  # places read twice (overlapping view) add up
        copies = np.zeros(length, dtype=np.int64)
        np.add.at(copies, (own - low).ravel(), 1)
        storage = storage / np.maximum(copies, 1)  # an expanded base: its copies of one place share that gradient
        grad_base = _zeros_like_base(self._layout)
        grad_base[...] = storage[own - low]
        return (grad_base,)


def _storage_places(offset, shape, strides) -> np.ndarray:
    """The storage place (in elements) of every element of a view with this geometry, laid out in its shape."""
    places = np.full(tuple(shape), offset, dtype=np.int64)
    for dim, (size, step) in enumerate(zip(shape, strides)):
        axis = [1] * len(shape)
        axis[dim] = size
        places = places + (np.arange(size, dtype=np.int64) * step).reshape(axis)
    return places
