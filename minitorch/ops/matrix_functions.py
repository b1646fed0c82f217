"""Functions of square matrices (batches of them too): det, slogdet, inv, pinv, matrix_exp, and matrix_power
and logdet, which torch builds from other ops."""

from __future__ import annotations

import numpy as np

from ..autograd import node as _node
from ..autograd.node import Node, record, record_outputs
from . import return_types
from ._out import with_out
from .linalg import mm
from .pointwise import where


class LinAlgError(RuntimeError):
    """A matrix that the algorithm cannot handle (a singular matrix to invert), as ``torch.linalg.LinAlgError``."""


LinAlgError.__name__ = LinAlgError.__qualname__ = "_LinAlgError"  # the name torch's error prints with


def _mT(array):
    return np.swapaxes(array, -1, -2)


def check_square(name: str, a) -> None:
    """torch's errors for an input that is not a (batch of) square floating point matrices."""
    if a.ndim < 2:
        raise RuntimeError(f"{name}: The input tensor A must have at least 2 dimensions.")
    if a.shape[-1] != a.shape[-2]:
        raise RuntimeError(f"{name}: A must be batches of square matrices, but they are {a.shape[-2]} by "
                           f"{a.shape[-1]} matrices")
    if not a.dtype.is_floating_point:
        raise RuntimeError(f"{name}: Expected a floating point or complex tensor as input. Got {a.dtype.legacy_name}")


def _first_zero_pivot(matrix) -> int:
    """The 1-based index of the first zero on U's diagonal in an LU factorisation with partial pivoting (0: none)."""
    u = np.array(matrix, dtype=np.float64)
    for k in range(len(u)):
        pivot = k + int(np.argmax(np.abs(u[k:, k])))
        if u[pivot, k] == 0:
            return k + 1
        u[[k, pivot]] = u[[pivot, k]]
        u[k + 1:] -= np.outer(u[k + 1:, k] / u[k, k], u[k])
    return 0


def _inverse(name: str, data):
    for matrix in data.reshape(-1, *data.shape[-2:]):
        zero = _first_zero_pivot(matrix)
        if zero:
            raise LinAlgError(f"{name}: The diagonal element {zero} is zero, the inversion could not be completed "
                              "because the input matrix is singular.")
    return np.linalg.inv(data)


class LinalgDetBackward0(Node):
    """d det(A) / dA = det(A) * inv(A).mT."""

    def apply(self, grad):
        a, det = self.unpack("A"), self.unpack("result")
        return (np.asarray(grad * det)[..., None, None] * _mT(np.linalg.inv(a)),)


def _fused_update(trailing, column, row):
    """``trailing - outer(column, row)`` with one rounding per element, as the fused multiply-adds of LAPACK's
    update (exact for float32 through float64; float64 keeps numpy's two roundings)."""
    if trailing.dtype == np.float32:
        return (trailing.astype(np.float64) - np.outer(column.astype(np.float64), row)).astype(np.float32)
    return trailing - np.outer(column, row)


def _lu_det(matrix):
    """det as LAPACK computes it: LU with partial pivoting (the column below the pivot divided by it, the trailing
    block updated by fused multiply-adds), the product of U's diagonal, negated once per row swap; with the LU
    factors and 1-based pivots."""
    lu, sign = matrix.copy(), matrix.dtype.type(1)
    n = lu.shape[0]
    pivots = np.arange(1, n + 1, dtype=np.int32)
    for col in range(n):
        pivot_row = col + int(np.argmax(np.abs(lu[col:, col])))
        pivots[col] = pivot_row + 1
        if pivot_row != col:
            lu[[col, pivot_row]] = lu[[pivot_row, col]]
            sign = -sign
        if lu[col, col] != 0:
            lu[col + 1:, col] /= lu[col, col]
        lu[col + 1:, col + 1:] = _fused_update(lu[col + 1:, col + 1:], lu[col + 1:, col], lu[col, col + 1:])
    result = sign
    for value in np.diagonal(lu):  # torch multiplies the diagonal in order
        result = result * value
    return result, lu, pivots


def _factor_each(data, transpose):
    """The determinants, LU factors and pivots of every matrix in ``data`` (of each one's transpose if asked)."""
    values = np.ones(data.shape[:-2], data.dtype)
    lu, pivots = data.copy(), np.zeros(data.shape[:-1], np.int32)
    for index in np.ndindex(*data.shape[:-2]):
        values[index], lu[index], pivots[index] = _lu_det(data[index].T if transpose else data[index])
    return values, lu, pivots


def det(A):  # noqa: N803 (torch's argument name)
    """The determinant. As torch, it factors the transpose of a contiguous matrix (det(A.mT) = det(A): LAPACK reads
    row-major memory as the transpose), so the saved LU and pivots are torch's and so are the float32 values of
    2x2 matrices; larger ones may differ in the last bit where the LAPACK build blocks its updates otherwise."""
    check_square("linalg.det", A)
    values, lu, pivots = _factor_each(A._data, transpose=A.is_contiguous())
    lu, pivots = _node.Tensor._wrap(lu), _node.Tensor._wrap(pivots)
    return record(LinalgDetBackward0, values, (A,), saved={"A": A, "LU": lu, "pivots": pivots}, save_result=True)


class LinalgSlogdetBackward0(Node):
    """d log|det(A)| / dA = inv(A).mT (the sign has no gradient)."""

    def apply(self, grad_sign, grad_logabsdet=None):
        if grad_logabsdet is None:
            return (None,)
        return (np.asarray(grad_logabsdet)[..., None, None] * _mT(np.linalg.inv(self.unpack("A"))),)


def slogdet(A, *, named=return_types.slogdet):  # noqa: N803
    """The sign and the log of the absolute value of the determinant, as ``torch.return_types.slogdet``."""
    check_square("linalg.slogdet", A)
    sign, logabsdet = np.linalg.slogdet(A._data)
    outs = tuple(_node.Tensor._wrap(np.asarray(v, dtype=A._data.dtype)) for v in (sign, logabsdet))
    return named(*record_outputs(LinalgSlogdetBackward0, outs, (A,), saved={"A": A}))


def logdet(input):  # noqa: A002 (torch's argument name)
    """The log of the determinant (nan when it is negative)."""
    sign, logabsdet = slogdet(input)
    return where(sign == -1, float("nan"), logabsdet)


class LinalgInvExBackward0(Node):
    """d inv(A) / dA: -inv(A).mT @ grad @ inv(A).mT."""

    def apply(self, grad):
        inverse = _mT(self.unpack("inverse"))
        return (-(inverse @ grad @ inverse),)


def inv(A):  # noqa: N803
    """The inverse (torch's LinAlgError for a singular matrix)."""
    check_square("linalg.inv", A)
    out = _node.Tensor._wrap(_inverse("linalg.inv", A._data).astype(A._data.dtype))
    return record(LinalgInvExBackward0, out._data, (A,), attrs={"inverse": out.detach()})


class LinalgPinvBackward0(Node):
    """d pinv(A) / dA, with P = pinv(A) and grad g: -P.T g P.T + (I - A P) g.T P P.T + P.T P g.T (I - P A)
    (the full-rank formula)."""

    def apply(self, grad):
        a, p = self.unpack("self"), self.unpack("result")
        eye_m, eye_n = np.eye(a.shape[-2]), np.eye(a.shape[-1])
        g_t = _mT(grad)
        return (-_mT(p) @ grad @ _mT(p) + (eye_m - a @ p) @ g_t @ p @ _mT(p) + _mT(p) @ p @ g_t @ (eye_n - p @ a),)


def pinv(input, *, atol=None, rtol=None, hermitian=False):  # noqa: A002
    """The Moore-Penrose pseudo-inverse (from the singular value decomposition)."""
    rcond = 1e-15 if rtol is None else rtol
    out = np.linalg.pinv(input._data, rcond=rcond, hermitian=hermitian).astype(input._data.dtype)
    return record(LinalgPinvBackward0, out, (input,), saved={"self": input}, save_result=True)


def pinverse(input, rcond=1e-15):  # noqa: A002
    """``linalg.pinv(input, rtol=rcond)``."""
    return pinv(input, rtol=rcond)


class LinalgSolveExBackward0(Node):
    """d solve(A, B): grad_B = solve(A.mT, grad), grad_A = -grad_B @ X.mT with X the result."""

    def apply(self, grad):
        a, x = self.unpack("A"), self.unpack("result")
        vector = x.ndim == a.ndim - 1
        g = grad[..., None] if vector else grad
        grad_b = np.linalg.solve(_mT(a), g)
        grad_a = -(grad_b @ _mT(x[..., None] if vector else x)) if self.needs_input_grad(0) else None
        return grad_a, (grad_b[..., 0] if vector else grad_b) if self.needs_input_grad(1) else None


def solve(A, B, *, left=True, out=None):  # noqa: N803 (torch's argument names)
    """The X with ``A @ X = B`` (``B`` a vector or a batch of matrices); ``left=False``: ``X @ A = B``."""
    check_square("linalg.solve", A)
    if A.dtype is not B.dtype:
        raise RuntimeError(f"linalg.solve: Expected A and B to have the same dtype, but found A of type "
                           f"{A.dtype.legacy_name} and B of type {B.dtype.legacy_name} instead")
    if not left:
        from .solve_right import solve_right  # cycle: solve_right builds on this module

        result = solve_right(A, B)
        return result if out is None else with_out("linalg_solve", lambda: result, out)
    vector = B.ndim == 1 or (B.ndim == A.ndim - 1 and B.shape == A.shape[:-1])
    b = B._data[..., None] if vector else B._data
    if b.shape[-2] != A.shape[-1]:
        raise RuntimeError(f"linalg.solve: Incompatible shapes of A and B for the equation AX = B "
                           f"({A.shape[-2]}x{A.shape[-1]} and {b.shape[-2]}x{b.shape[-1]})")
    if any(_first_zero_pivot(m) for m in A._data.reshape(-1, *A.shape[-2:])):
        raise LinAlgError("torch.linalg.solve: The solver failed because the input matrix is singular.")
    x = np.linalg.solve(A._data, b)
    x = x[..., 0] if vector else x
    result = record(LinalgSolveExBackward0, x.astype(A._data.dtype), (A, B), saved={"A": A}, save_result=True)
    return result if out is None else with_out("linalg_solve", lambda: result, out)


def _expm(a):
    """exp(A) by scaling and squaring a Taylor series (float64 inside)."""
    a = np.asarray(a, dtype=np.float64)
    norm = np.abs(a).sum(-2).max() if a.size else 0.0
    squarings = max(0, int(np.ceil(np.log2(norm))) + 1) if norm > 0.5 else 0
    scaled = a / 2.0 ** squarings
    term = result = np.broadcast_to(np.eye(a.shape[-1]), a.shape).copy()
    for k in range(1, 24):
        term = term @ scaled / k
        result = result + term
    for _ in range(squarings):
        result = result @ result
    return result


class LinalgMatrixExpBackward0(Node):
    """d exp(A): the top right block of exp([[A.mT, grad], [0, A.mT]])."""

    def apply(self, grad):
        a = self.unpack("self")
        n = a.shape[-1]
        block = np.zeros(a.shape[:-2] + (2 * n, 2 * n))
        block[..., :n, :n] = block[..., n:, n:] = _mT(a)
        block[..., :n, n:] = grad
        return (_expm(block)[..., :n, n:].astype(grad.dtype),)


def matrix_exp(A):  # noqa: N803
    """The matrix exponential ``sum A**k / k!``."""
    check_square("linalg.matrix_exp", A)
    return record(LinalgMatrixExpBackward0, _expm(A._data).astype(A._data.dtype), (A,), saved={"self": A})


def matrix_power(A, n):  # noqa: N803
    """``A @ A @ ... @ A`` (``n`` times; the inverse's powers for negative ``n``; the identity for 0)."""
    if A.ndim < 2 or A.shape[-1] != A.shape[-2]:
        check_square("linalg.matrix_power", A)
    if n == 0:
        eye = _node.Tensor._wrap(np.broadcast_to(np.eye(A.shape[-1], dtype=A._data.dtype), A.shape).copy())
        return A.clone().copy_(eye)
    base = inv(A) if n < 0 else A
    result, power, n = None, base, abs(n)
    while n:  # binary powers, as torch multiplies them
        if n & 1:
            result = power if result is None else _matmul(result, power)
        n >>= 1
        if n:
            power = _matmul(power, power)
    return result


def _matmul(a, b):
    return mm(a, b) if a.ndim == 2 else a @ b
