"""``torch.linalg.solve(A, B, left=False)``: the ``X`` with ``X A = B``.

As in ATen, it is the left solve of the transposed system, ``A^T X^T = B^T``: the node's inputs are ``A`` and
``B.mT`` (a recorded transpose), its output ``X`` itself. Backward, with ``C = B^T``: ``gC = solve(A, gX^T)``
and ``gA = -X^T gC^T``.
"""

from __future__ import annotations

import numpy as np

from ..autograd.node import Node, record
from .matrix_functions import LinAlgError, _first_zero_pivot
from .transposing import transpose


def _mT(array):
    return np.swapaxes(array, -1, -2)


class LinalgSolveExBackward0(Node):
    """d solve(A, B, left=False) = X with X A = B: for C = B^T, grad_C = solve(A, gX^T), grad_A = -X^T grad_C^T."""

    def apply(self, grad):
        a, x = self.unpack("A"), self.unpack("result")
        grad_c = np.linalg.solve(a, _mT(grad))
        grad_a = -(_mT(x) @ _mT(grad_c)) if self.needs_input_grad(0) else None
        return grad_a, grad_c if self.needs_input_grad(1) else None


def solve_right(A, B):  # noqa: N803 (torch's argument names)
    """The ``X`` with ``X @ A = B`` (``A`` square and checked; ``B`` a matrix or a batch of them)."""
    vector = B.ndim == 1 or (B.ndim == A.ndim - 1 and B.shape == A.shape[:-1])
    rows, cols = (B.shape[-1], 1) if vector else B.shape[-2:]
    if vector or cols != A.shape[-2]:
        raise RuntimeError(f"linalg.solve: Incompatible shapes of A and B for the equation XA = B "
                           f"({A.shape[-2]}x{A.shape[-1]} and {rows}x{cols})")
    if any(_first_zero_pivot(m) for m in A._data.reshape(-1, *A.shape[-2:])):
        raise LinAlgError("torch.linalg.solve: The solver failed because the input matrix is singular.")
    c = transpose(B, -2, -1)
    x = _mT(np.linalg.solve(_mT(A._data), c._data)).astype(A._data.dtype)
    return record(LinalgSolveExBackward0, np.ascontiguousarray(x), (A, c), saved={"A": A}, attrs={"left": False},
                  save_result=True)
