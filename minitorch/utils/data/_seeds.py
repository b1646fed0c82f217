"""The random draws the data pipeline makes, in torch's order, so that seeded runs match torch's."""

from __future__ import annotations

from ... import _random
from ..._dtype import int64
from ..._factories import empty


def draw_seed(generator=None) -> int:
    """One 64-bit seed, drawn as torch draws it: ``torch.empty((), dtype=torch.int64).random_()``."""
    return int(empty((), dtype=int64).random_(generator=generator).item())


def seeded_generator(seed: int):
    """A fresh generator seeded with ``seed`` (what RandomSampler makes when it was given none)."""
    return _random.Generator().manual_seed(seed)
