"""``torch.linalg``: the linear algebra functions minitorch implements (vector and matrix norms, cross products,
det, inv, slogdet, pinv, matrix_power, matrix_exp, solve, svd, svdvals, qr, cholesky, eigh, eigvalsh, lstsq)."""

from __future__ import annotations

from .ops.decompositions import cholesky_ex, eigh, eigvalsh, qr
from .ops.decompositions import linalg_cholesky as cholesky
from .ops.lstsq import lstsq
from .ops.matrix_functions import LinAlgError, det, inv, matrix_exp, matrix_power, pinv, solve
from .ops.matrix_functions import slogdet as _slogdet
from .ops.matrix_norm import linalg_norm as norm
from .ops.matrix_norm import matrix_norm, svdvals
from .ops.norms import vector_norm
from .ops.rearrange import cross as _cross
from .ops.return_types import linalg_slogdet
from .ops.svd import linalg_svd as svd


def cross(input, other, *, dim=-1):  # noqa: A002 (torch's argument name)
    """The cross product of 3-vectors along ``dim`` (the last dim by default)."""
    return _cross(input, other, dim=dim)


def slogdet(A):  # noqa: N803 (torch's argument name)
    """The sign and the log of the absolute value of the determinant: ``torch.return_types.linalg_slogdet``."""
    return _slogdet(A, named=linalg_slogdet)


__all__ = ["LinAlgError", "cholesky", "cholesky_ex", "cross", "det", "eigh", "eigvalsh", "inv", "lstsq", "matrix_exp",
           "matrix_norm", "matrix_power", "norm", "pinv", "qr", "slogdet", "solve", "svd", "svdvals", "vector_norm"]
