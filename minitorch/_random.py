"""torch's random numbers, bit for bit: one mt19937 engine, then a fixed transform per distribution.

**The engine.** A ``Generator`` is a Mersenne Twister (mt19937), seeded as C++'s ``std::mt19937``
(``init_genrand``): every draw is one 32-bit word, or a 64-bit one made of two words (the first is
the high half). numpy's ``MT19937`` bit generator runs the same algorithm, so minitorch sets its
state from the seed and reads raw words from it quickly.

**The transforms** (ATen's ``TransformationHelper.h``), applied to the words in order:

- uniform on ``[a, b)``: float32 keeps the low 24 bits of a 32-bit word, float64 the low 53 bits
  of a 64-bit word; ``u = bits / 2**digits``, then ``u * (b - a) + a`` in the tensor's dtype
  (rounded once, as a fused multiply-add, where torch's build fuses it: ``_random_cpu.py``);
- normal: Box-Muller on uniforms, see ``_random_normal.py``;
- integers in ``[low, high)``: ``word % (high - low) + low`` (a 64-bit word once the range
  reaches ``2**28``);
- ``randperm(n)``: a Fisher-Yates shuffle, swapping ``i`` with ``i + word % (n - i)``;
- bernoulli: ``uniform < p`` (a float64 uniform, or float32 for float32 probability tensors);
- exponential: ``-log(1 - uniform) / rate``.
"""

from __future__ import annotations

import math
import os

import numpy as np

from . import _random_cpu, _random_normal
from ._random_fma import fma

DEFAULT_SEED = 67280421310721  # the seed of a new torch.Generator()
STATE_WORDS = 624


def _init_genrand(seed: int) -> np.ndarray:
    """The 624 words of a freshly seeded mt19937 (only the low 32 bits of the seed count)."""
    words = np.empty(STATE_WORDS, dtype=np.uint32)
    x = seed & 0xFFFFFFFF
    for i in range(STATE_WORDS):
        words[i] = x
        x = (1812433253 * (x ^ (x >> 30)) + i + 1) & 0xFFFFFFFF
    return words


def _seed_value(seed) -> int:
    """``seed`` as torch stores it: an unsigned 64-bit number (negative seeds wrap around)."""
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)):
        raise RuntimeError(f"manual_seed expected a long, but got {type(seed).__name__}")
    if not -(2**63) <= seed < 2**64:
        raise ValueError("Overflow when unpacking long long")
    return int(seed) % 2**64


class Generator:
    """A seeded source of random numbers (``torch.Generator``): an mt19937 engine plus a cached normal."""

    def __init__(self, device="cpu"):
        from ._dtype import device as Device

        self.device = Device(device) if isinstance(device, str) else device
        self._mt19937 = None
        self.manual_seed(DEFAULT_SEED)

    @property
    def _engine(self):
        """numpy's MT19937, seeded from ``_seed`` on the first draw (numpy.random is loaded only then, which
        keeps it out of ``import minitorch``'s time: benchmarks/bench_import.py)."""
        if self._mt19937 is None:
            self._mt19937 = np.random.MT19937()
            self._reseed_engine()
        return self._mt19937

    def _reseed_engine(self) -> None:
        self._mt19937.state = {"bit_generator": "MT19937",
                               "state": {"key": _init_genrand(self._seed), "pos": STATE_WORDS}}

    def manual_seed(self, seed) -> Generator:
        """Restart the sequence from ``seed``; returns the generator."""
        self._seed = _seed_value(seed)
        if self._mt19937 is not None:
            self._reseed_engine()
        self._next_double_normal = None  # Box-Muller makes normals in pairs: the second waits here
        self._next_float_normal = None
        return self

    def seed(self) -> int:
        """Seed from the operating system's entropy; returns the new seed."""
        new_seed = int.from_bytes(os.urandom(8), "little") & (2**53 - 1)
        self.manual_seed(new_seed)
        return new_seed

    def initial_seed(self) -> int:
        """The seed the sequence started from."""
        return self._seed

    def get_state(self):
        """The generator's state as a uint8 tensor of 5056 bytes, laid out as torch's."""
        from ._random_state import pack_state

        return pack_state(self)

    def set_state(self, new_state) -> Generator:
        """Restore a state returned by ``get_state``."""
        from ._random_state import unpack_state

        unpack_state(self, new_state)
        return self

    def random32(self, count: int) -> np.ndarray:
        """The next ``count`` 32-bit words of the engine (as uint64)."""
        return self._engine.random_raw(count)

    def random64(self, count: int) -> np.ndarray:
        """The next ``count`` 64-bit words, each made of two 32-bit words (high half first)."""
        words = self._engine.random_raw(2 * count)
        return (words[0::2] << np.uint64(32)) | words[1::2]

    def unit_uniform(self, count: int, dtype) -> np.ndarray:
        """``count`` values in ``[0, 1)``: 24 bits of a 32-bit word per float32, 53 of a 64-bit word per float64."""
        if np.dtype(dtype) == np.float64:
            bits = self.random64(count) & np.uint64(2**53 - 1)
            return bits.astype(np.float64) * (1.0 / 2**53)
        bits = self.random32(count) & np.uint64(2**24 - 1)
        return bits.astype(np.float32) * np.float32(1.0 / 2**24)

    def __repr__(self):
        return f"<torch._C.Generator object at {hex(id(self))}>"


default_generator = Generator()
default_generator.seed()


def manual_seed(seed) -> Generator:
    """Seed the default generator so that random tensors repeat from run to run."""
    return default_generator.manual_seed(int(seed))


def seed() -> int:
    """Seed the default generator from the operating system's entropy; returns the seed."""
    return default_generator.seed()


def initial_seed() -> int:
    """The seed of the default generator."""
    return default_generator.initial_seed()


def get_rng_state():
    """The default generator's state (a uint8 tensor)."""
    return default_generator.get_state()


def set_rng_state(new_state) -> None:
    """Restore the default generator's state."""
    default_generator.set_state(new_state)


def _generator(generator) -> Generator:
    return default_generator if generator is None else generator


# ---- uniform, normal, bernoulli, exponential ------------------------------------------------------

def uniform(shape, low=0.0, high=1.0, generator=None, dtype=np.float32) -> np.ndarray:
    """Values drawn uniformly from ``[low, high)``, computed in ``dtype`` as torch does."""
    dtype = np.dtype(dtype)
    low, high = dtype.type(low), dtype.type(high)
    count = int(np.prod(shape, dtype=np.int64))
    unit = _generator(generator).unit_uniform(count, dtype)
    values = fma(unit, high - low, low) if _random_cpu.fused_multiply_add() else unit * (high - low) + low
    return values.reshape(shape)


def normal(shape, mean=0.0, std=1.0, generator=None, dtype=np.float32, contiguous=True) -> np.ndarray:
    """Values drawn from ``N(mean, std**2)`` in ``dtype`` (Box-Muller, see ``_random_normal.py``)."""
    return _random_normal.normal(_generator(generator), tuple(shape), mean, std, np.dtype(dtype), contiguous)


def bernoulli(shape, p, generator=None) -> np.ndarray:
    """Booleans, each True with probability ``p`` (a number or an array broadcast to ``shape``)."""
    count = int(np.prod(shape, dtype=np.int64))
    if isinstance(p, np.ndarray) and p.dtype == np.float32:
        return _generator(generator).unit_uniform(count, np.float32).reshape(shape) < p
    return _generator(generator).unit_uniform(count, np.float64).reshape(shape) < p


def exponential(shape, rate=1.0, generator=None) -> np.ndarray:
    """float64 values from the exponential distribution with ``rate`` (``-log(1 - u) / rate``)."""
    count = int(np.prod(shape, dtype=np.int64))
    uniforms = _generator(generator).unit_uniform(count, np.float64).tolist()
    return np.array([-1.0 / rate * math.log1p(-u) for u in uniforms], dtype=np.float64).reshape(shape)


# ---- integers --------------------------------------------------------------------------------

def integers(low, high, shape, generator=None, dtype=np.int64) -> np.ndarray:
    """Integers drawn uniformly from ``[low, high)``: ``word % (high - low) + low``.

    Spans of ``2**28`` or more take 64-bit words, which keeps the bias of ``%`` small.
    """
    span = int(high) - int(low)
    count = int(np.prod(shape, dtype=np.int64))
    gen = _generator(generator)
    if span == 2**64:  # every int64: the 64-bit word itself, read as signed
        return gen.random64(count).view(np.int64).astype(dtype).reshape(shape)
    words = gen.random64(count) if span >= 2**28 else gen.random32(count)
    values = (words % np.uint64(span)).astype(np.int64) + np.int64(low)
    return values.astype(dtype).reshape(shape)


def random_bits(shape, dtype, generator=None) -> np.ndarray:
    """``x.random_()``: integers from ``[0, 2**mantissa]`` for floats, ``[0, max]`` for integer dtypes."""
    dtype = np.dtype(dtype)
    count = int(np.prod(shape, dtype=np.int64))
    gen = _generator(generator)
    words = gen.random64(count) if dtype in (np.dtype(np.int64), np.dtype(np.float64)) else gen.random32(count)
    modulus = largest_integer(dtype) + 1
    return (words % np.uint64(modulus)).astype(dtype).reshape(shape)


def largest_integer(dtype) -> int:
    """The largest value ``random_(from)`` draws: ``2**mantissa`` for floats, the maximum for integers."""
    dtype = np.dtype(dtype)
    if dtype.kind == "f":
        return 2 ** (np.finfo(dtype).nmant + 1)
    if dtype == np.bool_:
        return 1
    return int(np.iinfo(dtype).max)


def permutation(n, generator=None) -> np.ndarray:
    """A random ordering of ``0..n-1``: Fisher-Yates, position ``i`` swapped with ``i + word % (n - i)``."""
    if n < 2**32 // 20:
        offsets = (_generator(generator).random32(max(n - 1, 0)) % np.arange(n, 1, -1, dtype=np.uint64)).tolist()
        values = list(range(n))
        for i, offset in enumerate(offsets):
            j = i + offset
            values[i], values[j] = values[j], values[i]
        return np.array(values, dtype=np.int64)
    return _permutation_inside_out(n, _generator(generator))


def _permutation_inside_out(n, gen) -> np.ndarray:
    """torch's shuffle for huge ``n``: the "inside-out" Fisher-Yates with 64-bit words."""
    order = np.empty(n, dtype=np.int64)
    picks = (gen.random64(n) % np.arange(1, n + 1, dtype=np.uint64)).tolist()
    for i, z in enumerate(picks):
        order[i] = order[z]
        order[z] = i
    return order
