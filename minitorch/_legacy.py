"""The legacy typed constructors: ``torch.FloatTensor(2, 3)`` (a shape) or ``torch.LongTensor([1, 2])`` (data).

Each is also a type to test against: ``isinstance(x, torch.FloatTensor)`` is true for float32 tensors.
"""

from __future__ import annotations

import warnings

import numpy as np

from . import _dtype
from ._dtype import Size


class _LegacyTensorType(type):
    """The metaclass that makes ``torch.FloatTensor(...)`` build a tensor and ``isinstance`` check the dtype."""

    def __call__(cls, *args):
        from .tensor import Tensor

        if len(args) == 1 and isinstance(args[0], Tensor):
            return args[0] if args[0].dtype is cls.dtype else args[0].to(cls.dtype)
        shape_form = all(isinstance(a, (int, np.integer)) for a in args) or (
            len(args) == 1 and isinstance(args[0], Size))
        if shape_form:
            sizes = tuple(args[0]) if len(args) == 1 and isinstance(args[0], Size) else args
            return Tensor._wrap(np.zeros(sizes, dtype=cls.dtype.numpy))
        return Tensor._wrap(np.array(_plain(args[0]), dtype=cls.dtype.numpy))

    def __instancecheck__(cls, obj):
        return hasattr(obj, "_data") and obj.dtype is cls.dtype

    def __repr__(cls):
        return f"<class 'torch.{cls.__name__}'>"


def _plain(data):
    """Nested lists of numbers (tensors inside become their values)."""
    if hasattr(data, "_data"):
        return data._data
    if isinstance(data, (list, tuple)):
        return [_plain(item) for item in data]
    return data


def _legacy(name: str, dtype) -> type:
    doc = f"``torch.{name}(*sizes)`` or ``torch.{name}(data)``: a {dtype.name} tensor (legacy constructor)."
    return _LegacyTensorType(name, (), {"dtype": dtype, "__doc__": doc})


FloatTensor = _legacy("FloatTensor", _dtype.float32)
DoubleTensor = _legacy("DoubleTensor", _dtype.float64)
HalfTensor = _legacy("HalfTensor", _dtype.float16)
LongTensor = _legacy("LongTensor", _dtype.int64)
IntTensor = _legacy("IntTensor", _dtype.int32)
ShortTensor = _legacy("ShortTensor", _dtype.int16)
CharTensor = _legacy("CharTensor", _dtype.int8)
ByteTensor = _legacy("ByteTensor", _dtype.uint8)
BoolTensor = _legacy("BoolTensor", _dtype.bool_)


def legacy_dtype(value):
    """The dtype named by ``'torch.IntTensor'`` or ``torch.IntTensor`` (``x.type(...)``); other values as given."""
    if isinstance(value, _LegacyTensorType):
        return value.dtype
    if isinstance(value, str):
        if value.startswith("torch.cuda."):
            from ._device import CUDA_MISSING

            raise AssertionError(CUDA_MISSING)
        found = globals().get(value.removeprefix("torch."))
        if not isinstance(found, _LegacyTensorType):
            raise ValueError(f"invalid type: '{value}'")
        return found.dtype
    return value

_LEGACY_TYPES = {t.__name__: t for t in (FloatTensor, DoubleTensor, HalfTensor, LongTensor, IntTensor, ShortTensor,
                                          CharTensor, ByteTensor, BoolTensor)}
DEFAULT_TENSOR_TYPE_WARNING = (
    "torch.set_default_tensor_type() is deprecated as of PyTorch 2.1, please use torch.set_default_dtype() and "
    "torch.set_default_device() as alternatives. (Triggered internally at "
    "/__w/pytorch/pytorch/torch/csrc/tensor/python_tensor.cpp:434.)")
_warned: list = []


def set_default_tensor_type(t) -> None:
    """The old form of ``set_default_dtype``: ``torch.DoubleTensor`` or ``'torch.DoubleTensor'`` (deprecated)."""
    if isinstance(t, str):
        name = t.rsplit(".", 1)[-1]
        if name not in _LEGACY_TYPES:
            raise AttributeError(f"module 'torch' has no attribute '{name}'")
        t = _LEGACY_TYPES[name]
    if not isinstance(t, _LegacyTensorType):
        raise TypeError("invalid type object: only floating-point types are supported as the default type")
    if not _warned:
        _warned.append(True)  # torch warns once per process
        warnings.warn(DEFAULT_TENSOR_TYPE_WARNING, UserWarning, stacklevel=2)
    _dtype.set_default_dtype(t.dtype)
