"""Check a backward formula against finite differences: the test every differentiable op passes."""

from __future__ import annotations

import numpy as np

from . import node
from .engine import grad


class GradcheckError(RuntimeError):
    """Raised by ``gradcheck`` when analytical and numerical gradients disagree."""


def _outputs(fn, inputs):
    out = fn(*inputs)
    return out if isinstance(out, tuple) else (out,)


def numerical_jacobian(fn, inputs, index, eps):
    """d(outputs)/d(inputs[index]) by central differences, one column per input element."""
    x = inputs[index]._data
    columns = []
    for i in range(x.size):
        flat = x.reshape(-1)
        old = flat[i]
        flat[i] = old + eps
        plus = [o._data.astype(np.float64).ravel() for o in _outputs(fn, inputs)]
        flat[i] = old - eps
        minus = [o._data.astype(np.float64).ravel() for o in _outputs(fn, inputs)]
        flat[i] = old
        columns.append(np.concatenate([(p - m) / (2 * eps) for p, m in zip(plus, minus)]))
    return np.stack(columns, axis=1) if columns else np.zeros((0, 0))


def analytical_jacobian(fn, inputs, index):
    """d(outputs)/d(inputs[index]) from autograd, one row per output element."""
    outputs = [o for o in _outputs(fn, inputs)]
    rows = []
    for o in outputs:
        for j in range(o.numel()):
            seed = np.zeros(o.shape, dtype=o._data.dtype)
            seed.reshape(-1)[j] = 1
            (g,) = grad(o, inputs[index], node.Tensor._wrap(seed), retain_graph=True, allow_unused=True)
            rows.append(np.zeros(inputs[index].numel()) if g is None else g._data.astype(np.float64).ravel())
    return np.stack(rows) if rows else np.zeros((0, 0))


def gradcheck(fn, inputs, eps=1e-6, atol=1e-5, rtol=1e-3, raise_exception=True) -> bool:
    """True when autograd's gradients of ``fn`` at ``inputs`` match finite differences (use float64)."""
    inputs = tuple(inputs) if isinstance(inputs, (tuple, list)) else (inputs,)
    for index, x in enumerate(inputs):
        if not getattr(x, "requires_grad", False):
            continue
        numerical = numerical_jacobian(fn, inputs, index, eps)
        analytical = analytical_jacobian(fn, inputs, index)
        if not np.allclose(analytical, numerical, rtol=rtol, atol=atol):
            if not raise_exception:
                return False
            raise GradcheckError(f"Jacobian mismatch for output 0 with respect to input {index},\n"
                                 f"numerical:{numerical}\nanalytical:{analytical}\n")
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
        grad_outputs = tuple(node.Tensor._wrap(random.standard_normal(o.shape).astype(o._data.dtype))
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
