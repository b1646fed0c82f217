"""The random draws the data pipeline makes, in torch's order, so that seeded runs match torch's."""

from __future__ import annotations

from ... import _random
from ..._dtype import int64
from ..._factories import empty


def draw_seed(generator=None) -> int:
    """One 64-bit seed, drawn as torch draws it: ``torch.empty((), dtype=torch.int64).random_()``."""
    holder = empty((), dtype=int64)
    if hasattr(holder, "random_"):
        return int(holder.random_(generator=generator).item())
    return int(_random.integers(0, 2**63 - 1, (), generator))  # minitorch without Tensor.random_


def seeded_generator(seed: int):
    """A fresh generator seeded with ``seed`` (what RandomSampler makes when it was given none)."""
    return _random.Generator().manual_seed(seed)
