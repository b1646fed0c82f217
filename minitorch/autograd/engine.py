"""The backward engine: ``backward()`` and ``grad()``, walking the graph as torch's ``engine.cpp`` does.

A learner can read this file beside torch's ``torch/csrc/autograd/engine.cpp``: the names are the same.

1. ``compute_dependencies``: for every node reachable from the roots, count the edges that lead into it.
2. ``init_to_execute`` (only when ``inputs`` are given): mark which nodes must run (those on a path to an
   input) and where gradients are captured (``grad()``) instead of accumulated.
3. ``execute``: a node is ready once its count drops to zero; among ready nodes the most recently created
   runs first (highest ``_seq``), and ``AccumulateGrad`` nodes as soon as they are ready.
   ``evaluate_function`` runs the hooks, captures, ``call_function`` (the node's ``apply``), frees the
   node's saved tensors, and hands each gradient to the next node's input buffer.

With ``create_graph=True`` the formulas compute with Tensors in grad mode (``formulas_on_tensors``), so the
gradients have a graph of their own and can be differentiated again; otherwise they compute with numpy.
"""

from __future__ import annotations

import heapq
import itertools
import warnings
from collections import namedtuple

import numpy as np

from .._dtype import Size, from_numpy_dtype
from . import anomaly_mode, hooks
from . import node as _node
from .accumulate_grad import AccumulateGrad
from .node import _NO_HOOKS, edge_of, formulas_on_tensors, unbroadcast

BackwardStep = namedtuple("BackwardStep", "node grads_in grads_out")
BackwardStep.__doc__ = "One executed node: the gradients it received and those it sent along next_functions."


class GraphTask:
    """The state of one backward run: dependencies, input buffers, the ready queue, what runs, captures."""

    def __init__(self, keep_graph: bool, accumulate: bool, trace: list | None = None, create_graph: bool = False):
        self.keep_graph = keep_graph  # retain_graph: keep saved tensors for another backward
        self.create_graph = create_graph  # formulas run on Tensors and are recorded (double backward)
        self.accumulate = accumulate  # backward() adds into .grad; grad() only captures
        self.trace = trace  # a list that receives one BackwardStep per node run (the viz replays it)
        self.dependencies: dict = {}  # node -> edges still to deliver a gradient into it
        self.input_buffers: dict = {}  # node -> {input_nr: gradient summed so far}
        self.ready: list = []  # a heap of (-sequence number, push order, node)
        self.exec_info: dict = {}  # node -> must it run? Empty: every node runs
        self.captures: dict = {}  # node -> [(input_nr, index in captured_vars)]
        self.captured_vars: list = []
        self.written: dict = {}  # id(gradient) -> (gradient, writes): see Node._grad_writes
        self.root_grads: list = []  # the gradients backward started from: the caller holds them
        self._pushes = itertools.count()

    def should_execute(self, node) -> bool:
        """Whether ``node`` runs or captures in this task (every node does when ``exec_info`` is empty)."""
        return not self.exec_info or node in self.exec_info

    def add_input(self, node, input_nr: int, grad) -> None:
        """Sum ``grad`` into ``node``'s input buffer slot ``input_nr``."""
        slot = self.input_buffers.setdefault(node, {})
        slot[input_nr] = grad if slot.get(input_nr) is None else self.summed(slot[input_nr], grad)

    def summed(self, old, grad):
        """Two gradients for one slot, added. torch adds in place into the first one when it owns it alone
        and it is dense (one more version); numpy adds out of place, so the version is noted instead."""
        total = old + grad
        owned = old is not grad and type(old) is np.ndarray and old.base is None  # (Tensors: create_graph)
        if owned and total.dtype is old.dtype and total.shape == old.shape:  # (``is``: numpy's dtypes are shared)
            writes = self.written.get(id(old))
            self.written[id(total)] = (total, (writes[1] if writes and writes[0] is old else 0) + 1)
        return total

    def is_held(self, grad) -> bool:
        """Whether something besides the node about to run still holds ``grad`` (torch's ``use_count() > 1``):
        the caller (a root gradient) or another node's input buffer (one gradient sent along two edges)."""
        if any(grad is root for root in self.root_grads):
            return True
        return any(grad is other for slot in self.input_buffers.values() for other in slot.values())

    def push_ready(self, node) -> None:
        """Queue ``node``: the latest created runs first, ties in push order."""
        heapq.heappush(self.ready, (-node._seq, next(self._pushes), node))

    def capture(self, node, grads: list) -> bool:
        """Keep the gradients ``grad()`` asked for that arrive at ``node``; return whether ``node`` runs."""
        for input_nr, index in self.captures.get(node, ()):
            self.captured_vars[index] = grads[input_nr]
        return self.exec_info.get(node, True)

    def take_inputs(self, node) -> list:
        """The gradients collected for ``node``'s outputs (None where nothing arrived)."""
        slot = self.input_buffers.pop(node, None)
        if slot is None:
            return [None] * node._num_outputs
        if node._num_outputs == 1:
            return [slot.get(0)]
        return [slot.get(i) for i in range(node._num_outputs)]


def compute_dependencies(task: GraphTask, root_nodes) -> None:
    """Count, for each node reachable from the roots, how many edges lead into it."""
    deps, seen, stack = task.dependencies, set(root_nodes), list(root_nodes)
    while stack:
        for child, _ in stack.pop().next_functions:
            if child is None:
                continue
            deps[child] = deps.get(child, 0) + 1
            if child not in seen:
                seen.add(child)
                stack.append(child)


def init_to_execute(task: GraphTask, root_nodes, output_edges) -> None:
    """Mark the nodes that must run to reach ``output_edges`` (the ``inputs``), and where to capture.

    ``backward(inputs=...)`` runs the inputs' own nodes; ``grad()`` only captures what flows into them.
    """
    for index, (node, input_nr) in enumerate(output_edges):
        if task.accumulate:
            task.exec_info[node] = True
        else:
            task.captures.setdefault(node, []).append((input_nr, index))
            task.exec_info.setdefault(node, False)
    for node in _post_order(root_nodes):  # children before parents
        if any(child in task.exec_info for child, _ in node.next_functions):
            task.exec_info[node] = True


def _post_order(root_nodes) -> list:
    """Every node reachable from the roots, each after all of its children (a graph's nodes may be shared)."""
    order, seen, stack = [], set(), [(node, False) for node in root_nodes]
    while stack:  # iterative, so long graphs don't hit Python's recursion limit
        node, children_done = stack.pop()
        if children_done:
            order.append(node)
        elif node not in seen:
            seen.add(node)
            stack.append((node, True))
            stack.extend((child, False) for child, _ in node.next_functions if child is not None)
    return order


def validate_outputs(node, grads) -> list:
    """Check each gradient ``node`` returned against what its next node recorded of that tensor in forward.

    As torch's ``validate_outputs``: a gradient that broadcasts to the recorded shape is summed back to it, one
    of another shape is refused, and one of another dtype is cast (the shapes recorded when the graph was
    built count, even if ``.data`` changed a tensor's shape since).
    """
    checked, i = grads, 0
    for grad, (child, input_nr) in zip(grads, node.next_functions):
        meta = None if grad is None or child is None else child._output_meta.get(input_nr)
        # the common case needs nothing checked or cast (written out: bench_small_ops' per-op figure)
        if meta is not None and not (type(grad) is np.ndarray and grad.dtype is meta[1] and grad.shape == meta[0]):
            checked = list(checked) if checked is grads else checked
            checked[i] = _checked_gradient(grad, tuple(meta[0]), meta[1], node, i)
        i += 1
    return checked


def _checked_gradient(grad, shape: tuple, dtype, node=None, index: int = 0):
    """One gradient with the recorded shape (summed back to it when it broadcasts to it, else torch's error)
    and dtype (cast; recorded on a Tensor)."""
    is_tensor = isinstance(grad, _node.Tensor)
    if not is_tensor:
        grad = np.asarray(grad)
    if tuple(grad.shape) != shape:
        try:
            fits = len(shape) <= grad.ndim and np.broadcast_shapes(shape, tuple(grad.shape)) == tuple(grad.shape)
        except ValueError:
            fits = False
        if not fits:
            raise RuntimeError(f"Function {node.name()} returned an invalid gradient at index {index} - got "
                               f"{list(grad.shape)} but expected shape compatible with {list(shape)}")
        grad = unbroadcast(grad, shape)
    if is_tensor:
        return grad if grad._data.dtype == dtype else grad.to(from_numpy_dtype(dtype))
    return grad if grad.dtype == dtype else grad.astype(dtype)


def call_function(task: GraphTask, node, grads: list) -> tuple:
    """Run ``node``'s pre-hooks, its backward formula, ``validate_outputs`` and its post-hooks."""
    if node._node_pre_hooks is not _NO_HOOKS:
        grads = hooks.call_pre_hooks(node, grads)
    if grads[0] is None and all(g is None for g in grads):  # nothing arrived: nothing to send on
        return (None,) * len(node.next_functions)
    try:
        if node._released:
            node.check_not_released()
        if task.create_graph:
            node.check_double_backward()
        outputs = node.apply(*grads)
    except RuntimeError as error:
        if not anomaly_mode.is_anomaly_enabled():
            raise
        raise anomaly_mode.report_failure(node, error) from None
    if node._grad_writes:  # torch's formula wrote into these: they carry versions (a cast below makes new ones)
        task.written.update((id(grad), (grad, node._grad_writes)) for grad in outputs)
    outputs = validate_outputs(node, outputs)
    if node._post_hooks is not _NO_HOOKS:  # post-hooks see the checked gradients; theirs are checked by them
        outputs = hooks.call_post_hooks(node, outputs, grads)
    if task.trace is not None:
        task.trace.append(BackwardStep(node, hooks.wrap_all(grads), hooks.wrap_all(outputs)))
    return outputs


def evaluate_function(task: GraphTask, node) -> None:
    """Hooks and captures for ``node``; run it if needed; pass its gradients on to the next nodes."""
    grads = task.take_inputs(node)
    if node._tensor_hooks or node._retains_grad_hooks:
        grads = hooks.call_tensor_pre_hooks(node, grads)
    if task.exec_info and not task.capture(node, grads):  # only when inputs= was given
        return
    if node.__class__ is AccumulateGrad:  # may it keep the gradient as .grad without a copy?
        node._held_input = grads[0] is not None and task.is_held(grads[0])
    outputs = call_function(task, node, grads)
    if not task.keep_graph:
        node.release_saved()
    dependencies, exec_info, buffers = task.dependencies, task.exec_info, task.input_buffers
    for (child, input_nr), grad in zip(node.next_functions, outputs):
        if child is None:
            continue
        dependencies[child] -= 1
        if exec_info and child not in exec_info:
            continue
        # task.add_input and task.push_ready written out: a call less per edge shows in the per-op figure
        # of benchmarks/bench_small_ops.py (about 0.1 us of its ~13 us per op).
        if grad is not None:
            slot = buffers.setdefault(child, {})
            slot[input_nr] = grad if slot.get(input_nr) is None else task.summed(slot[input_nr], grad)
        if dependencies[child] == 0:
            heapq.heappush(task.ready, (-child._seq, next(task._pushes), child))


def execute(task: GraphTask, root_edges, root_grads) -> None:
    """The main loop: seed the roots' buffers, then run ready nodes until none is left."""
    root_nodes = list(dict.fromkeys(node for node, _ in root_edges))
    for (node, input_nr), grad in zip(root_edges, root_grads):
        task.add_input(node, input_nr, grad)
    for node in root_nodes:
        if task.dependencies.get(node, 0) == 0 and task.should_execute(node):
            task.push_ready(node)
    if task.create_graph or _node.FormulaMode.on_tensors:  # or: a plain backward inside a recording one
        with formulas_on_tensors(task.create_graph):
            _run_ready(task)
    else:
        _run_ready(task)


def _run_ready(task: GraphTask) -> None:
    """Run ready nodes, the most recently created first, until none is left."""
    with np.errstate(all="ignore"):  # NaN and inf propagate silently through the formulas, as in torch
        while task.ready:
            evaluate_function(task, heapq.heappop(task.ready)[2])


def _root_gradients(roots, grad_roots, create_graph=False) -> list:
    """Check the roots and make the implicit gradient (ones) for scalar roots, with torch's errors.

    With ``create_graph`` they are Tensors (a given one as it is, so a gradient that requires grad is
    followed too), else numpy arrays.
    """
    grads = []
    for i, (root, grad) in enumerate(zip(roots, grad_roots)):
        if not root.requires_grad:
            raise RuntimeError(f"element {i} of tensors does not require grad and does not have a grad_fn")
        if grad is None:
            if root.numel() != 1:
                raise RuntimeError("grad can be implicitly created only for scalar outputs")
            ones = np.ones(root.shape, dtype=root._data.dtype)
            grads.append(_node.Tensor._wrap(ones) if create_graph else ones)
            continue
        data = np.asarray(grad._data if hasattr(grad, "_data") else grad)
        if data.shape != tuple(root.shape):
            raise RuntimeError(f"Mismatch in shape: grad_output[{i}] has a shape of {Size(data.shape)} and "
                               f"output[{i}] has a shape of {root.shape}.")
        if create_graph:
            grad = grad if isinstance(grad, _node.Tensor) else _node.Tensor._wrap(data)
            grads.append(_checked_gradient(grad, tuple(root.shape), root._data.dtype))
            continue
        grads.append(data.astype(root._data.dtype, copy=False))
    return grads


def _output_edges(task: GraphTask, inputs) -> list:
    """The edges whose gradients ``inputs`` asks for (``backward(inputs=)`` retains a non-leaf's grad)."""
    edges = []
    for tensor in inputs:
        if task.accumulate:  # as torch: the gradient lands in .grad through retain_grad's hook (checked first)
            tensor.retain_grad()
        if not tensor.requires_grad:
            raise RuntimeError("One of the differentiated Tensors does not require grad")
        edges.append(edge_of(tensor))
    return edges


def run_backward(tensors, grad_tensors, keep_graph=False, accumulate=True, inputs=None,
                 allow_unused=False, trace=None, create_graph=False):
    """Run backward from ``tensors``; with ``accumulate=False`` return the gradients of ``inputs``.

    A list passed as ``trace`` receives a ``BackwardStep`` per node run, in order. With ``create_graph``
    the gradients are recorded (they have a ``grad_fn`` and can be differentiated again).
    """
    task = GraphTask(keep_graph, accumulate, trace, create_graph)
    grads = task.root_grads = _root_gradients(tensors, grad_tensors, create_graph)
    root_edges = [edge_of(t) for t in tensors]
    for i, (node, _) in enumerate(root_edges):  # a no_grad view of a leaf requires grad but has no edge
        if node is None:
            raise RuntimeError(f"element {i} of tensors does not require grad and does not have a grad_fn")
    root_nodes = list(dict.fromkeys(node for node, _ in root_edges))
    compute_dependencies(task, root_nodes)
    if inputs is not None:
        output_edges = _output_edges(task, inputs)
        task.captured_vars = [None] * len(output_edges)
        init_to_execute(task, root_nodes, output_edges)
    with hooks.gradient_writes(task.written):
        execute(task, root_edges, grads)
        if accumulate:
            return ()
        for i, grad in enumerate(task.captured_vars):
            if grad is None and not allow_unused:
                raise RuntimeError(f"The differentiated Tensor at index {i} appears to not have been used in "
                                   "the graph. Set allow_unused=True if this is the desired behavior.")
        return hooks.wrap_all(task.captured_vars)


def _as_tuple(value):
    if value is None:
        return None
    return tuple(value) if isinstance(value, (list, tuple)) else (value,)


REFERENCE_CYCLE_WARNING = (
    "Using backward() with create_graph=True will create a reference cycle between the parameter and its "
    "gradient which can cause a memory leak. We recommend using autograd.grad when creating the graph to "
    "avoid this. If you have to use this function, make sure to reset the .grad fields of your parameters to "
    "None after use to break the cycle and avoid the leak."
)


def backward(tensors, grad_tensors=None, retain_graph=None, create_graph=False, inputs=None) -> None:
    """Add the gradients of ``tensors`` w.r.t. the graph's leaves (or only ``inputs``) into ``.grad``.

    ``create_graph=True`` records the backward pass itself (``x.grad`` gets a ``grad_fn``); it implies
    ``retain_graph=True`` unless that is given.
    """
    if create_graph:
        warnings.warn(REFERENCE_CYCLE_WARNING, UserWarning, stacklevel=1)  # one place: shown once, as torch's
    tensors = _as_tuple(tensors)
    grads = _as_tuple(grad_tensors) or (None,) * len(tensors)
    keep_graph = create_graph if retain_graph is None else retain_graph
    run_backward(tensors, grads, keep_graph=bool(keep_graph), inputs=_as_tuple(inputs),
                 create_graph=bool(create_graph))


def grad(outputs, inputs, grad_outputs=None, retain_graph=None, create_graph=False, allow_unused=None,
         materialize_grads=False):
    """Return the gradients of ``outputs`` w.r.t. ``inputs`` without touching any ``.grad``.

    With ``create_graph=True`` the gradients are recorded and can be differentiated again (the graph is
    then kept unless ``retain_graph=False``).
    """
    outputs = _as_tuple(outputs)
    grads = _as_tuple(grad_outputs) or (None,) * len(outputs)
    inputs = _as_tuple(inputs)
    keep_graph = create_graph if retain_graph is None else retain_graph
    result = run_backward(outputs, grads, keep_graph=bool(keep_graph), accumulate=False, inputs=inputs,
                          allow_unused=bool(allow_unused) or materialize_grads, create_graph=bool(create_graph))
    if materialize_grads:
        from .._factories import zeros_like  # cycle: _factories imports minitorch.tensor, which imports this module

        result = tuple(zeros_like(t) if g is None else g for t, g in zip(inputs, result))
    return result
