"""``torch.linalg``: the linear algebra functions minitorch implements (vector norms, cross products)."""

from __future__ import annotations

from .ops.norms import linalg_norm as norm
from .ops.norms import vector_norm
from .ops.rearrange import cross as _cross


def cross(input, other, *, dim=-1):  # noqa: A002 (torch's argument name)
    """The cross product of 3-vectors along ``dim`` (the last dim by default)."""
    return _cross(input, other, dim=dim)


__all__ = ["cross", "norm", "vector_norm"]
