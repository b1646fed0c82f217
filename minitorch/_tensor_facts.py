"""Tensor methods that describe a tensor or reshape how it is read: ``nbytes``, ``is_signed()``, ``x.H``,
``x.unfold(...)``, ``x.ravel()``, ``x.fill_diagonal_(v)``, the CPU-only memory methods (``pin_memory``...)."""

from __future__ import annotations

import numpy as np

from ._device import raise_no_cuda
from .ops import copy, pointwise, reshaping, splitting, transposing, windows
from .ops.reduction import sum as _sum


def _refuse_grad(name, *tensors):
    """torch's error when a Python callable would write into a tensor that requires grad."""
    if any(t.requires_grad for t in tensors):
        raise RuntimeError(f"Can't call {name}() on Variable that requires grad. Use var.detach().{name}() instead.")


class FactMethods:
    """``x.nbytes``, ``x.is_nonzero()``, ``x.type_as(y)``, ``x.sum_to_size(...)``... on every Tensor."""

    # -- what a tensor is ------------------------------------------------------------------------------
    is_cpu = property(lambda self: True, doc="Always True: minitorch tensors live on the CPU.")
    nbytes = property(lambda self: self.numel() * self._data.itemsize, doc="Bytes the elements take.")
    itemsize = property(lambda self: self._data.itemsize, doc="Bytes per element.")
    real = property(lambda self: self, doc="The real part: a real tensor itself.")

    def ndimension(self) -> int:
        """The number of dimensions (as ``dim()``)."""
        return self.ndim

    @property
    def imag(self):
        """Only complex tensors have an imaginary part: raises as torch does for a real one."""
        raise RuntimeError("imag is not implemented for tensors with non-complex dtypes.")

    def is_signed(self) -> bool:
        """Whether the dtype can hold negative values (not bool, not uint8)."""
        return self.dtype.is_signed

    def is_same_size(self, other) -> bool:
        """Whether ``other`` has the same shape."""
        return self.shape == other.shape

    def is_nonzero(self) -> bool:
        """Whether the one value of a one-element tensor is not zero."""
        if self.numel() == 0:
            raise RuntimeError("Boolean value of Tensor with no values is ambiguous")
        if self.numel() > 1:
            raise RuntimeError("Boolean value of Tensor with more than one value is ambiguous")
        return bool(self.item())

    def is_conj(self) -> bool:
        """False: minitorch has no complex tensors, so none is a conjugate view."""
        return False

    def is_neg(self) -> bool:
        """False: minitorch has no lazily negated views."""
        return False

    def conj(self):
        """The complex conjugate: a real tensor itself."""
        return self

    resolve_conj = resolve_neg = conj_physical = conj

    # -- memory (CPU only) -----------------------------------------------------------------------------
    def is_pinned(self) -> bool:
        """False: pinned memory needs an accelerator."""
        return False

    def pin_memory(self, device=None):
        """Pinned memory needs an accelerator: raises as a CPU-only torch does."""
        raise_no_cuda(0)

    def share_memory_(self):
        """Mark the memory as shared between processes (it already is a plain buffer here); returns self."""
        self._shared = True
        return self

    def is_shared(self) -> bool:
        """Whether ``share_memory_()`` was called on this tensor's memory."""
        return getattr(self, "_shared", False)

    # -- dtype and shape as another tensor's ---------------------------------------------------------
    def type_as(self, other):
        """This tensor converted to ``other``'s dtype (itself when it already has it)."""
        return copy.to(self, other.dtype)

    def resize_as_(self, the_template, memory_format=None):
        """``resize_`` to ``the_template``'s shape."""
        return self.resize_(the_template.shape)

    def sum_to_size(self, *size):
        """Sum the dims that ``size`` has as 1 (and the leading ones it lacks), so that the result has ``size``."""
        target = tuple(size[0]) if len(size) == 1 and not isinstance(size[0], int) else tuple(size)
        lead = self.ndim - len(target)
        if lead < 0 or any(t != n and t != 1 for t, n in zip(target, self.shape[lead:])):
            raise RuntimeError(f"size {{{list(target)}}} is not expandable to size {{{list(self.shape)}}}.")
        dims = list(range(lead)) + [lead + i for i, t in enumerate(target) if t == 1 and self.shape[lead + i] != 1]
        if not dims:
            return self
        summed = _sum(self, dims, keepdim=True)
        return reshaping.view(summed, *target) if lead else summed

    def split_with_sizes(self, split_sizes, dim=0):
        """Pieces of the given sizes along ``dim`` (views)."""
        return splitting.split(self, list(split_sizes), dim)

    # -- other ways to read the same memory --------------------------------------------------------
    unfold = windows.unfold
    as_strided = windows.as_strided

    def ravel(self):
        """The values in row-major order as one dim: a view when the memory allows it, else a copy."""
        return reshaping.view(copy.contiguous(self), -1)

    def _transposed(self, name: str, matrices_only: bool = False):
        if matrices_only and self.ndim != 2:
            hint = ". For batches of matrices, consider using tensor.mH" if self.ndim > 2 else "."
            raise RuntimeError(f"tensor.H is only supported on matrices (2-D tensors). Got {self.ndim}-D tensor"
                               f"{hint}")
        if self.ndim < 2:
            raise RuntimeError(f"tensor.{name} is only supported on matrices or batches of matrices. Got "
                               f"{self.ndim}-D tensor.")
        return transposing.transpose(self, -2, -1)

    H = property(lambda self: self._transposed("H", matrices_only=True), doc="The conjugate transpose of a matrix.")
    mH = property(lambda self: self._transposed("mH"), doc="The conjugate transpose of the last two dims.")

    def adjoint(self):
        """The conjugate transpose of the last two dims (for real tensors, ``x.mT``)."""
        return self._transposed("adjoint()")

    def positive(self):
        """``+x``: the tensor itself (bool tensors refuse)."""
        if self.dtype.name == "bool":
            raise RuntimeError("The `+` operator, on a bool tensor is not supported.")
        return self

    def where(self, condition, y):
        """``torch.where(condition, self, y)``."""
        return pointwise.where(condition, self, y)

    def clip_(self, min=None, max=None):  # noqa: A002 (torch's argument names)
        """``clamp_``."""
        return self.clamp_(min, max)

    def fill_diagonal_(self, fill_value, wrap=False):
        """Write ``fill_value`` on the main diagonal (all dims equal, or a tall matrix: ``wrap`` restarts it)."""
        if self.ndim < 2:
            raise RuntimeError("dimensions must larger than 1")
        if self.ndim > 2 and len(set(self.shape)) != 1:
            raise RuntimeError("all dimensions of input must be of equal length")
        length, step = min(self.shape), sum(self.stride())
        offset = self.storage_offset()
        windows.as_strided(self, (length,), (step,), offset).fill_(fill_value)
        height, width = self.shape[0], self.shape[-1]
        if wrap and self.ndim == 2 and height > width + 1:  # a tall matrix: the diagonal starts again below
            wrapped = (self.numel() + width) // (width + 1) - length
            windows.as_strided(self, (wrapped,), (step,), offset + self.stride(0) * (width + 1)).fill_(fill_value)
        return self

    def apply_(self, callable):  # noqa: A002 (torch's argument name)
        """Replace every element ``v`` by ``callable(v)`` (a Python function; slow, CPU only, no autograd, and, as
        in torch, no version bump)."""
        _refuse_grad("apply_", self)
        flat = [callable(v) for v in self._data.reshape(-1).tolist()]
        self._data[...] = np.array(flat, self._data.dtype).reshape(self.shape)
        return self

    def map_(self, tensor, callable):  # noqa: A002
        """Replace every element ``a`` by ``callable(a, b)``, ``b`` the matching element of ``tensor`` (broadcast)."""
        _refuse_grad("map_", self, tensor)
        others = np.broadcast_to(tensor._data, self.shape).reshape(-1).tolist()
        flat = [callable(a, b) for a, b in zip(self._data.reshape(-1).tolist(), others)]
        self._data[...] = np.array(flat, self._data.dtype).reshape(self.shape)
        return self

    def new_empty_strided(self, size, stride, dtype=None, device=None, requires_grad=False):
        """Uninitialised (here: zero) memory with the given shape and strides, this tensor's dtype by default."""
        from ._factories import empty_strided  # cycle: _factories imports minitorch.tensor, which imports this

        return empty_strided(size, stride, dtype=dtype or self.dtype, device=device, requires_grad=requires_grad)

