"""The random number generator behind rand, randn, uniform_ and normal_ (seeded by ``manual_seed``).

minitorch draws from numpy's generator, so seeded values are reproducible but differ from torch's.
"""

from __future__ import annotations

import numpy as np


class Generator:
    """A seeded source of random numbers, returned by ``manual_seed``."""

    def __init__(self, seed: int = 0):
        self.manual_seed(seed)

    def manual_seed(self, seed: int) -> Generator:
        """Restart the sequence from ``seed``."""
        self._seed = int(seed)
        self.rng = np.random.default_rng(self._seed)
        return self

    def initial_seed(self) -> int:
        """The seed the sequence started from."""
        return self._seed

    def __repr__(self):
        return f"<torch._C.Generator object at {hex(id(self))}>"


default_generator = Generator(0)


def manual_seed(seed: int) -> Generator:
    """Seed the default generator so that random tensors repeat from run to run."""
    return default_generator.manual_seed(seed)


def _rng(generator):
    return (generator or default_generator).rng


def uniform(shape, low=0.0, high=1.0, generator=None, dtype=np.float32) -> np.ndarray:
    """Values drawn uniformly from ``[low, high)``."""
    return _rng(generator).uniform(low, high, size=tuple(shape)).astype(dtype)


def normal(shape, mean=0.0, std=1.0, generator=None, dtype=np.float32) -> np.ndarray:
    """Values drawn from a normal distribution."""
    return _rng(generator).normal(mean, std, size=tuple(shape)).astype(dtype)


def integers(low, high, shape, generator=None) -> np.ndarray:
    """Integers drawn uniformly from ``[low, high)``."""
    return _rng(generator).integers(low, high, size=tuple(shape), dtype=np.int64)


def permutation(n, generator=None) -> np.ndarray:
    """A random ordering of ``0..n-1``."""
    return _rng(generator).permutation(n).astype(np.int64)
