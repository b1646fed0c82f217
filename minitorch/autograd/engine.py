"""The backward engine: walks the graph from the roots and runs each node once all its gradients are in.

As torch's engine does, it first counts, for every node, how many edges lead into it (its dependencies).
A node becomes ready when the count drops to zero; among ready nodes the most recently created runs first
(highest ``_seq``), and ``AccumulateGrad`` nodes run as soon as they are ready.
"""

from __future__ import annotations

import heapq
from collections import namedtuple

import numpy as np

from .._dtype import Size
from . import anomaly_mode
from . import node as node_module
from .node import _NO_HOOKS, AccumulateGrad, edge_of

BackwardStep = namedtuple("BackwardStep", "node grads_in grads_out")
BackwardStep.__doc__ = "One executed node: the gradients it received and those it sent along next_functions."


def _root_gradients(roots, grad_roots):
    """Check the roots and make the implicit gradient (ones) for scalar roots, with torch's errors."""
    grads = []
    for i, (root, grad) in enumerate(zip(roots, grad_roots)):
        if not root.requires_grad:
            raise RuntimeError(f"element {i} of tensors does not require grad and does not have a grad_fn")
        if grad is None:
            if root.numel() != 1:
                raise RuntimeError("grad can be implicitly created only for scalar outputs")
            grads.append(np.ones(root.shape, dtype=root._data.dtype))
            continue
        data = np.asarray(grad._data if hasattr(grad, "_data") else grad)
        if data.shape != tuple(root.shape):
            raise RuntimeError(f"Mismatch in shape: grad_output[{i}] has a shape of {Size(data.shape)} and "
                               f"output[{i}] has a shape of {root.shape}.")
        grads.append(data.astype(root._data.dtype, copy=False))
    return grads


def _count_dependencies(root_nodes):
    """How many edges lead into each node reachable from the roots."""
    deps, seen, stack = {}, set(root_nodes), list(root_nodes)
    while stack:
        for child, _ in stack.pop().next_functions:
            if child is None:
                continue
            deps[child] = deps.get(child, 0) + 1
            if child not in seen:
                seen.add(child)
                stack.append(child)
    return deps


def _nodes_leading_to(targets, deps, root_nodes):
    """The nodes from which some target can be reached: only these need to run for ``inputs=``."""
    order, seen, stack = [], set(), list(root_nodes)
    while stack:  # an iterative post-order, so long graphs don't hit Python's recursion limit
        node = stack.pop()
        if node in seen:
            continue
        seen.add(node)
        order.append(node)
        stack.extend(child for child, _ in node.next_functions if child is not None)
    needed = set(targets)
    for node in reversed(order):
        if any(child in needed for child, _ in node.next_functions):
            needed.add(node)
    return needed


def _wrap_all(grads):
    return tuple(None if g is None else node_module.Tensor._wrap(g) for g in grads)


def _run_tensor_hooks(node, grads):
    Tensor = node_module.Tensor  # noqa: N806
    for output_nr, hooks in node._tensor_hooks.items():
        for _, hook in sorted(hooks.items(), key=lambda item: item[0] == -1):  # retain_grad's runs last
            if grads[output_nr] is None:
                continue
            replaced = hook(Tensor._wrap(grads[output_nr]))
            if replaced is not None:
                grads[output_nr] = replaced._data
    for hook in list(node._node_pre_hooks.values()):
        replaced = hook(_wrap_all(grads))
        if replaced is not None:
            grads[:] = [None if g is None else g._data for g in replaced]


def _checked(grad, meta):
    """Cast a gradient to its input's dtype, as torch's engine does (shapes must already match)."""
    shape, dtype = meta
    if type(grad) is np.ndarray and grad.dtype == dtype and grad.shape == shape:
        return grad
    if type(grad) is not np.ndarray:
        grad = np.asarray(grad)
    if grad.shape != tuple(shape):
        raise RuntimeError(f"Function returned an invalid gradient: got shape {list(grad.shape)} "
                           f"but expected shape compatible with {list(shape)}")
    return grad if grad.dtype == dtype else grad.astype(dtype)


def run_backward(roots, grad_roots, retain_graph=False, inputs=None, allow_unused=False,
                 accumulate=True, trace=None):
    """Run backward from ``roots``; return the gradients of ``inputs`` (when given) as a list.

    ``accumulate=True`` (``backward()``) adds into ``.grad``; ``accumulate=False`` (``autograd.grad``)
    only returns the gradients of ``inputs``. A list passed as ``trace`` receives a ``BackwardStep``
    per node executed, in order.
    """
    grads = _root_gradients(roots, grad_roots)
    edges = [edge_of(root) for root in roots]
    root_nodes = list(dict.fromkeys(node for node, _ in edges))
    deps = _count_dependencies(root_nodes)

    captures = {}  # (node, output_nr) -> index in inputs
    needed = None
    if inputs is not None:
        for i, tensor in enumerate(inputs):
            node, nr = edge_of(tensor)
            if node is None:
                raise RuntimeError("One of the differentiated Tensors does not require grad")
            if accumulate and isinstance(node, AccumulateGrad):
                continue  # backward(inputs=leaf): just let its AccumulateGrad run
            captures[(node, nr)] = i
        targets = {edge_of(t)[0] for t in inputs}
        needed = _nodes_leading_to(targets, deps, root_nodes)
    captured = [None] * (len(inputs) if inputs is not None else 0)

    buffers = {}
    for (node, nr), grad in zip(edges, grads):
        slot = buffers.setdefault(node, {})
        slot[nr] = grad if nr not in slot else slot[nr] + grad
    ready = [(-node._seq, i, node) for i, node in enumerate(root_nodes) if deps.get(node, 0) == 0]
    heapq.heapify(ready)
    tiebreak = len(ready)

    while ready:
        node = heapq.heappop(ready)[2]
        slot = buffers.pop(node, {})
        node_grads = [slot.get(i) for i in range(node._num_outputs)]
        if node._tensor_hooks is not _NO_HOOKS or node._node_pre_hooks is not _NO_HOOKS:
            _run_tensor_hooks(node, node_grads)
        if captures:
            for nr, grad in enumerate(node_grads):
                if (node, nr) in captures and grad is not None:
                    captured[captures[(node, nr)]] = grad
        has_grad = node_grads[0] is not None if len(node_grads) == 1 else any(g is not None for g in node_grads)
        runs = has_grad and (needed is None or node in needed)
        if isinstance(node, AccumulateGrad) and (not accumulate or (node, 0) in captures):
            runs = False
        try:
            outputs = node.apply(*node_grads) if runs else ()
        except RuntimeError as error:
            if not anomaly_mode.is_anomaly_enabled():
                raise
            raise anomaly_mode.report_failure(node, error) from None
        for hook in list(node._post_hooks.values()) if runs and node._post_hooks is not _NO_HOOKS else ():
            replaced = hook(_wrap_all(outputs), _wrap_all(node_grads))
            if replaced is not None:
                outputs = tuple(None if g is None else g._data for g in replaced)
        if runs and not retain_graph:
            node.release_saved()
        if trace is not None and runs:
            trace.append(BackwardStep(node, _wrap_all(node_grads), _wrap_all(outputs)))
        for i, (child, nr) in enumerate(node.next_functions):
            if child is None:
                continue
            grad = outputs[i] if i < len(outputs) else None
            if grad is not None:
                grad = _checked(grad, node._input_meta[i])
                slot = buffers.setdefault(child, {})
                slot[nr] = grad if slot.get(nr) is None else slot[nr] + grad
            deps[child] -= 1
            if deps[child] == 0:
                tiebreak += 1
                heapq.heappush(ready, (-child._seq, tiebreak, child))

    if inputs is None:
        return []
    for i, tensor in enumerate(inputs):
        if captured[i] is None and not allow_unused and not (accumulate and tensor.is_leaf):
            raise RuntimeError(f"The differentiated Tensor at index {i} appears to not have been used in the "
                               "graph. Set allow_unused=True if this is the desired behavior.")
    return _wrap_all(captured)
