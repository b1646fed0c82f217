"""Tensor methods for reductions, running reductions and order statistics (``x.std()``, ``x.sort()``...)."""

from __future__ import annotations

from .ops import extremes, norms, scan, sorting, statistics, unique
from .ops.inplace import apply_inplace


class ReductionMethods:
    """Calls into ``ops/statistics.py``, ``extremes.py``, ``norms.py``, ``scan.py``, ``sorting.py``, ``unique.py``."""

    def prod(self, dim=None, keepdim=False, *, dtype=None):
        """``torch.prod(self, dim, keepdim, dtype=dtype)``."""
        return statistics.prod(self, dim, keepdim, dtype=dtype)

    def var(self, dim=None, unbiased=None, keepdim=False, *, correction=None):
        """``torch.var(self, dim, unbiased, keepdim, correction=correction)``."""
        return statistics.var(self, dim, unbiased, keepdim, correction=correction)

    def std(self, dim=None, unbiased=None, keepdim=False, *, correction=None):
        """``torch.std(self, dim, unbiased, keepdim, correction=correction)``."""
        return statistics.std(self, dim, unbiased, keepdim, correction=correction)

    def logsumexp(self, dim=None, keepdim=False):
        """``torch.logsumexp(self, dim, keepdim)``."""
        return statistics.logsumexp(self, dim, keepdim)

    def amax(self, dim=(), keepdim=False):
        """``torch.amax(self, dim, keepdim)``."""
        return extremes.amax(self, dim, keepdim)

    def amin(self, dim=(), keepdim=False):
        """``torch.amin(self, dim, keepdim)``."""
        return extremes.amin(self, dim, keepdim)

    def aminmax(self, *, dim=None, keepdim=False):
        """``torch.aminmax(self, dim=dim, keepdim=keepdim)``."""
        return extremes.aminmax(self, dim=dim, keepdim=keepdim)

    def count_nonzero(self, dim=None):
        """``torch.count_nonzero(self, dim)``."""
        return extremes.count_nonzero(self, dim)

    def all(self, dim=None, keepdim=False):
        """``torch.all(self, dim, keepdim)``."""
        return extremes.all(self, dim, keepdim)

    def any(self, dim=None, keepdim=False):
        """``torch.any(self, dim, keepdim)``."""
        return extremes.any(self, dim, keepdim)

    def norm(self, p="fro", dim=None, keepdim=False, dtype=None):
        """``torch.norm(self, p, dim, keepdim, dtype)``."""
        return norms.norm(self, p, dim, keepdim, dtype)

    def cumsum(self, dim, *, dtype=None):
        """``torch.cumsum(self, dim, dtype=dtype)``."""
        return scan.cumsum(self, dim, dtype=dtype)

    def cumsum_(self, dim, *, dtype=None):
        """``cumsum`` in place."""
        return apply_inplace(self, scan.cumsum, dim, dtype=dtype)

    def cumprod(self, dim, *, dtype=None):
        """``torch.cumprod(self, dim, dtype=dtype)``."""
        return scan.cumprod(self, dim, dtype=dtype)

    def cumprod_(self, dim, *, dtype=None):
        """``cumprod`` in place."""
        return apply_inplace(self, scan.cumprod, dim, dtype=dtype)

    def cummax(self, dim):
        """``torch.cummax(self, dim)``."""
        return scan.cummax(self, dim)

    def cummin(self, dim):
        """``torch.cummin(self, dim)``."""
        return scan.cummin(self, dim)

    def msort(self):
        """``torch.msort(self)``: sorted along the first dimension."""
        return sorting.msort(self)

    def sort(self, dim=-1, descending=False, *, stable=False):
        """``torch.sort(self, dim, descending, stable=stable)``."""
        return sorting.sort(self, dim, descending, stable=stable)

    def argsort(self, dim=-1, descending=False, *, stable=False):
        """``torch.argsort(self, dim, descending, stable=stable)``."""
        return sorting.argsort(self, dim, descending, stable=stable)

    def topk(self, k, dim=-1, largest=True, sorted=True):  # noqa: A002
        """``torch.topk(self, k, dim, largest, sorted)``."""
        return sorting.topk(self, k, dim, largest, sorted)

    def kthvalue(self, k, dim=-1, keepdim=False):
        """``torch.kthvalue(self, k, dim, keepdim)``."""
        return sorting.kthvalue(self, k, dim, keepdim)

    def median(self, dim=None, keepdim=False):
        """``torch.median(self, dim, keepdim)``."""
        return sorting.median(self, dim, keepdim)

    def mode(self, dim=-1, keepdim=False):
        """``torch.mode(self, dim, keepdim)``."""
        return sorting.mode(self, dim, keepdim)

    def unique(self, sorted=True,  # noqa: A002
               return_inverse=False, return_counts=False, dim=None):
        """``torch.unique(self, sorted, return_inverse, return_counts, dim)``."""
        return unique.unique(self, sorted, return_inverse, return_counts, dim)

    def unique_consecutive(self, return_inverse=False, return_counts=False, dim=None):
        """``torch.unique_consecutive(self, return_inverse, return_counts, dim)``."""
        return unique.unique_consecutive(self, return_inverse, return_counts, dim)
