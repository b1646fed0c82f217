"""``torch.linalg``: the vector norms (matrix decompositions are not part of minitorch)."""

from __future__ import annotations

from .ops.norms import linalg_norm as norm
from .ops.norms import vector_norm

__all__ = ["norm", "vector_norm"]
