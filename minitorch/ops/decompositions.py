"""Matrix factorisations: ``linalg.qr``, ``linalg.cholesky`` (``cholesky_ex``, the older ``torch.cholesky``)
and ``linalg.eigh`` / ``eigvalsh``, batched over leading dims. The factors come from LAPACK (through scipy for
QR, numpy for the others) in the input's precision, as torch's come from LAPACK (another build, MKL: float32
factors may differ from torch's in the last bit).

Backward formulas (torch's ``FunctionsManual``, for real matrices):

- Cholesky ``A = L L^T``: with ``P = tril(L^T gL)``, its diagonal halved,
  ``gA = sym(L^-T P L^-1)``, ``sym(X) = (X + X^T) / 2``.
- QR ``A = Q R`` (``m >= n``): ``M = Q^T gQ - gQ^T Q + R gR^T - gR R^T``;
  ``gA = Q (gR + tril(M) R^-T) + (gQ - Q Q^T gQ) R^-T``. A wide ``A = [X | Y]`` is the square ``X = Q U``
  with ``gQ + Y gV^T`` in the place of ``gQ``, and ``gY = Q gV`` (``R = [U | V]``).
- eigh ``A = V diag(w) V^T``: ``gA = V ((skew(V^T gV) / E) + diag(gw)) V^T``, ``E_ij = w_j - w_i``,
  ``skew(X) = (X - X^T) / 2``.
"""

from __future__ import annotations

import importlib
import warnings

import numpy as np

from ..autograd import node as _node
from ..autograd.node import Node, record_outputs
from . import return_types
from .matrix_functions import LinAlgError, check_square

linalg_qr_type = return_types._named("linalg_qr", ("Q", "R"))
linalg_cholesky_ex_type = return_types._named("linalg_cholesky_ex", ("L", "info"))
linalg_eigh_type = return_types._named("linalg_eigh", ("eigenvalues", "eigenvectors"))
qr_type = return_types._named("qr", ("Q", "R"))
_warned: set = set()  # the deprecated functions that warned already (torch warns once per process)


def _warn_once(name, message):
    if name not in _warned:
        _warned.add(name)
        warnings.warn(message, UserWarning, stacklevel=3)


def _mT(array):
    return np.swapaxes(array, -1, -2)


def _wrap(array, dtype):
    return _node.Tensor._wrap(np.ascontiguousarray(array, dtype))


def _solve_right(x, r):
    """``x @ inv(r).T`` for a (batch of) triangular ``r``."""
    return _mT(np.linalg.solve(r, _mT(x)))


def _check_floating(name, a):
    if a.ndim < 2:
        raise RuntimeError(f"{name}: The input tensor A must have at least 2 dimensions.")
    if not a.dtype.is_floating_point:
        raise RuntimeError(f"{name}: Expected a floating point or complex tensor as input. Got {a.dtype.legacy_name}")


# ---- QR ----------------------------------------------------------------------------------------------------

def _qr_square_or_tall_grad(q, r, grad_q, grad_r):
    m = _mT(q) @ grad_q + r @ _mT(grad_r)
    m = np.tril(m - _mT(m), -1)
    return q @ (grad_r + _solve_right(m, r)) + _solve_right(grad_q - q @ (_mT(q) @ grad_q), r)


class LinalgQrBackward0(Node):
    """d qr(A): grad_A = Q (gR + tril(M) R^-T) + (gQ - Q Q^T gQ) R^-T, M = Q^T gQ + R gR^T minus its transpose."""

    def apply(self, grad_q, grad_r):
        mode = self._saved_mode
        if mode == "r":
            raise RuntimeError("The derivative of linalg.qr depends on Q, which is not computed when mode='r'. "
                               "Please use linalg.qr(A, mode='reduced') if you are going to differentiate through "
                               "linalg.qr.")
        q, r = self.unpack("Q"), self.unpack("R")
        rows, cols = q.shape[-2], r.shape[-1]
        if mode == "complete" and rows > cols:
            raise RuntimeError("The QR decomposition is not differentiable when mode='complete' and nrows > ncols.")
        grad_q = np.zeros_like(q) if grad_q is None else grad_q
        grad_r = np.zeros_like(r) if grad_r is None else grad_r
        if rows >= cols:
            return (_qr_square_or_tall_grad(q, r, grad_q, grad_r).astype(q.dtype),)
        grad_v, y = grad_r[..., rows:], q @ r[..., rows:]  # A = [X | Y] with Y = Q V
        grad_x = _qr_square_or_tall_grad(q, r[..., :rows], grad_q + y @ _mT(grad_v), grad_r[..., :rows])
        return (np.concatenate([grad_x, q @ grad_v], axis=-1).astype(q.dtype),)


def scipy_linalg():
    """``scipy.linalg`` (LAPACK in every precision), loaded on first use as ``minitorch/__init__.py`` loads nn:
    importing it with minitorch would more than double the time of ``import minitorch``."""
    return importlib.import_module("scipy.linalg")


def _householder_qr(data, mode):
    """LAPACK's Householder QR (geqrf, orgqr) of each matrix, in the input's precision (scipy's LAPACK; numpy's
    would compute float32 in float64, which rounds otherwise than torch)."""
    kind = {"reduced": "economic", "complete": "full", "r": "r"}[mode]
    flat = data.reshape(-1, *data.shape[-2:])
    factors = [scipy_linalg().qr(matrix, mode=kind, check_finite=False) for matrix in flat]
    k = data.shape[-2] if mode == "complete" else min(data.shape[-2:])  # R's rows (scipy's 'r' gives all m)
    rs = [(f[0] if mode == "r" else f[1])[:k] for f in factors]
    r = np.array(rs, data.dtype).reshape(*data.shape[:-2], k, data.shape[-1])
    if mode == "r":
        return np.empty(0, data.dtype), r
    q = np.array([f[0] for f in factors], data.dtype).reshape(*data.shape[:-2], data.shape[-2], k)
    return q, r


def qr(A, mode="reduced"):  # noqa: N803 (torch's argument name)
    """``Q, R`` with ``A = Q R``, ``Q`` orthonormal columns, ``R`` upper triangular (``mode``: 'reduced',
    'complete', or 'r' for R alone with an empty Q)."""
    _check_floating("linalg.qr", A)
    if mode not in ("reduced", "complete", "r"):
        raise RuntimeError(f"qr received unrecognized mode '{mode}' but expected one of 'reduced' (default), 'r', or "
                           "'complete'")
    dtype = A._data.dtype
    q, r = _householder_qr(A._data, mode)
    outs = (_wrap(q, dtype), _wrap(r, dtype))
    record_outputs(LinalgQrBackward0, outs, (A,), saved={"Q": outs[0], "R": outs[1]}, attrs={"mode": mode})
    return linalg_qr_type(*outs)


def qr_deprecated(input, some=True):  # noqa: A002
    """The older ``torch.qr`` / ``Tensor.qr``: ``linalg.qr`` with ``some`` for the mode (torch's warning once)."""
    _warn_once("qr", QR_DEPRECATED)
    return qr_type(*qr(input, "reduced" if some else "complete"))


QR_DEPRECATED = (
    "torch.qr is deprecated in favor of torch.linalg.qr and will be removed in a future PyTorch release.\nThe "
    "boolean parameter 'some' has been replaced with a string parameter 'mode'.\nQ, R = torch.qr(A, some)\nshould "
    "be replaced with\nQ, R = torch.linalg.qr(A, 'reduced' if some else 'complete') (Triggered internally at "
    "/__w/pytorch/pytorch/aten/src/ATen/native/BatchLinearAlgebra.cpp:2505.)"
)


# ---- Cholesky ----------------------------------------------------------------------------------------------

def _cholesky_info(matrix) -> int:
    """The order of the first leading minor that is not positive-definite (0 when the matrix is)."""
    work = np.tril(np.array(matrix, dtype=np.float64))
    for j in range(len(work)):
        pivot = work[j, j] - work[j, :j] @ work[j, :j]
        if not pivot > 0:
            return j + 1
        work[j, j] = np.sqrt(pivot)
        work[j + 1:, j] = (work[j + 1:, j] - work[j + 1:, :j] @ work[j, :j]) / work[j, j]
    return 0


def _factor(data, upper):
    """``L`` (or ``U = L^T``) of each matrix and LAPACK's ``info``; a failed matrix keeps its lower triangle."""
    lower = _mT(data) if upper else data
    flat = lower.reshape(-1, *lower.shape[-2:])
    infos = np.array([_cholesky_info(m) for m in flat], dtype=np.int32)
    factors = np.stack([np.linalg.cholesky(m) if not info else np.tril(m) for m, info in zip(flat, infos)]) \
        if flat.shape[0] else np.zeros_like(flat)
    factors = factors.reshape(lower.shape).astype(data.dtype)
    return (_mT(factors) if upper else factors), infos.reshape(data.shape[:-2])


class LinalgCholeskyExBackward0(Node):
    """d cholesky(A): grad_A = sym(L^-T P L^-1), P = tril(L^T grad_L) with its diagonal halved."""

    factor_name = "L"  # the name torch saves the factor under

    def apply(self, grad):
        factor, upper = self.unpack(self.factor_name), self._saved_upper
        lower = _mT(factor) if upper else factor
        g = _mT(grad) if upper else grad
        phi = np.tril(_mT(lower) @ g)
        idx = np.arange(phi.shape[-1])
        phi[..., idx, idx] *= 0.5
        grad_a = np.linalg.solve(_mT(lower), _mT(np.linalg.solve(_mT(lower), _mT(phi))))
        return ((0.5 * (grad_a + _mT(grad_a))).astype(factor.dtype),)


class CholeskyBackward0(LinalgCholeskyExBackward0):
    """d cholesky(A) of the older ``torch.cholesky``: grad_A as ``linalg.cholesky``'s."""

    factor_name = "result"


def _cholesky(name, A, upper, node_cls, check_errors):  # noqa: N803
    check_square(name, A)
    factors, infos = _factor(A._data, upper)
    if check_errors and infos.any():
        batch = f"(Batch element {int(np.flatnonzero(infos)[0])}): " if infos.ndim else ""
        order = int(infos.reshape(-1)[np.flatnonzero(infos.reshape(-1))[0]])
        raise LinAlgError(f"{name}: {batch}The factorization could not be completed because the input is not "
                          f"positive-definite (the leading minor of order {order} is not positive-definite).")
    out = _wrap(factors, A._data.dtype)
    record_outputs(node_cls, (out,), (A,), saved={node_cls.factor_name: out}, attrs={"upper": upper})
    return out, _node.Tensor._wrap(infos)


def cholesky_ex(A, *, upper=False, check_errors=False):  # noqa: N803
    """``L, info``: the Cholesky factor and, per matrix, 0 or the order of the first minor that is not
    positive-definite (no error unless ``check_errors``)."""
    return linalg_cholesky_ex_type(*_cholesky("linalg.cholesky", A, upper, LinalgCholeskyExBackward0, check_errors))


def linalg_cholesky(A, *, upper=False):  # noqa: N803
    """The lower-triangular ``L`` with ``A = L L^T`` (``upper=True``: ``U = L^T``); an error when ``A`` is not
    positive-definite."""
    return _cholesky("linalg.cholesky", A, upper, LinalgCholeskyExBackward0, True)[0]


def cholesky(input, upper=False):  # noqa: A002
    """The older ``torch.cholesky`` (deprecated in favour of ``torch.linalg.cholesky``: torch's warning, once)."""
    _warn_once("cholesky", CHOLESKY_DEPRECATED)
    return _cholesky("cholesky", input, upper, CholeskyBackward0, True)[0]


CHOLESKY_DEPRECATED = (
    "torch.cholesky is deprecated in favor of torch.linalg.cholesky and will be removed in a future PyTorch "
    "release.\nL = torch.cholesky(A)\nshould be replaced with\nL = torch.linalg.cholesky(A)\nand\nU = "
    "torch.cholesky(A, upper=True)\nshould be replaced with\nU = torch.linalg.cholesky(A).mH\nThis transform will "
    "produce equivalent results for all valid (symmetric positive definite) inputs. (Triggered internally at "
    "/__w/pytorch/pytorch/aten/src/ATen/native/BatchLinearAlgebra.cpp:1765.)"
)


# ---- eigh --------------------------------------------------------------------------------------------------

class LinalgEighBackward0(Node):
    """d eigh(A): grad_A = V (skew(V^T gV) / E + diag(gw)) V^T with E_ij = w_j - w_i."""

    def apply(self, grad_values, grad_vectors):
        w, v = self.unpack("eigenvalues"), self.unpack("eigenvectors")
        inner = np.zeros(v.shape, dtype=v.dtype)
        if grad_vectors is not None:
            vtg = _mT(v) @ grad_vectors
            inner = 0.5 * (vtg - _mT(vtg))
            gaps = w[..., None, :] - w[..., :, None]
            idx = np.arange(w.shape[-1])
            gaps[..., idx, idx] = 1
            inner = inner / gaps
        if grad_values is not None:
            idx = np.arange(w.shape[-1])
            inner[..., idx, idx] += grad_values
        return ((v @ inner @ _mT(v)).astype(v.dtype),)


def _eigh(name, A, UPLO):  # noqa: N803
    if A.ndim < 2:
        raise RuntimeError(f"{name}: The input tensor A must have at least 2 dimensions.")
    if A.shape[-1] != A.shape[-2]:
        raise RuntimeError(f"{name}: A must be batches of square matrices, but they are {A.shape[-2]} by "
                           f"{A.shape[-1]} matrices")
    if UPLO not in ("L", "U"):
        raise RuntimeError(f"Expected UPLO argument to be 'L' or 'U', but got {UPLO}")
    if not A.dtype.is_floating_point:
        raise NotImplementedError(f"\"linalg_eigh_cpu\" not implemented for '{A.dtype.legacy_name}'")
    w, v = np.linalg.eigh(A._data, UPLO=UPLO)
    outs = (_wrap(w, A._data.dtype), _wrap(v, A._data.dtype))
    record_outputs(LinalgEighBackward0, outs, (A,), saved={"eigenvalues": outs[0], "eigenvectors": outs[1]})
    return outs


def eigh(A, UPLO="L"):  # noqa: N803
    """``eigenvalues`` (ascending) and orthonormal ``eigenvectors`` (columns) of symmetric matrices, read from
    the lower (``UPLO='L'``) or upper triangle."""
    return linalg_eigh_type(*_eigh("linalg.eigh", A, UPLO))


def eigvalsh(A, UPLO="L"):  # noqa: N803
    """The eigenvalues (ascending) of symmetric matrices (``eigh``'s, recorded by the same node)."""
    return _eigh("linalg.eigh", A, UPLO)[0]
