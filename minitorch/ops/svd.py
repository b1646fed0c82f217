"""The singular value decomposition: ``torch.linalg.svd`` (``U, S, Vh``) and the older ``torch.svd``
(``U, S, V``), batched over leading dims, computed by LAPACK's gesdd through numpy as torch's CPU kernel."""

from __future__ import annotations

import numpy as np

from ..autograd import node as _node
from ..autograd.node import Node, record_outputs
from . import return_types
from .transposing import transpose

linalg_svd_type = return_types._named("linalg_svd", ("U", "S", "Vh"))
svd_type = return_types._named("svd", ("U", "S", "V"))


def _mT(array):
    return np.swapaxes(array, -1, -2)


class LinalgSvdBackward0(Node):
    """d svd(A) (torch's svd_backward): grad_A = U [(skew(U^T gU) S + S skew(V^T gV)) / (S_j^2 - S_i^2) + diag(gS)] V^T,
    plus the terms for the columns outside the square part."""

    def apply(self, grad_u, grad_s, grad_vh):
        u, s, vh = self.unpack("U"), self.unpack("S"), self.unpack("Vh")
        if grad_u is None and grad_vh is None:
            return ((u * grad_s[..., None, :]) @ vh,)
        if self._full_matrices and u.shape[-1] != vh.shape[-2]:
            raise RuntimeError("linalg_svd_backward: Setting full_matrices=True in backward is not supported. "
                               "Use full_matrices=False")
        k = s.shape[-1]
        u, vh = u[..., :k], vh[..., :k, :]
        grad_u = np.zeros_like(u) if grad_u is None else grad_u[..., :k]
        grad_v = np.zeros_like(_mT(vh)) if grad_vh is None else _mT(grad_vh[..., :k, :])
        v = _mT(vh)
        skew_u, skew_v = _mT(u) @ grad_u, vh @ grad_v
        skew_u, skew_v = skew_u - _mT(skew_u), skew_v - _mT(skew_v)
        squares = s * s
        gaps = squares[..., None, :] - squares[..., :, None]
        idx = np.arange(k)
        gaps[..., idx, idx] = 1
        inner = (skew_u * s[..., None, :] + s[..., :, None] * skew_v) / gaps
        if grad_s is not None:
            inner[..., idx, idx] += grad_s
        grad_a = u @ inner @ vh
        if u.shape[-2] > k:
            scaled = grad_u / s[..., None, :]
            grad_a = grad_a + (scaled - u @ (_mT(u) @ scaled)) @ vh
        if v.shape[-2] > k:
            scaled = grad_v / s[..., None, :]
            grad_a = grad_a + u @ _mT(scaled - v @ (vh @ scaled))
        return (grad_a.astype(u.dtype),)


def linalg_svd(A, full_matrices=True, *, driver=None):  # noqa: N803
    """``U, S, Vh`` with ``A = U @ diag(S) @ Vh``, the singular values ``S`` in descending order."""
    if A.ndim < 2:
        raise RuntimeError("linalg.svd: The input tensor A must have at least 2 dimensions.")
    if not A.is_floating_point():
        raise RuntimeError(f"linalg.svd: Expected a floating point or complex tensor as input. Got "
                           f"{A.dtype.legacy_name}")
    u, s, vh = np.linalg.svd(A._data, full_matrices=full_matrices)
    dtype = A._data.dtype
    outs = tuple(_node.Tensor._wrap(np.ascontiguousarray(x, dtype)) for x in (u, s, vh))
    record_outputs(LinalgSvdBackward0, outs, (A,), saved={"U": outs[0], "S": outs[1], "Vh": outs[2]},
                   attrs={"S_sym_argsize_minus_1": s.shape[-1], "full_matrices": full_matrices},
                   state={"full_matrices": full_matrices})
    return linalg_svd_type(*outs)


def svd(input, some=True, compute_uv=True):  # noqa: A002
    """The older ``torch.svd``: ``U, S, V`` (V, not its transpose), reduced unless ``some=False``."""
    u, s, vh = linalg_svd(input, full_matrices=not some)
    if not compute_uv:
        rows, cols = input.shape[-2], input.shape[-1]
        return svd_type(u.new_zeros(*input.shape[:-2], rows, rows), s, vh.new_zeros(*input.shape[:-2], cols, cols))
    return svd_type(u, s, transpose(vh, -2, -1))
