"""``torch.iinfo`` and ``torch.finfo``: the limits of integer and floating point dtypes."""

from __future__ import annotations

import numpy as np

from ._dtype import dtype, get_default_dtype


class iinfo:  # noqa: N801 (torch's name)
    """The range of an integer dtype: ``torch.iinfo(torch.int32).max``."""

    def __init__(self, type: dtype):  # noqa: A002 (torch's argument name)
        if type.category != 1 and type.name != "bool":
            raise TypeError("torch.iinfo() requires an integer input type. Use torch.finfo to handle 'torch.iinfo'")
        info = np.iinfo(type.numpy) if type.name != "bool" else None
        self.bits = type.itemsize * 8
        self.min, self.max = (0, 1) if info is None else (int(info.min), int(info.max))
        self.dtype = type.name

    def __repr__(self):
        return f"iinfo(min={self.min:.6g}, max={self.max:.6g}, dtype={self.dtype})"


class finfo:  # noqa: N801
    """The limits of a floating point dtype: ``eps``, ``tiny``, ``max``... (float32 when called without one)."""

    def __init__(self, type: dtype = None):  # noqa: A002
        type = type or get_default_dtype()
        if not type.is_floating_point:
            raise TypeError("torch.finfo() requires a floating point input type. Use torch.iinfo to handle "
                            "'torch.finfo'")
        info = _bfloat16_limits() if type.numpy is None else np.finfo(type.numpy)
        self.bits = type.itemsize * 8
        self.eps, self.max, self.min = float(info.eps), float(info.max), float(info.min)
        self.tiny = self.smallest_normal = float(info.smallest_normal)
        self.resolution = 10.0 ** -int(info.precision)
        self.dtype = type.name

    def __repr__(self):
        return (f"finfo(resolution={self.resolution:.6g}, min={self.min:.6g}, max={self.max:.6g}, "
                f"eps={self.eps:.6g}, smallest_normal={self.smallest_normal:.6g}, tiny={self.tiny:.6g}, "
                f"dtype={self.dtype})")


def _bfloat16_limits():
    """bfloat16 has float32's exponent and 8 bits of precision (numpy has no such type)."""
    from types import SimpleNamespace

    largest = float(np.float32(3.3895313892515355e38))
    return SimpleNamespace(eps=2.0**-7, max=largest, min=-largest, smallest_normal=2.0**-126, precision=2)
