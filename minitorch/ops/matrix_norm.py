"""Matrix norms: ``torch.linalg.matrix_norm``, and ``linalg.norm`` / ``torch.norm`` when they ask for one.

As ATen composes them, so their graphs are torch's:

- ``'fro'``: the 2-norm of all the entries (``LinalgVectorNormBackward0``);
- ``'nuc'``: the sum of the singular values (``SumBackward1`` over ``LinalgSvdBackward0``);
- ``2`` / ``-2``: the largest / smallest singular value (``AmaxBackward0`` / ``AminBackward0``);
- ``1`` / ``-1``: the largest / smallest column sum of absolute values (1-norms along ``dim[0]``, then
  ``amax``/``amin``); ``inf`` / ``-inf`` the same with rows and columns swapped.
"""

from __future__ import annotations

import math

from .extremes import amax, amin
from .norms import vector_norm
from .reduction import sum as sum_of
from .squeezing import unsqueeze
from .svd import linalg_svd
from .transposing import permute

NUMERIC_ORDERS = (1, -1, 2, -2, math.inf, -math.inf)


def _check(A, ord, dim):  # noqa: A002, N803
    if A.ndim < 2:
        raise RuntimeError("linalg.matrix_norm: The input tensor A must have at least 2 dimensions.")
    if not A.dtype.is_floating_point:
        raise RuntimeError(f"linalg.matrix_norm: Expected a floating point or complex tensor as input. Got "
                           f"{A.dtype.legacy_name}")
    dims = [dim] if isinstance(dim, int) else list(dim)
    if len(dims) != 2:
        raise RuntimeError(f"linalg.matrix_norm: dim must be a 2-tuple. Got {' '.join(str(d) for d in dims)}")
    dims = [d % A.ndim for d in dims]
    if dims[0] == dims[1]:
        raise RuntimeError(f"linalg.matrix_norm: dims must be different. Got ({dims[0]}, {dims[1]})")
    if ord not in ("fro", "nuc") and (isinstance(ord, str) or ord not in NUMERIC_ORDERS):
        raise RuntimeError(f"linalg.matrix_norm: Order {ord} not supported.")
    return dims


def _singular_values_norm(A, ord, dims, keepdim):  # noqa: A002, N803
    """The sum, max or min of the singular values of the matrices spanned by ``dims``."""
    order = [d for d in range(A.ndim) if d not in dims] + dims
    values = linalg_svd(permute(A, *order), full_matrices=False)[1]
    if ord == "nuc":
        result = sum_of(values, -1, keepdim)
    else:
        result = amax(values, -1, keepdim) if ord > 0 else amin(values, -1, keepdim)
    if keepdim:
        reverse = [order.index(d) for d in range(A.ndim)]
        result = permute(unsqueeze(result, -1), *reverse)
    return result


def matrix_norm(A, ord="fro", dim=(-2, -1), keepdim=False, *, dtype=None):  # noqa: A002, N803
    """The ``ord`` norm of each matrix of ``A`` (spanned by the two dims ``dim``)."""
    dims = _check(A, ord, dim)
    if dtype is not None and dtype is not A.dtype:
        A = A.to(dtype)  # noqa: N806
    if ord == "fro":
        return vector_norm(A, 2, tuple(dim), keepdim)
    if ord == "nuc" or abs(ord) == 2:
        return _singular_values_norm(A, ord, dims, keepdim)
    first, second = (dims[1], dims[0]) if math.isinf(ord) else (dims[0], dims[1])
    if not keepdim and first < second:
        second -= 1
    sums = vector_norm(A, 1, first, keepdim)
    return amax(sums, second, keepdim) if ord > 0 else amin(sums, second, keepdim)


def linalg_norm(A, ord=None, dim=None, keepdim=False, *, dtype=None):  # noqa: A002, N803
    """``torch.linalg.norm``: a vector norm (1-D input, one dim, or no ``ord``) or a matrix norm (2-D input,
    two dims, or a string ``ord``)."""
    if dim is None and ord is not None and A.ndim not in (1, 2):
        raise RuntimeError(f"linalg.norm: If dim is not specified but ord is, the input must be 1D or 2D. "
                           f"Got {A.ndim}D.")
    if isinstance(ord, str):
        return matrix_norm(A, ord, (-2, -1) if dim is None else dim, keepdim, dtype=dtype)
    if dim is not None:
        dims = (dim,) if isinstance(dim, int) else tuple(dim)
        if len(dims) == 1:
            return vector_norm(A, 2 if ord is None else ord, dims, keepdim, dtype=dtype)
        return matrix_norm(A, "fro" if ord is None else ord, dims, keepdim, dtype=dtype)
    if ord is None:
        return vector_norm(A, 2, None, keepdim, dtype=dtype)
    if A.ndim == 2:
        return matrix_norm(A, ord, (-2, -1), keepdim, dtype=dtype)
    return vector_norm(A, ord, None, keepdim, dtype=dtype)


def svdvals(A, *, driver=None):  # noqa: N803
    """The singular values of each matrix, in descending order (``linalg.svd``'s ``S``)."""
    return linalg_svd(A, full_matrices=False, driver=driver)[1]
