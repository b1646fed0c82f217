"""``torch.autograd.functional``: Jacobians and vector-Jacobian products of a whole function.

``jacobian`` and ``vjp`` run reverse mode, as torch's default strategy does: one backward pass per output
element. ``jvp`` (J @ v) is computed from that Jacobian, exactly. ``hessian``, ``hvp`` and ``vhp`` need
gradients of gradients (double backward), which minitorch does not implement: they raise.
"""

from __future__ import annotations

import numpy as np

from .grad_mode import enable_grad

DOUBLE_BACKWARD = ("minitorch does not implement double backward (gradients of gradients, create_graph=True), "
                   "which torch.autograd.functional.{} needs; PyTorch supports it.")


def _is_tensor(value) -> bool:
    from ..tensor import Tensor

    return isinstance(value, Tensor)


def _as_tensor_tuple(value, what: str, fn_name: str) -> tuple[bool, tuple]:
    """``(was_a_tuple, tuple_of_tensors)``, with torch's TypeError for anything else."""
    if _is_tensor(value):
        return False, (value,)
    if isinstance(value, tuple) and all(_is_tensor(v) for v in value):
        return True, value
    if what == "inputs":
        message = (f"The inputs given to {fn_name} must be either a Tensor or a tuple of Tensors but the given "
                   f"inputs has type {type(value)}.")
    else:
        message = (f"The {what} given to {fn_name} must be either a Tensor or a tuple of Tensors but the given "
                   f"{what} has type {type(value)}.")
    raise TypeError(message)


def _prepare(func, inputs, fn_name: str):
    """Detached copies of the inputs that require grad, and the function's outputs computed on them."""
    inputs_tuple, inputs = _as_tensor_tuple(inputs, "inputs", fn_name)
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


def _gradients(out, grad_out, inputs) -> list:
    """d(out . grad_out)/d(inputs) as ndarrays (zeros where an input was not used)."""
    from .engine import run_backward

    if not out.requires_grad:
        return [np.zeros(t.shape, t._data.dtype) for t in inputs]
    grads = run_backward((out,), (grad_out,), keep_graph=True, inputs=inputs, allow_unused=True,
                         accumulate=False)
    return [np.zeros(t.shape, t._data.dtype) if g is None else g._data for g, t in zip(grads, inputs)]


def _jacobian_rows(out, inputs) -> list:
    """For each input, the Jacobian of ``out`` as an array of shape ``out.shape + input.shape``."""
    rows = [[] for _ in inputs]
    for j in range(out.numel()):
        one_hot = np.zeros(out.numel(), out._data.dtype)
        one_hot[j] = 1
        for i, grad in enumerate(_gradients(out, one_hot.reshape(out.shape), inputs)):
            rows[i].append(grad)
    return [np.stack(r).reshape(tuple(out.shape) + tuple(t.shape)) if r else np.zeros(tuple(out.shape) +
            tuple(t.shape), t._data.dtype) for r, t in zip(rows, inputs)]


def _nest(values, outputs_tuple: bool, inputs_tuple: bool):
    """Shape a [output][input] table as torch returns it: tensors, tuples, or tuples of tuples."""
    from ..tensor import Tensor

    table = tuple(tuple(Tensor._wrap(v) for v in row) for row in values)
    if not inputs_tuple:
        table = tuple(row[0] for row in table)
    return table if outputs_tuple else table[0]


def jacobian(func, inputs, create_graph=False, strict=False, vectorize=False, strategy="reverse-mode"):
    """The Jacobian of ``func`` at ``inputs``: ``out.shape + input.shape`` per (output, input) pair."""
    if create_graph:
        raise NotImplementedError(DOUBLE_BACKWARD.format("jacobian(create_graph=True)"))
    inputs_tuple, inputs, outputs_tuple, outputs = _prepare(func, inputs, "jacobian")
    _check_strict(outputs, strict)
    return _nest([_jacobian_rows(out, inputs) for out in outputs], outputs_tuple, inputs_tuple)


def _default_v(outputs, v):
    if v is not None:
        return _as_tensor_tuple(v, "v", "vjp")[1]
    if len(outputs) != 1 or outputs[0].numel() != 1:
        raise RuntimeError("The vector v can only be None if the user-provided function returns a single Tensor "
                           "with a single element.")
    return (None,)


def vjp(func, inputs, v=None, create_graph=False, strict=False):
    """``(func(inputs), v^T J)``: the outputs and the vector-Jacobian product, both detached."""
    if create_graph:
        raise NotImplementedError(DOUBLE_BACKWARD.format("vjp(create_graph=True)"))
    from ..tensor import Tensor

    inputs_tuple, inputs, outputs_tuple, outputs = _prepare(func, inputs, "vjp")
    _check_strict(outputs, strict)
    vs = _default_v(outputs, v)
    total = [np.zeros(t.shape, t._data.dtype) for t in inputs]
    for out, grad_out in zip(outputs, vs):
        seed = np.ones(out.shape, out._data.dtype) if grad_out is None else grad_out._data
        total = [a + b for a, b in zip(total, _gradients(out, seed, inputs))]
    detached = tuple(o.detach() for o in outputs)
    result = tuple(Tensor._wrap(t) for t in total)
    return (detached if outputs_tuple else detached[0]), (result if inputs_tuple else result[0])


def jvp(func, inputs, v=None, create_graph=False, strict=False):
    """``(func(inputs), J v)``: the outputs and the Jacobian-vector product (computed from the full Jacobian)."""
    if create_graph:
        raise NotImplementedError(DOUBLE_BACKWARD.format("jvp(create_graph=True)"))
    from ..tensor import Tensor

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
        products.append(Tensor._wrap(np.asarray(flat, out._data.dtype).reshape(out.shape)))
    detached = tuple(o.detach() for o in outputs)
    return (detached if outputs_tuple else detached[0]), (tuple(products) if outputs_tuple else products[0])


def hessian(func, inputs, create_graph=False, strict=False, vectorize=False, outer_jacobian_strategy="reverse-mode"):
    """Not available: the Hessian needs double backward."""
    raise NotImplementedError(DOUBLE_BACKWARD.format("hessian"))


def hvp(func, inputs, v=None, create_graph=False, strict=False):
    """Not available: a Hessian-vector product needs double backward."""
    raise NotImplementedError(DOUBLE_BACKWARD.format("hvp"))


def vhp(func, inputs, v=None, create_graph=False, strict=False):
    """Not available: a vector-Hessian product needs double backward."""
    raise NotImplementedError(DOUBLE_BACKWARD.format("vhp"))
