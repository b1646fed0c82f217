"""``get_state`` / ``set_state``: a generator's state as the 5056 bytes torch uses (``CPUGeneratorImplState``).

The bytes are a C struct: the seed, the engine's position (``left``, ``next``), its 624 words (each
stored in 64 bits), the cached float64 normal (``normal_y`` and a flag), and the cached float32 normal.
States saved by torch load into minitorch and the other way round.
"""

from __future__ import annotations

import numpy as np

from ._random import STATE_WORDS, _init_genrand

_LEGACY = np.dtype([("the_initial_seed", "<u8"), ("left", "<i4"), ("seeded", "<i4"), ("next", "<u8"),
                    ("state", "<u8", (STATE_WORDS,)), ("normal_x", "<f8"), ("normal_y", "<f8"),
                    ("normal_rho", "<f8"), ("normal_is_valid", "<i4")], align=True)
STATE_LAYOUT = np.dtype([("legacy", _LEGACY), ("next_float_normal_sample", "<f4"),
                         ("is_next_float_normal_sample_valid", "?")], align=True)


def pack_state(gen):
    """The generator's state as a uint8 tensor."""
    from .tensor import Tensor

    engine = gen._engine.state["state"]
    record = np.zeros((), dtype=STATE_LAYOUT)
    legacy = record["legacy"]
    legacy["the_initial_seed"] = gen._seed
    legacy["seeded"] = 1
    legacy["state"] = engine["key"]
    position = int(engine["pos"])
    fresh = position == STATE_WORDS and np.array_equal(engine["key"], _init_genrand(gen._seed))
    legacy["left"] = STATE_WORDS + 1 - position
    legacy["next"] = 0 if fresh else position
    if gen._next_double_normal is not None:
        legacy["normal_is_valid"], legacy["normal_y"] = 1, gen._next_double_normal
    if gen._next_float_normal is not None:
        record["is_next_float_normal_sample_valid"] = True
        record["next_float_normal_sample"] = gen._next_float_normal
    return Tensor._wrap(np.frombuffer(record.tobytes(), dtype=np.uint8).copy())


def unpack_state(gen, new_state) -> None:
    """Load a state made by ``pack_state`` (or by torch), with torch's checks."""
    data = getattr(new_state, "_data", None)
    if data is None or data.dtype != np.uint8:
        raise TypeError("RNG state must be a torch.ByteTensor")
    if data.size != STATE_LAYOUT.itemsize:
        raise RuntimeError(f"Expected a CPUGeneratorImplState of size {STATE_LAYOUT.itemsize} "
                           f"but found the input RNG state size to be {data.size}")
    record = np.frombuffer(np.ascontiguousarray(data).tobytes(), dtype=STATE_LAYOUT)[0]
    legacy = record["legacy"]
    left, seeded, position = int(legacy["left"]), int(legacy["seeded"]), int(legacy["next"])
    if not (seeded and 0 < left <= STATE_WORDS and position <= STATE_WORDS):
        raise RuntimeError("Invalid mt19937 state")
    words = (legacy["state"] & 0xFFFFFFFF).astype(np.uint32)
    gen._seed = int(legacy["the_initial_seed"])
    gen._engine.state = {"bit_generator": "MT19937",
                         "state": {"key": words, "pos": STATE_WORDS + 1 - left}}
    gen._next_double_normal = float(legacy["normal_y"]) if legacy["normal_is_valid"] else None
    valid_float = bool(record["is_next_float_normal_sample_valid"])
    gen._next_float_normal = float(record["next_float_normal_sample"]) if valid_float else None
