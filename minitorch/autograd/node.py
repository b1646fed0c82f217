"""Nodes of the backward graph, saved tensors with their versions, and ``record``: where ops join the graph.

A ``Node`` is what ``tensor.grad_fn`` returns: one backward formula (``apply``), the edges to the nodes
that produced its inputs (``next_functions``), and the tensors it saved during forward. Leaves that
require grad end in an ``AccumulateGrad`` node (``accumulate_grad.py``), which adds the incoming gradient into
``leaf.grad``.
"""

from __future__ import annotations

import itertools

import numpy as np

from .._sum_order import torch_order_sum
from . import anomaly_mode, grad_mode
from .grad_mode import enable_grad, is_grad_enabled
from .saved_tensor import FREED_ERROR, SavedTensor

_sequence = itertools.count()
Tensor = None  # minitorch.tensor sets this once the class exists (the two modules need each other)
# Shared by owners that have none; registering a hook gives the owner its own dict. Checking identity with it
# skips the hook machinery for nodes without hooks (the per-op figure of benchmarks/bench_small_ops.py).
_NO_HOOKS: dict = {}


class FormulaMode:
    """What backward formulas compute with: numpy arrays (plain backward), or Tensors with ``create_graph=True``.

    On Tensors the formulas' own operations are recorded, so the gradients they return have a ``grad_fn``
    and can be differentiated again (double backward). The engine switches it for one backward run.
    """

    on_tensors = False


class RemovableHandle:
    """Returned by ``register_hook``: ``handle.remove()`` takes the hook away again."""

    _ids = itertools.count()

    def __init__(self, hooks: dict):
        self._hooks, self.id = hooks, next(self._ids)

    def remove(self) -> None:
        """Remove the hook."""
        self._hooks.pop(self.id, None)


def add_hook(hooks: dict, hook) -> RemovableHandle:
    """Store ``hook`` in ``hooks`` (which keeps insertion order) and return its handle."""
    handle = RemovableHandle(hooks)
    hooks[handle.id] = hook
    return handle


_PUBLIC_NODE_ATTRIBUTES = ["_sequence_nr", "metadata", "name", "next_functions", "register_hook",
                           "register_prehook"]


class Node:
    """One backward step. Subclasses are named as torch names them (``MulBackward0``) and define ``apply``."""

    _num_outputs = 1  # how many outputs the forward op had (unbind has several)
    _holds_saved_state = False  # True for nodes that keep forward values outside ``_saved`` (freed too)
    _released = False  # set once backward freed the saved values (without retain_graph)
    # True when ``apply`` is written only with operators and the helpers of ops/_formulas.py, so it runs on
    # Tensors too: create_graph=True records it (double backward). Other nodes refuse create_graph=True.
    double_backward = False


    # How many times torch's formula writes in place into the fresh gradients it returns (zeros, then a
    # scatter): their ``_version`` where they are seen (``autograd.grad``'s results, hooks, a stolen ``.grad``).
    _grad_writes = 0
    # Hooks, shared empty dicts until a hook is registered (``_own_hooks`` then gives the node its own):
    _tensor_hooks: dict = _NO_HOOKS  # output_nr -> {id: hook} registered on the tensors this node produced
    _retains_grad_hooks: dict = _NO_HOOKS  # output_nr -> retain_grad's hook of that output tensor
    _node_pre_hooks: dict = _NO_HOOKS  # grad_fn.register_prehook
    _post_hooks: dict = _NO_HOOKS  # grad_fn.register_hook
    # output_nr -> (shape, numpy dtype) of that forward output when the node was made: the engine checks the
    # gradients sent to this node against it (torch's input_metadata), even if ``.data`` changed the tensor since.
    _output_meta: dict = {}
    next_functions: tuple = ()  # one (node, input_nr) edge per input, set by ``connect``
    _input_meta: list = []  # (shape, numpy dtype) of each input, for formulas that read them (``connect``)
    # False for a node whose formula reads no input's shape or dtype (the element-wise ones): ``connect`` then
    # keeps none, five objects less per two-input op (about 3% of the per-op figure of bench_small_ops.py).
    needs_input_meta = True
    _metadata = None

    def __init__(self):
        self._seq = next(_sequence)
        self._saved: dict[str, SavedTensor | None] = {}

    @property
    def metadata(self) -> dict:
        """A dict for your own notes about this node (anomaly mode keeps the forward traceback here)."""
        if self._metadata is None:
            self._metadata = {}
        return self._metadata

    def _own_hooks(self, kind: str) -> dict:
        """The node's own dict of hooks of ``kind``, created on first use."""
        if getattr(self, kind) is _NO_HOOKS:
            setattr(self, kind, {})
        return getattr(self, kind)

    def _hooks_of_output(self, output_nr: int) -> dict:
        """The hooks registered on the tensor that is this node's output ``output_nr``."""
        return self._own_hooks("_tensor_hooks").setdefault(output_nr, {})

    def name(self) -> str:
        """The node's name as torch prints it, e.g. ``'SigmoidBackward0'``."""
        return type(self).__name__

    def _sequence_nr(self) -> int:
        """Creation order: the engine runs the most recently created ready node first."""
        return self._seq

    def __repr__(self):
        return f"<{type(self).__name__} object at {hex(id(self))}>"

    def _repr_pretty_(self, printer, cycle) -> None:
        """What IPython shows for a node (as for torch's nodes, which have no repr of their own)."""
        printer.text(self.__repr__().replace(" object at ", " at "))

    def apply(self, *grads: np.ndarray) -> tuple:
        """The backward formula: gradients w.r.t. the outputs in, gradients w.r.t. the inputs out."""
        raise NotImplementedError

    def needs_input_grad(self, index: int) -> bool:
        """Whether input ``index`` needs a gradient (it leads somewhere; one for it would be thrown away)."""
        return self.next_functions[index][0] is not None

    def input_shape(self, index: int) -> tuple:
        """The shape input ``index`` had in forward (what its gradient must have)."""
        return self._input_meta[index][0]

    def input_dtype(self, index: int) -> np.dtype:
        """The numpy dtype input ``index`` had in forward."""
        return self._input_meta[index][1]

    def check_not_released(self) -> None:
        """Raise torch's "backward through the graph a second time" if this node's saved values are gone."""
        if self._released and (self._saved or self._holds_saved_state):
            raise RuntimeError(FREED_ERROR)

    def unpack(self, name: str):
        """The tensor saved as ``name``, checked against in-place changes since saving.

        Its numpy values in a plain backward; the Tensor itself with ``create_graph=True``, so that the
        gradient's own graph reaches it.
        """
        if FormulaMode.on_tensors:
            return self._saved[name].unpack()
        return self._saved[name].unpack_data()

    def save_result_as(self, tensor) -> None:
        """For an in-place op's node: the output it saved (sigmoid_, exp_) is now ``tensor``, the changed one."""
        if "result" in self._saved:
            keep_saved(self, "result", SavedTensor(tensor, self, is_output=True))

    def check_double_backward(self) -> None:
        """Refuse ``create_graph=True`` through a node whose formula only runs on numpy arrays."""
        if not self.double_backward:
            raise NotImplementedError(f"minitorch does not implement double backward through {self.name()}; "
                                      "see docs/implemented.md")

    def release_saved(self) -> None:
        """Free every saved tensor (the graph can then be walked backward only once)."""
        self._released = True
        for saved in self._saved.values():
            if saved is not None:
                saved.release()

    def _saved_tensor_names(self) -> list[str]:
        return list(self._saved)

    def __dir__(self):
        saved = [k for k in self.__dict__ if k.startswith("_saved_")]
        saved += [k for cls in type(self).__mro__ for k, v in vars(cls).items()
                  if k.startswith("_saved_") and k != "_saved_tensor_names" and not isinstance(v, SavedAttribute)]
        saved += [f"_saved_{n}" for n in self._saved] + [f"_raw_saved_{n}" for n in self._saved]
        dunders = [d for d in object.__dir__(self) if d.startswith("__")]
        return sorted(set(_PUBLIC_NODE_ATTRIBUTES + saved + dunders))

    def register_prehook(self, hook):
        """Call ``hook(grad_outputs)`` before this node runs; it may return replacement gradients."""
        return add_hook(self._own_hooks("_node_pre_hooks"), hook)

    def register_hook(self, hook):
        """Call ``hook(grad_inputs, grad_outputs)`` after this node ran; it may replace ``grad_inputs``."""
        return add_hook(self._own_hooks("_post_hooks"), hook)

    def __call__(self, *grads):
        """Run the backward formula on tensors, as ``tensor.grad_fn(grad)`` does in torch.

        In grad mode a node whose formula runs on Tensors records it, as torch's do (the result has a
        ``grad_fn``); other nodes compute on numpy and return plain tensors.
        """
        self.check_not_released()
        if self.double_backward and is_grad_enabled():
            with formulas_on_tensors(True):
                results = self.apply(*(g if g is None or isinstance(g, Tensor) else Tensor._wrap(g) for g in grads))
            return results[0] if len(results) == 1 else results
        results = self.apply(*(g._data if isinstance(g, Tensor) else g for g in grads))
        results = tuple(None if r is None else Tensor._wrap(np.asarray(r)) for r in results)
        return results[0] if len(results) == 1 else results


class SavedAttribute:
    """``node._saved_<name>`` (the saved tensor, checked and unpacked) or ``node._raw_saved_<name>`` (its record).

    Installed on ``Node`` by ``keep_saved`` the first time any node saves a tensor under ``name``; a node that
    saved none under it raises AttributeError. (A ``__getattr__`` on Node would do the same but slow down
    every attribute of every node, which the engine reads many times per op: bench_small_ops' per-op figure.)
    """

    def __init__(self, name: str, raw: bool):
        self.name, self.raw = name, raw

    def __get__(self, node, owner=None):
        if node is None:
            return self
        saved = node._saved
        if self.name not in saved:
            prefix = "_raw_saved_" if self.raw else "_saved_"
            raise AttributeError(f"'{type(node).__name__}' object has no attribute '{prefix}{self.name}'")
        record = saved[self.name]
        return record if self.raw or record is None else record.unpack()


def keep_saved(node: Node, name: str, saved: SavedTensor | None) -> None:
    """Keep ``saved`` as ``node``'s saved tensor ``name``, readable as ``_saved_<name>`` and ``_raw_saved_<name>``."""
    node._saved[name] = saved
    if name not in _EXPOSED:
        _EXPOSED.add(name)
        setattr(Node, f"_saved_{name}", SavedAttribute(name, raw=False))
        setattr(Node, f"_raw_saved_{name}", SavedAttribute(name, raw=True))


_EXPOSED: set = set()  # the names ``keep_saved`` installed on Node


class formulas_on_tensors:  # noqa: N801 (used as a context manager, like no_grad)
    """``with formulas_on_tensors(True):`` backward formulas compute with Tensors, in grad mode (create_graph);
    ``formulas_on_tensors(False)`` puts numpy back for a plain backward started inside such a run."""

    def __init__(self, on: bool):
        self.on = on

    def __enter__(self):
        self.previous = FormulaMode.on_tensors
        FormulaMode.on_tensors = self.on
        self.grad_mode = enable_grad() if self.on else None
        if self.grad_mode is not None:
            self.grad_mode.__enter__()

    def __exit__(self, *exc):
        FormulaMode.on_tensors = self.previous
        if self.grad_mode is not None:
            self.grad_mode.__exit__(*exc)


def edge_of(tensor) -> tuple:
    """The ``next_functions`` entry for an input: its grad_fn, its AccumulateGrad, or None."""
    if tensor is None or not hasattr(tensor, "_data"):
        return (None, 0)
    if tensor._base is None:  # not a view: ``grad_fn`` is the tensor's own (written out for bench_small_ops)
        if tensor._grad_fn is not None:
            return (tensor._grad_fn, tensor._output_nr)
        return (tensor._grad_accumulator(), 0) if tensor._requires_grad else (None, 0)
    if tensor.grad_fn is not None:
        return (tensor.grad_fn, tensor.output_nr)
    if tensor._requires_grad:  # a leaf's own flag: a view that only follows its base has no accumulator
        return (tensor._grad_accumulator(), 0)
    return (None, 0)


def needs_recording(inputs) -> bool:
    """True when grad mode is on and some input requires grad: the op must join the graph."""
    if not grad_mode._enabled:  # (module state read directly, as below: bench_small_ops' per-op figure)
        return False
    for t in inputs:  # (a tensor's own fields first, its requires_grad property only for views: the per-op figure)
        if isinstance(t, Tensor) and (t._requires_grad or t._grad_fn is not None or t.requires_grad):
            return True
    return False


def record(node_cls, out_data, inputs, saved=None, attrs=None, state=None, save_result=False, view_of=None):
    """Wrap ``out_data`` in a Tensor and, when needed, attach a new ``node_cls`` node as its grad_fn.

    The one way an op joins the graph. ``saved`` maps torch's names (``"self"``, ``"other"``) to tensors to
    keep for backward, ``attrs`` maps names to plain values shown as ``_saved_<name>`` (a tensor among them is
    saved like ``saved``), ``state`` maps names to private values the formula needs (stored as ``_<name>``:
    dims, axes...), and ``save_result=True`` saves the output. With ``view_of=base`` the result is a view: it
    shares the base's memory and version counter. Nothing touches the node after ``record`` returns.
    """
    out = Tensor._wrap(out_data) if view_of is None else Tensor._view(out_data, view_of)
    if not needs_recording(inputs) or out._data.dtype.kind not in "fc":  # integer results have no gradient
        return out
    node = _new_node(node_cls)
    connect(node, inputs, saved, attrs, state)
    out._grad_fn = node  # a new tensor: output 0, nothing retained yet
    node._output_meta = {0: (out._data.shape, out._data.dtype)}
    if save_result:
        keep_saved(node, "result", SavedTensor(out, node, is_output=True))
    return out


def record_outputs(node_cls, outs, inputs, saved=None, attrs=None, state=None, save_result=False) -> tuple:
    """``record`` for an op with several outputs (unbind, split, var_mean): one node, output ``i`` its nr ``i``.

    ``outs`` are the op's result tensors, already made (views of the input for unbind and split); the
    other arguments are ``record``'s (``save_result=True`` saves the first output as ``result``; a tuple of
    names saves the outputs under torch's names, ``("min", "max")``). Returns ``outs``.
    """
    if not outs or not needs_recording(inputs) or outs[0]._data.dtype.kind not in "fc":  # unbind of a 0-size dim
        return outs
    node = _new_node(node_cls)
    node._num_outputs = len(outs)
    connect(node, inputs, saved, attrs, state)
    for output_nr, out in enumerate(outs):
        set_grad_fn(out, node, output_nr)
    node._output_meta = {nr: (out._data.shape, out._data.dtype) for nr, out in enumerate(outs)}
    if save_result:
        for name, out in zip(("result",) if save_result is True else save_result, outs):
            keep_saved(node, name, SavedTensor(out, node, is_output=True))
    return outs


def _new_node(node_cls) -> Node:
    """A new node; in anomaly mode it keeps the forward traceback, as torch's nodes do."""
    node = node_cls()
    if anomaly_mode.is_anomaly_enabled():
        node.metadata["traceback_"] = anomaly_mode.forward_stack()
    return node


class RecordedInput:
    """An input another node already recorded (its edge and its (shape, dtype)), passed on to a new node.

    ``CopySlices`` takes over the edges of the in-place op's other inputs this way.
    """

    def __init__(self, node: Node, index: int):
        self.edge = node.next_functions[index]
        self.meta = node._input_meta[index] if node.needs_input_meta else None


def attach(node: Node, out, inputs, saved=None, attrs=None, state=None, output_nr: int = 0) -> None:
    """Make ``node`` the grad_fn of the existing tensor ``out``: edges to the inputs, saved tensors, saved
    attributes and state (``record``'s arguments). Used directly only where a tensor's history is rewritten
    (an in-place op's rebase, a view's regenerated grad_fn, ``unsqueeze_`` and the other in-place shape changes)."""
    connect(node, inputs, saved, attrs, state)
    if out._retains_grad:
        set_grad_fn(out, node, output_nr)
    else:
        out._grad_fn, out._output_nr = node, output_nr
    if output_nr == 0:
        node._output_meta = {0: (out._data.shape, out._data.dtype)}
    else:
        node._output_meta = {**node._output_meta, output_nr: (out._data.shape, out._data.dtype)}  # never the class's


def connect(node: Node, inputs, saved=None, attrs=None, state=None) -> None:
    """Give ``node`` its edges (one per input), input shapes, saved tensors, saved attributes and state.

    The part of ``attach`` that does not touch an output: a custom Function connects its node first, then
    sets its outputs' grad_fn one by one (``set_grad_fn``)."""
    if node.needs_input_meta:
        node.next_functions, node._input_meta = _edges_and_shapes(inputs)
    else:
        node.next_functions = tuple([edge_of(t) for t in inputs])  # (a number's edge is (None, 0))
    if saved:
        for name, tensor in saved.items():
            keep_saved(node, name, None if tensor is None else SavedTensor(tensor, node))
    if attrs:
        for name, value in attrs.items():
            if isinstance(value, Tensor):
                keep_saved(node, name, SavedTensor(value, node))
            else:
                setattr(node, f"_saved_{name}", value)
    if state:
        for name, value in state.items():
            setattr(node, f"_{name}", value)


def _edges_and_shapes(inputs) -> tuple[tuple, list]:
    """One edge per input (``next_functions``) and its (shape, dtype), or None for a number."""
    edges, meta = [], []
    for t in inputs:
        if isinstance(t, Tensor):
            edges.append(edge_of(t))
            meta.append((t._data.shape, t._data.dtype))
        elif t.__class__ is RecordedInput:
            edges.append(t.edge)
            meta.append(t.meta)
        else:  # a number or None: no edge
            edges.append((None, 0))
            meta.append(None)
    return tuple(edges), meta


def set_grad_fn(tensor, node: Node, output_nr: int = 0) -> None:
    """Make ``node`` the grad_fn of ``tensor``; ``retain_grad`` follows the tensor to its new node."""
    old = tensor._grad_fn
    if tensor._retains_grad and old is not None and old is not node:
        keep = old._retains_grad_hooks.pop(tensor._output_nr, None)
        if keep is not None:
            node._own_hooks("_retains_grad_hooks")[output_nr] = keep
    tensor._grad_fn, tensor._output_nr = node, output_nr


def unbroadcast(grad, shape):
    """Sum ``grad`` over the dimensions broadcasting added, so it has the input's ``shape`` again.

    On a Tensor it is torch's ``sum_to``: one ``sum(dims, keepdim=True)``, then a ``view`` if dims were added.
    """
    if grad.shape == shape:  # an array's shape is a tuple, a Tensor's a Size (a tuple too)
        return grad
    shape = tuple(shape)  # (a list)
    if grad.shape == shape:
        return grad
    lead = grad.ndim - len(shape)
    dims = tuple(range(lead)) + tuple(i for i, n in enumerate(shape, lead) if n == 1 and grad.shape[i] != 1)
    if isinstance(grad, Tensor):
        if not shape:
            return grad.sum()
        grad = grad.sum(dims, keepdim=True) if dims else grad
        return grad.view(shape) if lead else grad
    return torch_order_sum(grad, dims, keepdim=True).reshape(shape) if dims else grad.reshape(shape)
