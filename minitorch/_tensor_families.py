"""Tensor methods of the indexing, shape, dtype and device families (each a call into ``minitorch/ops``)."""

from __future__ import annotations

from . import _dtype
from ._device import check_layout, sparse_coo, strided
from .autograd.grad_mode import no_grad
from .ops import broadcasting, diagonals, gather_scatter, index_ops, rearrange, splitting, unsafe_split
from .ops._util import check_broadcast
from .ops.copy import to
from .ops.inplace import apply_inplace
from .ops.squeezing import SqueezeBackward4, squeeze, unsqueeze
from .ops.transposing import t, transpose


class FamilyMethods:
    """``x.gather(...)``, ``x.split(...)``, ``x.int()``, ``x.new_ones(...)``... on every Tensor."""

    # -- reading and writing at indices --------------------------------------------------------------
    gather, take, take_along_dim = gather_scatter.gather, gather_scatter.take, gather_scatter.take_along_dim
    scatter, scatter_add = gather_scatter.scatter, gather_scatter.scatter_add
    index_select, index_add = index_ops.index_select, index_ops.index_add
    index_copy, index_fill = index_ops.index_copy, index_ops.index_fill
    masked_fill, masked_select = index_ops.masked_fill, index_ops.masked_select
    nonzero, argwhere = index_ops.nonzero, index_ops.argwhere

    def scatter_(self, dim, index, src=None, *, value=None, reduce=None):
        """``scatter`` in place."""
        return apply_inplace(self, gather_scatter.scatter, dim, index, src, value=value, reduce=reduce)

    def scatter_add_(self, dim, index, src):
        """``scatter_add`` in place."""
        return apply_inplace(self, gather_scatter.scatter_add, dim, index, src)

    def index_add_(self, dim, index, source, *, alpha=1):
        """``index_add`` in place."""
        return apply_inplace(self, index_ops.index_add, dim, index, source, alpha=alpha)

    def index_copy_(self, dim, index, source):
        """``index_copy`` in place."""
        return apply_inplace(self, index_ops.index_copy, dim, index, source)

    def index_fill_(self, dim, index, value):
        """``index_fill`` in place."""
        return apply_inplace(self, index_ops.index_fill, dim, index, value)

    def masked_fill_(self, mask, value):
        """``masked_fill`` in place (the mask broadcasts to this tensor's shape)."""
        if hasattr(mask, "shape"):
            check_broadcast(self.shape, mask.shape)  # the tensor is written, the mask read: torch's order
        return apply_inplace(self, index_ops.masked_fill, mask, value)

    # -- cutting and re-arranging --------------------------------------------------------------------
    split, chunk, tensor_split, narrow = splitting.split, splitting.chunk, splitting.tensor_split, splitting.narrow
    hsplit, vsplit, dsplit = splitting.hsplit, splitting.vsplit, splitting.dsplit
    unsafe_split, unsafe_chunk = unsafe_split.unsafe_split, unsafe_split.unsafe_chunk
    movedim = moveaxis = splitting.movedim
    swapaxes = swapdims = splitting.swapaxes
    flip, fliplr, flipud, roll = rearrange.flip, rearrange.fliplr, rearrange.flipud, rearrange.roll
    repeat, tile, repeat_interleave = rearrange.repeat, rearrange.tile, rearrange.repeat_interleave
    outer = ger = rearrange.outer
    cross, rot90, unflatten = rearrange.cross, rearrange.rot90, splitting.unflatten
    tril, triu, diag, diagonal = diagonals.tril, diagonals.triu, diagonals.diag, diagonals.diagonal
    diag_embed, trace = diagonals.diag_embed, diagonals.trace
    broadcast_to = broadcasting.broadcast_to

    def tril_(self, diagonal=0):
        """``tril`` in place."""
        return apply_inplace(self, diagonals.tril, diagonal)

    def triu_(self, diagonal=0):
        """``triu`` in place."""
        return apply_inplace(self, diagonals.triu, diagonal)

    def unsqueeze_(self, dim):
        """Insert a dim of size 1 at ``dim``, changing this tensor's own shape."""
        with no_grad():
            viewed = unsqueeze(self, dim)
        splitting.restride_(self, viewed, splitting.UnsqueezeBackward1, {"dim": dim % 2**64})
        return self

    def squeeze_(self, dim=None):
        """Remove dims of size 1 (all, or only ``dim``), changing this tensor's own shape."""
        with no_grad():
            viewed = squeeze(self, dim)
        if dim is None:
            splitting.restride_(self, viewed, splitting.SqueezeBackward3, {"self_sym_sizes": tuple(self.shape)})
        else:
            attrs = {"dim": dim % 2**64, "self_sym_sizes": tuple(self.shape)}
            splitting.restride_(self, viewed, SqueezeBackward4, attrs)
        return self

    def t_(self):
        """Transpose this matrix in place (its own shape and strides change)."""
        if self.ndim > 2:
            raise RuntimeError(f"t_() expects a tensor with <= 2 dimensions, but self is {self.ndim}D")
        with no_grad():
            viewed = t(self)
        splitting.restride_(self, viewed, splitting.TBackward1)
        return self

    def transpose_(self, dim0, dim1):
        """Swap two dims in place (this tensor's own shape and strides change)."""
        with no_grad():
            viewed = transpose(self, dim0, dim1)
        splitting.restride_(self, viewed, splitting.TransposeBackward1, {"dim0": dim0, "dim1": dim1},
                            state={"axes": (dim0, dim1)})
        return self

    # -- dtype conversions ---------------------------------------------------------------------------
    def int(self):
        """Convert to int32."""
        return to(self, _dtype.int32)

    def short(self):
        """Convert to int16."""
        return to(self, _dtype.int16)

    def char(self):
        """Convert to int8."""
        return to(self, _dtype.int8)

    def byte(self):
        """Convert to uint8."""
        return to(self, _dtype.uint8)

    def half(self):
        """Convert to float16."""
        return to(self, _dtype.float16)

    def bfloat16(self):
        """bfloat16 is not implemented in minitorch: raises NotImplementedError."""
        return to(self, _dtype.bfloat16)

    # -- devices and layout --------------------------------------------------------------------------
    is_cuda = property(lambda self: False, doc="Whether the tensor is on a GPU: never.")
    is_sparse = property(lambda self: False, doc="Whether the tensor is sparse: never.")
    is_mps = property(lambda self: False, doc="Whether the tensor is on Apple's GPU: never.")
    is_complex = lambda self: False  # noqa: E731 (a one-line method)

    @property
    def layout(self):
        """How the values are laid out: always ``torch.strided``."""
        return strided

    def get_device(self) -> int:
        """-1: the tensor is on the CPU."""
        return -1

    def to_sparse(self, *args, **kwargs):
        """Sparse tensors are not implemented in minitorch."""
        check_layout(sparse_coo)

    # -- new tensors like this one -------------------------------------------------------------------
    def new_tensor(self, data, dtype=None, device=None, requires_grad=False):
        """A new tensor of ``data`` with this tensor's dtype (unless ``dtype`` is given)."""
        from ._factories import tensor  # cycle: _factories imports minitorch.tensor, which imports this module

        return tensor(data, dtype=dtype or self.dtype, device=device, requires_grad=requires_grad)

    def new_zeros(self, *sizes, size=None, dtype=None, device=None, requires_grad=False):
        """Zeros of ``size`` with this tensor's dtype."""
        from ._factories import _sizes, zeros  # cycle: _factories imports minitorch.tensor, which imports this module

        shape = _sizes(sizes, size, "new_zeros")  # a negative size: torch's words for new_zeros, not zeros'
        return zeros(shape, dtype=dtype or self.dtype, device=device, requires_grad=requires_grad)

    def new_ones(self, *sizes, size=None, dtype=None, device=None, requires_grad=False):
        """Ones of ``size`` with this tensor's dtype."""
        from ._factories import ones  # cycle: _factories imports minitorch.tensor, which imports this module

        return ones(*sizes, size=size, dtype=dtype or self.dtype, device=device, requires_grad=requires_grad)

    def new_empty(self, *sizes, size=None, dtype=None, device=None, requires_grad=False):
        """An unset tensor of ``size`` with this tensor's dtype (zeros in minitorch)."""
        from ._factories import empty  # cycle: _factories imports minitorch.tensor, which imports this module

        return empty(*sizes, size=size, dtype=dtype or self.dtype, device=device, requires_grad=requires_grad)

    def new_full(self, size, fill_value, dtype=None, device=None, requires_grad=False):
        """``fill_value`` everywhere, with ``size`` and this tensor's dtype."""
        from ._factories import full  # cycle: _factories imports minitorch.tensor, which imports this module

        return full(size, fill_value, dtype=dtype or self.dtype, device=device, requires_grad=requires_grad)
