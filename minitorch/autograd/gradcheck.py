"""Check a backward formula against finite differences: the test every differentiable op passes."""

from __future__ import annotations

import numpy as np

from . import node as _node
from .engine import grad


class GradcheckError(RuntimeError):
    """Raised by ``gradcheck`` when analytical and numerical gradients disagree."""


def _outputs(fn, inputs):
    out = fn(*inputs)
    return out if isinstance(out, tuple) else (out,)


def numerical_jacobian(fn, inputs, index, eps) -> list:
    """d(output)/d(inputs[index]) by central differences for each output: (input numel, output numel) each."""
    x = inputs[index]._data
    rows = []
    for i in range(x.size):
        flat = x.reshape(-1)
        old = flat[i]
        flat[i] = old + eps
        plus = [o._data.astype(np.float64).ravel() for o in _outputs(fn, inputs)]
        flat[i] = old - eps
        minus = [o._data.astype(np.float64).ravel() for o in _outputs(fn, inputs)]
        flat[i] = old
        rows.append([(p - m) / (2 * eps) for p, m in zip(plus, minus)])
    sizes = [o.numel() for o in _outputs(fn, inputs)]
    return [np.array([row[k] for row in rows]).reshape(x.size, size) for k, size in enumerate(sizes)]


def analytical_jacobian(fn, inputs, index) -> list:
    """d(output)/d(inputs[index]) from autograd for each output: (input numel, output numel) each."""
    jacobians = []
    for o in _outputs(fn, inputs):
        columns = []
        for j in range(o.numel()):
            seed = np.zeros(o.shape, dtype=o._data.dtype)
            seed.reshape(-1)[j] = 1
            (g,) = grad(o, inputs[index], _node.Tensor._wrap(seed), retain_graph=True, allow_unused=True)
            columns.append(np.zeros(inputs[index].numel()) if g is None else g._data.astype(np.float64).ravel())
        shape = (inputs[index].numel(), o.numel())
        jacobians.append(np.stack(columns, axis=1).reshape(shape) if columns else np.zeros(shape))
    return jacobians


def gradcheck(fn, inputs, eps=1e-6, atol=1e-5, rtol=1e-3, raise_exception=True) -> bool:
    """True when autograd's gradients of ``fn`` at ``inputs`` match finite differences (use float64).

    As torch's (slow mode): output by output, input by input (counting those that require grad), the
    Jacobians, each of shape (input numel, output numel), must be close; torch's error shows both.
    """
    inputs = tuple(inputs) if isinstance(inputs, (tuple, list)) else (inputs,)
    differentiable = [i for i, x in enumerate(inputs) if getattr(x, "requires_grad", False)]
    numerical = [numerical_jacobian(fn, inputs, i, eps) for i in differentiable]
    analytical = [analytical_jacobian(fn, inputs, i) for i in differentiable]
    for out_index in range(len(numerical[0]) if numerical else 0):
        for j, index in enumerate(differentiable):
            expected, actual = numerical[j][out_index], analytical[j][out_index]
            if np.allclose(actual, expected, rtol=rtol, atol=atol):
                continue
            if not raise_exception:
                return False
            dtype = inputs[index]._data.dtype
            raise GradcheckError(f"Jacobian mismatch for output {out_index} with respect to input {j},\n"
                                 f"numerical:{_node.Tensor._wrap(expected.astype(dtype))}\n"
                                 f"analytical:{_node.Tensor._wrap(actual.astype(dtype))}\n")
    return True


def gradgradcheck(fn, inputs, grad_outputs=None, *, eps=1e-6, atol=1e-5, rtol=1e-3, raise_exception=True,
                  **_torch_only_options) -> bool:
    """True when the second derivatives of ``fn`` (double backward) match finite differences of its gradients.

    As torch's: the gradients of ``fn``'s outputs (weighted by ``grad_outputs``, random when not given, which
    require grad themselves) w.r.t. the inputs are computed with ``create_graph=True``, and ``gradcheck``
    checks that function of ``(inputs, grad_outputs)``.
    """
    inputs = tuple(inputs) if isinstance(inputs, (tuple, list)) else (inputs,)
    outputs = _outputs(fn, inputs)
    if grad_outputs is None:
        random = np.random.default_rng(0)
        grad_outputs = tuple(_node.Tensor._wrap(random.standard_normal(o.shape).astype(o._data.dtype))
                             .requires_grad_() for o in outputs)
    else:
        grad_outputs = tuple(grad_outputs) if isinstance(grad_outputs, (tuple, list)) else (grad_outputs,)
    differentiable = [i for i, x in enumerate(inputs) if getattr(x, "requires_grad", False)]
    count = len(inputs)

    def gradients(*values):
        firsts = _outputs(fn, values[:count])
        wanted = [values[i] for i in differentiable]
        grads = grad(firsts, wanted, values[count:], create_graph=True, allow_unused=True)
        return tuple(g for g in grads if g is not None)

    return gradcheck(gradients, inputs + grad_outputs, eps=eps, atol=atol, rtol=rtol,
                     raise_exception=raise_exception)
