"""``torch.vander``: the Vandermonde matrix of a vector, built as torch builds it (ones, then a running product)."""

from __future__ import annotations

from .. import _factories
from .._dtype import int64, promote_types
from .rearrange import flip
from .scan import cumprod
from .squeezing import unsqueeze


def vander(x, N=None, increasing=False):  # noqa: N803 (torch's argument name)
    """Columns of powers of ``x``: ``x**(N-1) ... x**0`` (or increasing), by a running product as torch's.

    As in torch, backward through it fails (cumprod's saved input is the slice it then overwrites)."""
    if x.ndim != 1:
        raise RuntimeError("x must be a one-dimensional tensor.")
    n = x.shape[0] if N is None else N
    if n < 0:
        raise RuntimeError("N must be non-negative.")
    result = _factories.empty(x.shape[0], n, dtype=promote_types(x.dtype, int64))
    if n > 0:
        result.fill_(1)  # as torch's kernel, whose version counts show in the error on backward
    if n > 1:
        result[:, 1:] = unsqueeze(x, 1)
        result[:, 1:] = cumprod(result[:, 1:], 1)
    return result if increasing else flip(result, 1)
