"""``torch.linalg``: the linear algebra functions minitorch implements (vector norms, cross products, det,
inv, slogdet, pinv, matrix_power, matrix_exp, solve, svd)."""

from __future__ import annotations

from .ops.matrix_functions import LinAlgError, det, inv, matrix_exp, matrix_power, pinv, solve
from .ops.matrix_functions import slogdet as _slogdet
from .ops.norms import linalg_norm as norm
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


__all__ = ["LinAlgError", "cross", "det", "inv", "matrix_exp", "matrix_power", "norm", "pinv", "slogdet",
           "solve", "svd", "vector_norm"]
