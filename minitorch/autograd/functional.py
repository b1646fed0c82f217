"""``torch.autograd.functional``: Jacobians and vector-Jacobian products of a whole function.

``jacobian`` and ``vjp`` run reverse mode, as torch's default strategy does: one backward pass per output
element. ``jvp`` (J @ v) is computed from that Jacobian, exactly. ``hessian`` is the Jacobian of the
Jacobian, and ``hvp``/``vhp`` differentiate the gradient once more: both need double backward
(``create_graph=True``), so they work through the ops whose formulas support it (docs/implemented.md).
With ``create_graph=True`` the results keep their graph, as torch's do.
"""

from __future__ import annotations

import numpy as np

from .. import _factories
from ..ops import join, reshaping
from ..ops._util import is_tensor
from . import node as _node
from .engine import run_backward
from .grad_mode import enable_grad


def _as_tensor_tuple(value, what: str, fn_name: str) -> tuple[bool, tuple]:
    """``(was_a_tuple, tuple_of_tensors)``, with torch's TypeError for anything else."""
    if is_tensor(value):
        return False, (value,)
    if isinstance(value, tuple) and all(is_tensor(v) for v in value):
        return True, value
    if what == "inputs":
        message = (f"The inputs given to {fn_name} must be either a Tensor or a tuple of Tensors but the given "
                   f"inputs has type {type(value)}.")
    else:
        message = (f"The {what} given to {fn_name} must be either a Tensor or a tuple of Tensors but the given "
                   f"{what} has type {type(value)}.")
    raise TypeError(message)


def _prepare(func, inputs, fn_name: str, create_graph=False):
    """The inputs made to require grad (detached copies, or views keeping their graph with ``create_graph``,
    as torch's ``_grad_preprocess``), and the function's outputs computed on them."""
    inputs_tuple, inputs = _as_tensor_tuple(inputs, "inputs", fn_name)
    if create_graph:
        inputs = tuple(t.view_as(t) if t.requires_grad else t.detach().requires_grad_(t.is_floating_point())
                       for t in inputs)
    else:
        inputs = tuple(t.detach().requires_grad_(t.is_floating_point()) for t in inputs)
    with enable_grad():
        outputs = func(*inputs)
    outputs_tuple, outputs = _as_tensor_tuple(outputs, "outputs of the user-provided function", fn_name)
    return inputs_tuple, inputs, outputs_tuple, outputs


def _check_strict(outputs, strict: bool) -> None:
    for i, out in enumerate(outputs):
        if strict and not out.requires_grad:
            raise RuntimeError(f"Output {i} of the user-provided function does not require gradients. The outputs "
                               "must be computed in a differentiable manner from the input when running in "
                               "strict mode.")


def _gradients(out, grad_out, inputs, create_graph=False) -> list:
    """d(out . grad_out)/d(inputs): ndarrays, or Tensors with their graph when ``create_graph`` (zeros if unused)."""
    grads = [None] * len(inputs)
    if out.requires_grad:
        if create_graph and not isinstance(grad_out, _node.Tensor):
            grad_out = _node.Tensor._wrap(np.asarray(grad_out))
        grads = run_backward((out,), (grad_out,), keep_graph=True, inputs=inputs, allow_unused=True,
                             accumulate=False, create_graph=create_graph)
    zeros = [_node.Tensor._wrap(np.zeros(t.shape, t._data.dtype)) if g is None else g for g, t in zip(grads, inputs)]
    return zeros if create_graph else [g._data for g in zeros]


def _jacobian_rows(out, inputs, create_graph=False) -> list:
    """For each input, the Jacobian of ``out`` of shape ``out.shape + input.shape`` (a Tensor with its graph
    when ``create_graph``, stacked and viewed as torch does; else an array)."""
    rows = [[] for _ in inputs]
    for j in range(out.numel()):
        one_hot = np.zeros(out.numel(), out._data.dtype)
        one_hot[j] = 1
        for i, grad in enumerate(_gradients(out, one_hot.reshape(out.shape), inputs, create_graph)):
            rows[i].append(grad)
    tables = []
    for r, t in zip(rows, inputs):
        table_shape = tuple(out.shape) + tuple(t.shape)
        if not r:
            tables.append(_factories.zeros(table_shape, dtype=t.dtype) if create_graph else
                          np.zeros(table_shape, t._data.dtype))
        elif create_graph:
            tables.append(reshaping.view(join.stack(r, 0), *table_shape))
        else:
            tables.append(np.stack(r).reshape(table_shape))
    return tables


def _nest(values, outputs_tuple: bool, inputs_tuple: bool):
    """Shape a [output][input] table as torch returns it: tensors, tuples, or tuples of tuples."""
    table = tuple(tuple(v if isinstance(v, _node.Tensor) else _node.Tensor._wrap(v) for v in row) for row in values)
    if not inputs_tuple:
        table = tuple(row[0] for row in table)
    return table if outputs_tuple else table[0]


def jacobian(func, inputs, create_graph=False, strict=False, vectorize=False, strategy="reverse-mode"):
    """The Jacobian of ``func`` at ``inputs``: ``out.shape + input.shape`` per (output, input) pair."""
    inputs_tuple, inputs, outputs_tuple, outputs = _prepare(func, inputs, "jacobian", create_graph)
    _check_strict(outputs, strict)
    return _nest([_jacobian_rows(out, inputs, create_graph) for out in outputs], outputs_tuple, inputs_tuple)


def _default_v(outputs, v):
    if v is not None:
        return _as_tensor_tuple(v, "v", "vjp")[1]
    if len(outputs) != 1 or outputs[0].numel() != 1:
        raise RuntimeError("The vector v can only be None if the user-provided function returns a single Tensor "
                           "with a single element.")
    return (None,)


def vjp(func, inputs, v=None, create_graph=False, strict=False):
    """``(func(inputs), v^T J)``: the outputs and the vector-Jacobian product (detached unless create_graph)."""
    inputs_tuple, inputs, outputs_tuple, outputs = _prepare(func, inputs, "vjp", create_graph)
    _check_strict(outputs, strict)
    result = _vjp_of(outputs, _default_v(outputs, v), inputs, create_graph)
    kept = outputs if create_graph else tuple(o.detach() for o in outputs)
    return (kept if outputs_tuple else kept[0]), (result if inputs_tuple else result[0])


def _vjp_of(outputs, vs, inputs, create_graph) -> tuple:
    """The sum over outputs of ``v^T d(out)/d(inputs)``, as Tensors (with their graph when ``create_graph``)."""
    total = None
    for out, grad_out in zip(outputs, vs):
        seed = np.ones(out.shape, out._data.dtype) if grad_out is None else grad_out
        if not create_graph and isinstance(seed, _node.Tensor):
            seed = seed._data
        grads = _gradients(out, seed, inputs, create_graph)
        total = grads if total is None else [a + b for a, b in zip(total, grads)]
    return tuple(g if isinstance(g, _node.Tensor) else _node.Tensor._wrap(g) for g in total)


def jvp(func, inputs, v=None, create_graph=False, strict=False):
    """``(func(inputs), J v)``: the outputs and the Jacobian-vector product (computed from the full Jacobian).

    With ``create_graph=True`` the product is ``sum_i J_i v_i`` over the recorded Jacobians.
    """
    if create_graph:
        return _jvp_recorded(func, inputs, v, strict)

    inputs_tuple, inputs, outputs_tuple, outputs = _prepare(func, inputs, "jvp")
    _check_strict(outputs, strict)
    if v is None:
        if len(inputs) != 1 or inputs[0].numel() != 1:
            raise RuntimeError("The vector v can only be None if the input to the user-provided function is a "
                               "single Tensor with a single element.")
        v = (np.ones(inputs[0].shape, inputs[0]._data.dtype),)
    else:
        v = tuple(t._data for t in _as_tensor_tuple(v, "v", "jvp")[1])
    products = []
    for out in outputs:
        rows = _jacobian_rows(out, inputs)
        flat = sum(r.reshape(out.numel(), -1) @ vi.reshape(-1) for r, vi in zip(rows, v))
        products.append(_node.Tensor._wrap(np.asarray(flat, out._data.dtype).reshape(out.shape)))
    detached = tuple(o.detach() for o in outputs)
    return (detached if outputs_tuple else detached[0]), (tuple(products) if outputs_tuple else products[0])


def _jvp_recorded(func, inputs, v, strict):
    """jvp with create_graph=True: the Jacobians keep their graph, so does ``J v``."""
    inputs_tuple, inputs, outputs_tuple, outputs = _prepare(func, inputs, "jvp", True)
    _check_strict(outputs, strict)
    vs = _as_tensor_tuple(v, "v", "jvp")[1] if v is not None else tuple(t.detach() * 0 + 1 for t in inputs)
    products = []
    for out in outputs:
        tables = _jacobian_rows(out, inputs, True)
        flat = [table.reshape(out.numel(), -1) @ vi.reshape(-1) for table, vi in zip(tables, vs)]
        total = flat[0]
        for more in flat[1:]:
            total = total + more
        products.append(total.view(*out.shape))
    return (outputs if outputs_tuple else outputs[0]), (tuple(products) if outputs_tuple else products[0])


def _scalar_function(func, inputs, fn_name: str):
    """``func`` at ``inputs`` (made to require grad), checked to return one Tensor of one element."""
    inputs_tuple, inputs = _as_tensor_tuple(inputs, "inputs", fn_name)
    inputs = tuple(t.detach().requires_grad_(t.is_floating_point()) for t in inputs)
    with enable_grad():
        output = func(*inputs)
    outputs_tuple, outputs = _as_tensor_tuple(output, "outputs of the user-provided function", fn_name)
    if outputs_tuple or outputs[0].numel() != 1:
        what = "a single Tensor" if outputs_tuple else "a single element"
        raise RuntimeError(f"The Tensor returned by the function given to {fn_name} should contain {what}")
    return inputs_tuple, inputs, outputs[0]


def hessian(func, inputs, create_graph=False, strict=False, vectorize=False, outer_jacobian_strategy="reverse-mode"):
    """The Hessian of a scalar ``func``: the Jacobian of its gradient (``input.shape * 2`` per pair)."""
    inputs_tuple, inputs, _ = _scalar_function(func, inputs, "hessian")

    def gradient(*values):
        return jacobian(func, values, create_graph=True, strict=strict)

    table = jacobian(gradient, inputs, create_graph=create_graph, strict=strict)
    return table if inputs_tuple else table[0][0]


def _second_order_product(func, inputs, v, create_graph, strict, fn_name):
    inputs_tuple, inputs, output = _scalar_function(func, inputs, fn_name)
    _check_strict((output,), strict)
    vs = _as_tensor_tuple(v, "v", fn_name)[1] if v is not None else None
    if vs is None:
        if len(inputs) != 1 or inputs[0].numel() != 1:
            raise RuntimeError("The vector v can only be None if the input to the user-provided function is a "
                               "single Tensor with a single element.")
        vs = (inputs[0].detach() * 0 + 1,)
    gradient = _gradients(output, np.ones(output.shape, output._data.dtype), inputs, create_graph=True)
    product = _vjp_of(gradient, vs, inputs, create_graph)
    kept = output if create_graph else output.detach()
    return kept, (product if inputs_tuple else product[0])


def hvp(func, inputs, v=None, create_graph=False, strict=False):
    """``(func(inputs), H v)``: the Hessian-vector product of a scalar function (by double backward)."""
    return _second_order_product(func, inputs, v, create_graph, strict, "hvp")


def vhp(func, inputs, v=None, create_graph=False, strict=False):
    """``(func(inputs), v^T H)``: the vector-Hessian product of a scalar function (by double backward)."""
    return _second_order_product(func, inputs, v, create_graph, strict, "vhp")
