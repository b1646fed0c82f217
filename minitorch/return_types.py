"""``torch.return_types``: the named tuples that sort, topk, max(dim=...)... return."""

from __future__ import annotations

from .ops.reduction import MaxReturn as max  # noqa: A004 (torch's names)
from .ops.reduction import MinReturn as min  # noqa: A004
from .ops.return_types import (
    aminmax,
    cummax,
    cummin,
    frexp,
    kthvalue,
    linalg_slogdet,
    median,
    mode,
    nanmedian,
    slogdet,
    sort,
    topk,
)

__all__ = ["aminmax", "cummax", "cummin", "frexp", "kthvalue", "linalg_slogdet", "max", "median", "min", "mode",
           "nanmedian", "slogdet", "sort", "topk"]
