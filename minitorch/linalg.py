"""``torch.linalg``: the linear algebra functions minitorch implements."""

from __future__ import annotations

from .ops.rearrange import cross as _cross


def cross(input, other, *, dim=-1):  # noqa: A002 (torch's argument name)
    """The cross product of 3-vectors along ``dim`` (the last dim by default)."""
    return _cross(input, other, dim=dim)
