"""``torch.linalg.lstsq``: the least-squares solution ``X`` minimising ``||A X - B||`` for each matrix of a batch,
with the extra outputs each LAPACK driver gives (``residuals``, ``rank``, ``singular_values``).

What each driver returns, as torch's: ``gels`` (QR, full rank only) residuals; ``gelsy`` (the CPU default:
QR with column pivoting) the rank; ``gelsd`` and ``gelss`` (SVD) the residuals, the rank and the singular
values. Residuals (squared, per column of ``B``) are given only when ``A`` is tall (``m > n``) and of full rank.
Each driver is LAPACK's own (scipy's build; torch's is MKL's), in the input's precision: float32 results may
differ from torch's in the last bits.

Backward, with ``P = pinv(A)``: ``gB = P^T gX``, ``gA`` the pseudo-inverse's gradient for ``gP = gX B^T``;
the residuals ``r = ||A X - B||^2`` add ``2 (A X - B) X^T gr`` to ``gA`` and ``-2 (A X - B) gr`` to ``gB``.
"""

from __future__ import annotations

import numpy as np

from ..autograd import node as _node
from ..autograd.node import Node, record_outputs, unbroadcast
from . import return_types
from .decompositions import scipy_linalg

linalg_lstsq_type = return_types._named("linalg_lstsq", ("solution", "residuals", "rank", "singular_values"))
DRIVERS = ("gels", "gelsy", "gelsd", "gelss")


def _mT(array):
    return np.swapaxes(array, -1, -2)


def _pinv_grad(a, p, grad_p):
    """The gradient of ``A`` through ``P = pinv(A)`` (full rank), given the gradient of ``P``."""
    eye_m, eye_n = np.eye(a.shape[-2]), np.eye(a.shape[-1])
    g_t = _mT(grad_p)
    return -_mT(p) @ grad_p @ _mT(p) + (eye_m - a @ p) @ g_t @ p @ _mT(p) + _mT(p) @ p @ g_t @ (eye_n - p @ a)


class LinalgLstsqBackward0(Node):
    """d lstsq(A, B): grad_B = pinv(A)^T gX, grad_A through pinv(A) for gP = gX B^T (plus the residuals' terms)."""

    def apply(self, grad_solution, grad_residuals):
        a, b, x = self.unpack("self"), self.unpack("b"), self.unpack("solution")
        vector = self._vector
        b, x = (b[..., None], x[..., None]) if vector else (b, x)
        p = np.linalg.pinv(a)
        gx = np.zeros_like(x) if grad_solution is None else (grad_solution[..., None] if vector else grad_solution)
        grad_a, grad_b = _pinv_grad(a, p, gx @ _mT(b)), _mT(p) @ gx
        if grad_residuals is not None and grad_residuals.size:
            misfit = (a @ x - b) * grad_residuals[..., None, :]
            grad_a, grad_b = grad_a + 2 * misfit @ _mT(x), grad_b - 2 * misfit
        grad_b = grad_b[..., 0] if vector else grad_b
        return (unbroadcast(grad_a, self.input_shape(0)).astype(a.dtype) if self.needs_input_grad(0) else None,
                unbroadcast(grad_b, self.input_shape(1)).astype(a.dtype) if self.needs_input_grad(1) else None)


def _check(A, B, driver):  # noqa: N803
    if A.ndim < 2:
        raise RuntimeError("torch.linalg.lstsq: input must have at least 2 dimensions.")
    if A.dtype is not B.dtype:
        raise RuntimeError("torch.linalg.lstsq: Expected input and other to have the same dtype, but got input's "
                           f"dtype {A.dtype.legacy_name} and other's dtype {B.dtype.legacy_name}")
    if driver not in DRIVERS:
        raise RuntimeError("torch.linalg.lstsq: parameter `driver` should be one of (gels, gelsy, gelsd, gelss)")
    vector = B.ndim == A.ndim - 1
    if B.shape[-1 if vector else -2] != A.shape[-2]:
        raise RuntimeError("torch.linalg.lstsq: input.size(-2) should match other.size(-2)")
    return vector


def _solve_each(a, b, rcond, driver):
    """Solution, rank and singular values of every matrix of the batch, by LAPACK's ``driver`` in ``a``'s
    precision (scipy's LAPACK; ``gels`` through ``gelsy``, which gives the same solution at full rank)."""
    flat_a, flat_b = a.reshape(-1, *a.shape[-2:]), b.reshape(-1, *b.shape[-2:])
    solutions, ranks, singular = [], [], []
    lapack_driver = "gelsy" if driver == "gels" else driver
    for matrix, rhs in zip(flat_a, flat_b):
        x, _, rank, s = scipy_linalg().lstsq(matrix, rhs, cond=rcond, lapack_driver=lapack_driver, check_finite=False)
        solutions.append(x[:matrix.shape[1]])
        ranks.append(rank)
        singular.append(np.zeros(min(matrix.shape), a.dtype) if s is None else s)
    n, k = a.shape[-1], b.shape[-1]
    return (np.array(solutions, a.dtype).reshape(*a.shape[:-2], n, k),
            np.array(ranks, dtype=np.int64).reshape(a.shape[:-2]),
            np.array(singular, a.dtype).reshape(*a.shape[:-2], min(a.shape[-2:])))


def lstsq(A, B, rcond=None, *, driver=None):  # noqa: N803 (torch's argument names)
    """``solution, residuals, rank, singular_values``: least-squares solutions of ``A X = B``."""
    driver = "gelsy" if driver is None else driver
    vector = _check(A, B, driver)
    a, b = A._data, (B._data[..., None] if vector else B._data)
    batch = np.broadcast_shapes(a.shape[:-2], b.shape[:-2])  # the batch dims broadcast, as torch's
    a, b = np.broadcast_to(a, (*batch, *a.shape[-2:])), np.broadcast_to(b, (*batch, *b.shape[-2:]))
    m, n = a.shape[-2:]
    dtype = a.dtype
    rcond = np.finfo(dtype).eps * max(m, n) if rcond is None or rcond < 0 else rcond
    solution, rank, singular = _solve_each(a, b, rcond, driver)
    full_rank = bool(np.all(rank == min(m, n)))
    if driver != "gelsy" and m > n and full_rank:
        residuals = ((a @ solution - b) ** 2).sum(axis=-2)
    else:
        residuals = np.empty(0)
    solution = solution[..., 0] if vector else solution
    outs = (_node.Tensor._wrap(np.ascontiguousarray(solution, dtype)), _node.Tensor._wrap(residuals.astype(dtype)))
    record_outputs(LinalgLstsqBackward0, outs, (A, B), saved={"self": A, "b": B, "solution": outs[0]},
                   state={"vector": vector})
    ranks = _node.Tensor._wrap(rank if driver != "gels" else np.empty(0, np.int64))
    values = singular.astype(dtype) if driver in ("gelsd", "gelss") else np.empty(0, dtype)
    return linalg_lstsq_type(outs[0], outs[1], ranks, _node.Tensor._wrap(values))
