"""dtypes, torch's type promotion, Size and device: the small value types every tensor carries."""

from __future__ import annotations

import numpy as np

from ._device import device  # noqa: F401 (kept here: older imports find device beside dtype)


class dtype:  # noqa: N801 (torch spells it in lower case)
    """A tensor element type, printed as torch prints it (``torch.float32``)."""

    def __init__(self, name: str, numpy_dtype, category: int, legacy_name: str, itemsize: int = 0):
        self.name = name
        self.numpy = None if numpy_dtype is None else np.dtype(numpy_dtype)  # None: minitorch cannot hold it
        self.category = category  # 0 bool, 1 integer, 2 floating point, 3 complex: the order promotion follows
        self.is_floating_point = category == 2
        self.is_complex = category == 3
        self.is_signed = category != 0 and name != "uint8"
        self.itemsize = itemsize or self.numpy.itemsize
        self.legacy_name = legacy_name  # "Float", as in torch.FloatTensor and some error texts

    def __repr__(self):
        return f"torch.{self.name}"

    def __reduce__(self):
        return (_dtype_by_name, (self.name,))


bool_ = dtype("bool", np.bool_, 0, "Bool")
uint8 = dtype("uint8", np.uint8, 1, "Byte")
int8 = dtype("int8", np.int8, 1, "Char")
int16 = dtype("int16", np.int16, 1, "Short")
int32 = dtype("int32", np.int32, 1, "Int")
int64 = dtype("int64", np.int64, 1, "Long")
float16 = dtype("float16", np.float16, 2, "Half")
float32 = dtype("float32", np.float32, 2, "Float")
float64 = dtype("float64", np.float64, 2, "Double")
# Named so that learners' code can mention them; making a tensor of one raises NotImplementedError.
bfloat16 = dtype("bfloat16", None, 2, "BFloat16", itemsize=2)
complex64 = dtype("complex64", None, 3, "ComplexFloat", itemsize=8)
complex128 = dtype("complex128", None, 3, "ComplexDouble", itemsize=16)

_ALL = (bool_, uint8, int8, int16, int32, int64, float16, float32, float64, bfloat16, complex64, complex128)
_BY_NUMPY = {d.numpy: d for d in _ALL if d.numpy is not None}


def _dtype_by_name(name: str) -> dtype:
    return next(d for d in _ALL if d.name == name)


_default_float = [float32]  # the one place the default floating point type lives


def get_default_dtype() -> dtype:
    """The dtype of new floating point tensors: Python floats, float factories, integers promoted to float."""
    return _default_float[0]


def set_default_dtype(d: dtype) -> None:
    """Make ``d`` (float64, float32 or float16) the dtype of new floating point tensors, as torch does."""
    if not isinstance(d, dtype):
        raise TypeError("invalid dtype object: only floating-point types are supported as the default type")
    if not d.is_floating_point:
        raise TypeError("only floating-point types are supported as the default type")
    _default_float[0] = check_supported(d)


def check_supported(d: dtype) -> dtype:
    """``d`` itself, or a NotImplementedError naming it when minitorch cannot hold tensors of it."""
    if d.numpy is None:
        kind = "complex" if d.is_complex else d.name
        raise NotImplementedError(f"minitorch does not implement {kind} tensors (torch.{d.name}); it supports "
                                  "bool, uint8, int8, int16, int32, int64, float16, float32 and float64")
    return d


def from_numpy_dtype(np_dtype) -> dtype:
    """The minitorch dtype for a numpy dtype (other numpy types map to the nearest supported one)."""
    known = _BY_NUMPY.get(np_dtype)  # a tensor's own dtype: one lookup (every ``x.dtype`` comes here)
    if known is not None:
        return known
    np_dtype = np.dtype(np_dtype)
    if np_dtype in _BY_NUMPY:
        return _BY_NUMPY[np_dtype]
    if np_dtype.kind == "f":
        return float64 if np_dtype.itemsize > 4 else float32
    if np_dtype.kind in "iu":
        return int64
    if np_dtype.kind == "b":
        return bool_
    if np_dtype.kind == "c":
        return check_supported(complex128 if np_dtype.itemsize > 8 else complex64)
    raise TypeError(f"can't convert np.ndarray of type numpy.{np_dtype}. The only supported types are: "
                    "float64, float32, float16, complex64, complex128, int64, int32, int16, int8, uint8, and bool.")


def _promote_pair(a: dtype | None, b: dtype | None) -> dtype | None:
    if a is None:
        return b
    if b is None:
        return a
    if a.category != b.category:
        return a if a.category > b.category else b
    if a.category == 1 and a.is_signed != b.is_signed:  # uint8 with a signed type: a signed type holding both
        signed = a if a.is_signed else b
        return signed if signed.itemsize > 1 else int16
    if {a.name, b.name} == {"float16", "bfloat16"}:
        return float32
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
    if isinstance(value, complex):
        return check_supported(complex64)
    return get_default_dtype()


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
    if d is None:
        return d
    if isinstance(d, dtype):
        return check_supported(d)
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


def promote_types(type1: dtype, type2: dtype) -> dtype:
    """The smallest dtype that both ``type1`` and ``type2`` convert to without losing their kind (torch's table)."""
    return _promote_pair(type1, type2)


def can_cast(from_: dtype, to: dtype) -> bool:
    """Whether torch's casting rules allow ``from_`` into ``to``: never to a lower kind (float to int, int to bool)."""
    return from_.category <= to.category
