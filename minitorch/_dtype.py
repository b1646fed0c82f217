"""dtypes, torch's type promotion, Size and device: the small value types every tensor carries."""

from __future__ import annotations

import numpy as np


class dtype:  # noqa: N801 (torch spells it in lower case)
    """A tensor element type, printed as torch prints it (``torch.float32``)."""

    def __init__(self, name: str, numpy_dtype, category: int, legacy_name: str):
        self.name = name
        self.numpy = np.dtype(numpy_dtype)
        self.category = category  # 0 bool, 1 integer, 2 floating point: the order promotion follows
        self.is_floating_point = category == 2
        self.is_complex = False
        self.is_signed = category != 0
        self.itemsize = self.numpy.itemsize
        self.legacy_name = legacy_name  # "Float", as in torch.FloatTensor and some error texts

    def __repr__(self):
        return f"torch.{self.name}"

    def __reduce__(self):
        return (_dtype_by_name, (self.name,))


bool_ = dtype("bool", np.bool_, 0, "Bool")
int64 = dtype("int64", np.int64, 1, "Long")
float32 = dtype("float32", np.float32, 2, "Float")
float64 = dtype("float64", np.float64, 2, "Double")

DEFAULT_FLOAT = float32
_ALL = (bool_, int64, float32, float64)
_BY_NUMPY = {d.numpy: d for d in _ALL}


def _dtype_by_name(name: str) -> dtype:
    return next(d for d in _ALL if d.name == name)


def from_numpy_dtype(np_dtype) -> dtype:
    """The minitorch dtype for a numpy dtype (other numpy types map to the nearest supported one)."""
    np_dtype = np.dtype(np_dtype)
    if np_dtype in _BY_NUMPY:
        return _BY_NUMPY[np_dtype]
    if np_dtype.kind == "f":
        return float64 if np_dtype.itemsize > 4 else float32
    if np_dtype.kind in "iu":
        return int64
    if np_dtype.kind == "b":
        return bool_
    raise TypeError(f"can't convert np.ndarray of type numpy.{np_dtype}. The only supported types are: "
                    "float64, float32, int64, and bool.")


def _promote_pair(a: dtype | None, b: dtype | None) -> dtype | None:
    if a is None:
        return b
    if b is None:
        return a
    if a.category != b.category:
        return a if a.category > b.category else b
    return a if a.itemsize >= b.itemsize else b


def _combine(higher: dtype | None, lower: dtype | None) -> dtype | None:
    """torch's combine_categories: a lower-priority operand only wins with a higher category."""
    if higher is None:
        return lower
    if lower is None:
        return higher
    if higher.is_floating_point:
        return higher
    if higher is bool_ or lower.is_floating_point:
        return _promote_pair(higher, lower)
    return higher


def scalar_dtype(value) -> dtype:
    """The dtype a Python number takes on its own: bool, int64, or the default float."""
    if isinstance(value, (bool, np.bool_)):
        return bool_
    if isinstance(value, (int, np.integer)):
        return int64
    return DEFAULT_FLOAT


def result_type(*operands) -> dtype:
    """torch.result_type: tensors with dims outrank 0-d tensors, which outrank Python numbers.

    A lower-ranked operand changes the result only when its category (bool < integer < float) is higher:
    ``float32_tensor * 2.5`` stays float32, ``int_tensor * 2.5`` becomes float32.
    """
    dim_result = zero_result = wrapped_result = None
    for op in operands:
        if hasattr(op, "_data"):
            if op._data.ndim:
                dim_result = _promote_pair(dim_result, op.dtype)
            else:
                zero_result = _promote_pair(zero_result, op.dtype)
        else:
            wrapped_result = _promote_pair(wrapped_result, scalar_dtype(op))
    return _combine(dim_result, _combine(zero_result, wrapped_result))


def resolve(d) -> dtype | None:
    """Accept a minitorch dtype, a numpy dtype or a Python type (float, int, bool) and return a dtype."""
    if d is None or isinstance(d, dtype):
        return d
    if d is float:
        return float64
    if d is int:
        return int64
    if d is bool:
        return bool_
    return from_numpy_dtype(d)


class Size(tuple):
    """A tensor's shape: a tuple that prints as ``torch.Size([2, 3])``."""

    def __repr__(self):
        return f"torch.Size([{', '.join(str(n) for n in self)}])"

    __str__ = __repr__

    def numel(self) -> int:
        """The number of elements a tensor of this shape holds."""
        return int(np.prod(self, dtype=np.int64))

    def __getitem__(self, item):
        result = super().__getitem__(item)
        return Size(result) if isinstance(item, slice) else result

    def __add__(self, other):
        return Size(tuple(self) + tuple(other))


class device:  # noqa: N801
    """The only device minitorch has: the CPU. ``torch.device('cpu')`` works; other devices raise."""

    def __init__(self, type: str = "cpu", index=None):  # noqa: A002 (torch's argument name)
        if isinstance(type, device):
            type = type.type
        kind = str(type).split(":")[0]
        if kind != "cpu":
            raise AssertionError("Torch not compiled with CUDA enabled")
        self.type, self.index = "cpu", None

    def __repr__(self):
        return "device(type='cpu')"

    def __str__(self):
        return "cpu"

    def __eq__(self, other):
        return isinstance(other, device) or other == "cpu"

    def __hash__(self):
        return hash("cpu")
