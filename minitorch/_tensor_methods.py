"""Tensor's methods and operators, each a thin call into ``minitorch/ops`` where the op is defined."""

from __future__ import annotations

import warnings

import numpy as np

from ._device import raise_no_cuda
from ._dtype import bool_, float32, float64, int64
from ._legacy import legacy_dtype
from ._tensor_comparison import ComparisonMethods
from ._tensor_elementwise_extra import ExtraElementwiseMethods
from ._tensor_facts import FactMethods
from ._tensor_families import FamilyMethods
from ._tensor_inplace import InPlaceMethods
from ._tensor_math import TrigExpLogMethods
from ._tensor_math_more import RoundingAndBinaryMethods
from ._tensor_more_ops import MoreOpMethods
from ._tensor_reductions import ReductionMethods
from .autograd import node as _node
from .ops import (
    arithmetic,
    broadcasting,
    comparison,
    copy,
    indexing,
    linalg,
    pointwise,
    reduction,
    reshaping,
    softmax,
    splitting,
    squeezing,
    transposing,
)
from .ops._util import binary_operands
from .ops.comparison import bitwise_not
from .ops.division import floor_divide
from .ops.elementwise_binary import remainder
from .ops.index_api import IndexMethods


class TensorMethods(ExtraElementwiseMethods, TrigExpLogMethods, RoundingAndBinaryMethods, ComparisonMethods,
                    ReductionMethods, FamilyMethods, FactMethods, MoreOpMethods,
                    IndexMethods, InPlaceMethods):
    """Operators and named methods (``a + b``, ``a.sum()``, ``a.add_(1)``) shared by every Tensor."""

    # -- description -----------------------------------------------------------------------------------
    def size(self, dim=None):
        """The shape, or the size of one dimension."""
        return self.shape if dim is None else self.shape[dim]

    def dim(self) -> int:
        """The number of dimensions."""
        return self._data.ndim

    ndim = property(dim)

    def numel(self) -> int:
        """The number of elements."""
        return int(self._data.size)

    nelement = numel

    def stride(self, dim=None):
        """How many elements to step in memory to move one place along each dimension."""
        steps = tuple(s // self._data.itemsize for s in self._data.strides)
        return steps if dim is None else steps[dim]

    def is_contiguous(self) -> bool:
        """Whether the memory is in row-major order."""
        return bool(self._data.flags.c_contiguous)

    def is_floating_point(self) -> bool:
        """Whether the dtype is a floating point type."""
        return self.dtype.is_floating_point

    def element_size(self) -> int:
        """Bytes per element."""
        return self._data.itemsize

    def item(self):
        """The value of a one-element tensor as a Python number."""
        if self.numel() != 1:
            raise RuntimeError(f"a Tensor with {self.numel()} elements cannot be converted to Scalar")
        return self._data.reshape(()).item()

    def tolist(self):
        """The values as (nested) Python lists."""
        return self._data.tolist()

    def __len__(self):
        if self.ndim == 0:
            raise TypeError("len() of a 0-d tensor")
        return self.shape[0]

    def __iter__(self):
        if self.ndim == 0:
            raise TypeError("iteration over a 0-d tensor")
        return iter(splitting.unbind(self, 0))

    def __bool__(self):
        if self.numel() != 1:
            raise RuntimeError("Boolean value of Tensor with more than one value is ambiguous")
        return bool(self.item())

    def __float__(self):
        return float(self._one_value())

    def __int__(self):
        return int(self._one_value())

    def _one_value(self):
        if self.numel() != 1:
            raise ValueError("only one element tensors can be converted to Python scalars")
        return self.item()

    def __index__(self):
        if self.dtype.is_floating_point:
            raise TypeError("only integer tensors of a single element can be converted to an index")
        return int(self.item())

    # -- arithmetic ------------------------------------------------------------------------------------
    __add__ = __radd__ = add = arithmetic.add  # ``self + alpha * other``
    __sub__ = sub = arithmetic.sub  # ``self - alpha * other``
    __mul__ = mul = arithmetic.mul
    __rmul__ = arithmetic.mul
    __truediv__ = arithmetic.div  # div (with rounding_mode=) is in _tensor_elementwise_extra.py
    __rtruediv__ = arithmetic.rdiv
    __pow__ = pow = arithmetic.pow
    __rpow__ = arithmetic.rpow
    __neg__ = neg = arithmetic.neg
    __matmul__ = matmul = linalg.matmul
    __getitem__ = indexing.getitem

    def __rsub__(self, other):
        return arithmetic.rsub(self, other)

    def __rmatmul__(self, other):
        return linalg.matmul(other, self)

    def __floordiv__(self, other):
        return floor_divide(self, other)

    def __mod__(self, other):
        return remainder(self, other)

    # x **= y, x //= y, x %= y, x &= y, x |= y, x ^= y: in place, as torch (x += y... are in _tensor_inplace.py)
    def __ipow__(self, other):
        return self.pow_(other)

    def __ifloordiv__(self, other):
        return self.floor_divide_(other)

    def __imod__(self, other):
        return self.remainder_(other)

    def __iand__(self, other):
        return self.bitwise_and_(other)

    def __ior__(self, other):
        return self.bitwise_or_(other)

    def __ixor__(self, other):
        return self.bitwise_xor_(other)

    def __rfloordiv__(self, other):
        return floor_divide(other, self)

    def __rmod__(self, other):
        return remainder(other, self)

    def __eq__(self, other):
        return pointwise.compare(self, other, np.equal)

    def __ne__(self, other):
        return pointwise.compare(self, other, np.not_equal)

    def __lt__(self, other):
        return pointwise.compare(self, other, np.less)

    def __le__(self, other):
        return pointwise.compare(self, other, np.less_equal)

    def __gt__(self, other):
        return pointwise.compare(self, other, np.greater)

    def __ge__(self, other):
        return pointwise.compare(self, other, np.greater_equal)

    def __and__(self, other):
        return comparison.bitwise_and(self, other)

    def __or__(self, other):
        return comparison.bitwise_or(self, other)

    def __xor__(self, other):
        return comparison.bitwise_xor(self, other)

    __rand__, __ror__, __rxor__ = __and__, __or__, __xor__

    def __invert__(self):
        return bitwise_not(self)

    reciprocal = arithmetic.reciprocal
    exp, log, sqrt, abs = pointwise.exp, pointwise.log, pointwise.sqrt, pointwise.abs
    __abs__ = pointwise.abs
    sigmoid, tanh, relu, clamp = pointwise.sigmoid, pointwise.tanh, pointwise.relu, pointwise.clamp
    clip = clamp
    maximum, minimum = pointwise.maximum, pointwise.minimum

    # -- reductions and shapes -------------------------------------------------------------------------
    sum, max, min = reduction.sum, reduction.max, reduction.min

    def mean(self, dim=None, keepdim=False, *, dtype=None):
        """The mean of all elements, or along ``dim``; ``dtype=`` computes it in that floating type."""
        if dtype is None:
            return reduction.mean(self, dim, keepdim)
        from .ops import out_forms  # cycle: out_forms needs the factories, which need Tensor

        return out_forms.mean(self, dim, keepdim, dtype=dtype)
    argmax, argmin = reduction.argmax, reduction.argmin
    view, reshape, flatten = reshaping.view, reshaping.reshape, reshaping.flatten
    transpose, t, permute = transposing.transpose, transposing.t, transposing.permute
    squeeze, unsqueeze, expand, unbind = squeezing.squeeze, squeezing.unsqueeze, broadcasting.expand, splitting.unbind
    mm, mv, dot, bmm, addmm = linalg.mm, linalg.mv, linalg.dot, linalg.bmm, linalg.addmm
    clone, contiguous, to = copy.clone, copy.contiguous, copy.to

    @property
    def T(self):  # noqa: N802 (torch's name)
        """The dims reversed (``permute``); a 0-d tensor warns, as torch does, and is permuted to itself."""
        if self.ndim == 0:
            warnings.warn("Tensor.T is deprecated on 0-D tensors. This function is the identity in these cases.",
                          UserWarning, stacklevel=2)
        return transposing.permute(self, tuple(reversed(range(self.ndim))))

    @property
    def mT(self):  # noqa: N802 (torch's name)
        """The last two dims swapped; a 0-d tensor is returned itself (with torch's warning)."""
        if self.ndim == 0:
            warnings.warn("Tensor.mT is deprecated on 0-D tensors. This function is the identity in these cases.",
                          UserWarning, stacklevel=2)
            return self
        if self.ndim < 2:
            raise RuntimeError(f"tensor.mT is only supported on matrices or batches of matrices. Got "
                               f"{self.ndim}-D tensor.")
        return transposing.transpose(self, -2, -1)

    def view_as(self, other):
        """``self.view(other.shape)``."""
        return reshaping.view(self, *other.shape)

    def reshape_as(self, other):
        """``self.reshape(other.shape)``."""
        return reshaping.reshape(self, *other.shape)

    def expand_as(self, other):
        """``self.expand(other.shape)``."""
        return broadcasting.expand(self, *other.shape)

    def float(self):
        """Convert to float32."""
        return copy.to(self, float32)

    def double(self):
        """Convert to float64."""
        return copy.to(self, float64)

    def long(self):
        """Convert to int64."""
        return copy.to(self, int64)

    def bool(self):
        """Convert to bool."""
        return copy.to(self, bool_)

    def type(self, dtype=None):
        """Convert to ``dtype`` (or, with no argument, the legacy type name such as ``torch.FloatTensor``)."""
        return f"torch.{self.dtype.legacy_name}Tensor" if dtype is None else copy.to(self, legacy_dtype(dtype))

    def cpu(self):
        """The tensor itself: minitorch lives on the CPU."""
        return self

    def cuda(self, device=None, *args, **kwargs):
        """minitorch has no GPU: raises as a CPU-only torch does (a device number asks for the accelerator)."""
        raise_no_cuda(device)

    def softmax(self, dim):
        """``exp(self) / exp(self).sum(dim)``, as ``nn.functional.softmax``."""
        return softmax.softmax(self, dim)

    def log_softmax(self, dim):
        """``self - log(exp(self).sum(dim))``, as ``nn.functional.log_softmax``."""
        return softmax.log_softmax(self, dim)


def _no_grad_result(a, b, numpy_op):
    x, y, _ = binary_operands(a, b if b is not None else 0)
    return _node.Tensor._wrap(numpy_op(x, y))

