"""Which CPU kernels torch would pick on this machine, because a few random transforms depend on it.

torch compiles its kernels several times (plain, AVX2, AVX512) and picks one when it starts; the
environment variable ``ATEN_CPU_CAPABILITY=default`` forces the plain one. Two differences show in
random numbers, and minitorch follows them so that its values stay equal to torch's:

- ``fused_multiply_add()``: vector builds contract ``x * y + z`` into one rounding (an FMA);
- ``vector_normal()``: float32 ``normal_`` on 16+ elements uses a vectorised log/sin/cos.
"""

from __future__ import annotations

import functools
import os

import numpy as np


def _forced_default() -> bool:
    return os.environ.get("ATEN_CPU_CAPABILITY", "").lower() == "default"


def _is_x86() -> bool:
    import platform

    return platform.machine().lower() in ("x86_64", "amd64", "i386", "i686", "x86")


@functools.cache
def vector_normal() -> bool:
    """Whether torch's float32 normal kernel is the AVX2 one (x86 with AVX2 and FMA)."""
    features = np._core._multiarray_umath.__cpu_features__
    return _is_x86() and features.get("AVX2", False) and features.get("FMA3", False) and not _forced_default()


@functools.cache
def fused_multiply_add() -> bool:
    """Whether ``x * y + z`` in torch's kernels is rounded once (vector x86 builds, and ARM)."""
    return vector_normal() or not _is_x86()
