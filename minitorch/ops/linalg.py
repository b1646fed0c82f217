"""Matrix products: ``dot``, ``mv``, ``mm``, ``bmm`` and ``matmul``, which picks one as torch does; ``addmm``."""

from __future__ import annotations

import numpy as np

from ..autograd.node import Node, record, unbroadcast
from . import _formulas
from ._formulas import scale, t, transpose
from ._util import check_broadcast
from .broadcasting import expand
from .inplace import write_values
from .reshaping import UnsafeViewBackward0, reshape
from .squeezing import SqueezeBackward4, squeeze, unsqueeze

_C_NAMES = {"float32": "float", "float64": "double", "float16": "c10::Half", "int64": "long int", "int32": "int",
            "int16": "short int", "int8": "signed char", "uint8": "unsigned char", "bool": "bool"}
_BOOL_KERNELS = {"mm": "addmm_impl_cpu_", "mv": "addmv_impl_cpu", "bmm": "bmm", "dot": "dot"}


def _operands(a, b, kind):
    """Both operands' values; torch refuses to mix dtypes in a matrix product, with a text per kind."""
    if a.dtype is not b.dtype:
        x, y = a.dtype, b.dtype
        raise RuntimeError({
            "dot": f"dot : expected both vectors to have same dtype, but found {x.legacy_name} and {y.legacy_name}",
            "mv": f"addmv input tensors must have the same dtype, but got {y.legacy_name}, {x.legacy_name}, and "
                  f"{y.legacy_name}",
            "mm": f"expected m1 and m2 to have the same dtype, but got: {_C_NAMES[x.name]} != {_C_NAMES[y.name]}",
            "bmm": f"expected scalar type {x.legacy_name} but found {y.legacy_name}",
        }[kind])
    if a.dtype.category == 0:
        raise NotImplementedError(f'"{_BOOL_KERNELS[kind]}" not implemented for \'Bool\'')
    return a._data, b._data


class DotBackward0(Node):
    """d(a . b) = grad * b for a, grad * a for b."""

    double_backward = True

    def apply(self, grad):
        grad_a = grad * self.unpack("tensor") if self.needs_input_grad(0) else None
        grad_b = grad * self.unpack("self") if self.needs_input_grad(1) else None
        return grad_a, grad_b


def dot(a, b):
    """Inner product of two 1-d tensors."""
    if a.ndim != 1 or b.ndim != 1:
        raise RuntimeError(f"1D tensors expected, but got {a.ndim}D and {b.ndim}D tensors")
    x, y = _operands(a, b, "dot")  # dot checks dtypes before sizes; mv, mm and bmm the other way round
    if a.shape[0] != b.shape[0]:
        n, m = a.shape[0], b.shape[0]
        raise RuntimeError(f"inconsistent tensor size, expected tensor [{n}] and src [{m}] to have the same "
                           f"number of elements, but got {n} and {m} elements respectively")
    return record(DotBackward0, np.asarray(x @ y), (a, b), saved={"self": a, "tensor": b})


class MvBackward0(Node):
    """d(M @ v) = outer(grad, v) for M, M.T @ grad for v."""

    double_backward = True

    def apply(self, grad):
        grad_a = _formulas.reshape(grad, (-1, 1)) * self.unpack("vec") if self.needs_input_grad(0) else None
        grad_b = t(self.unpack("self")) @ grad if self.needs_input_grad(1) else None
        return grad_a, grad_b


def mv(a, b):
    """Matrix times vector."""
    if a.ndim != 2 or b.ndim != 1:
        raise RuntimeError(f"vector + matrix @ vector expected, got 1, {a.ndim}, {b.ndim}")
    if a.shape[1] != b.shape[0]:
        raise RuntimeError(f"size mismatch, got input ({a.shape[0]}), mat ({a.shape[0]}x{a.shape[1]}), "
                           f"vec ({b.shape[0]})")
    x, y = _operands(a, b, "mv")
    return record(MvBackward0, x @ y, (a, b), saved={"self": a, "vec": b})


class MmBackward0(Node):
    """d(A @ B) = grad @ B.T for A, A.T @ grad for B."""

    double_backward = True

    def apply(self, grad):
        grad_a = grad_b = None
        if self.needs_input_grad(0):
            grad_a = mm_mat1_backward(grad, self.unpack("mat2"), self._saved_self_sym_sizes,
                                      self._saved_self_sym_strides)
        if self.needs_input_grad(1):
            grad_b = mm_mat2_backward(grad, self.unpack("self"), self._saved_mat2_sym_sizes,
                                      self._saved_mat2_sym_strides)
        return grad_a, grad_b


def _column_major(sizes, strides) -> bool:
    return strides[0] == 1 and strides[1] == sizes[0]


def mm_mat1_backward(grad, mat2, sizes, strides, alpha=1):
    """``alpha * grad @ mat2.T``, computed transposed when mat1 was column-major (as torch does)."""
    if _column_major(sizes, strides):
        return scale(t(mat2 @ t(grad)), alpha)
    return scale(grad @ t(mat2), alpha)


def mm_mat2_backward(grad, mat1, sizes, strides, alpha=1):
    """``alpha * mat1.T @ grad``, computed transposed when mat2 was column-major (as torch does)."""
    if _column_major(sizes, strides):
        return scale(t(t(grad) @ mat1), alpha)
    return scale(t(mat1) @ grad, alpha)


def mm(a, b):
    """Matrix product of two 2-d tensors."""
    if a.ndim != 2 or b.ndim != 2:
        which = "self" if a.ndim != 2 else "mat2"
        raise RuntimeError(f"{which} must be a matrix")
    if a.shape[1] != b.shape[0]:
        raise RuntimeError(f"mat1 and mat2 shapes cannot be multiplied ({a.shape[0]}x{a.shape[1]} and "
                           f"{b.shape[0]}x{b.shape[1]})")
    x, y = _operands(a, b, "mm")
    attrs = {"self_sym_sizes": tuple(a.shape), "self_sym_strides": a.stride(),
             "mat2_sym_sizes": tuple(b.shape), "mat2_sym_strides": b.stride()}
    return record(MmBackward0, x @ y, (a, b), saved={"self": a, "mat2": b}, attrs=attrs)


class BmmBackward0(Node):
    """d(A @ B) per batch = grad @ B^T for A, A^T @ grad for B."""

    double_backward = True

    def apply(self, grad):
        grad_a = _bmm(grad, transpose(self.unpack("mat2"), 1, 2)) if self.needs_input_grad(0) else None
        grad_b = _bmm(transpose(self.unpack("self"), 1, 2), grad) if self.needs_input_grad(1) else None
        return grad_a, grad_b


def _bmm(a, b):
    """A batched matrix product of arrays, or of Tensors (recorded as ``bmm``)."""
    return bmm(a, b) if _formulas.on_tensors(a) else a @ b


def bmm(a, b):
    """Batched matrix product of two 3-d tensors."""
    for name, tensor in (("batch1", a), ("batch2", b)):
        if tensor.ndim != 3:
            raise RuntimeError(f"{name} must be a 3D tensor")
    if b.shape[:2] != (a.shape[0], a.shape[2]):
        raise RuntimeError(f"Expected size for first two dimensions of batch2 tensor to be: [{a.shape[0]}, "
                           f"{a.shape[2]}] but got: [{b.shape[0]}, {b.shape[1]}].")
    x, y = _operands(a, b, "bmm")
    return record(BmmBackward0, x @ y, (a, b), saved={"self": a, "mat2": b})


def matmul(a, b):
    """``a @ b``: dot, mv or mm for 1-d/2-d operands; batched dims fold into mm or bmm, as torch does."""
    if a.ndim == 0 or b.ndim == 0:
        raise RuntimeError(f"both arguments to matmul need to be at least 1D, but they are {a.ndim}D and "
                           f"{b.ndim}D")
    if a.ndim == 1 and b.ndim == 1:
        return dot(a, b)
    if a.ndim == 2 and b.ndim == 1:
        return mv(a, b)
    if a.ndim == 1 and b.ndim == 2:
        row = mm(unsqueeze(a, 0), b)
        out = record(SqueezeBackward4, row._data[0], (row,), attrs={"dim": 0, "self_sym_sizes": tuple(row.shape)})
        write_values(out, out._data)  # torch squeezes the product in place: it comes back at version 1
        return out
    if a.ndim == 2 and b.ndim == 2:
        return mm(a, b)
    if b.ndim <= 2:  # fold a's batch dims into rows: one big mm (or mv)
        rows = reshape(a, int(np.prod(a.shape[:-1])), a.shape[-1])  # a count, not -1: a may be empty
        folded = mv(rows, b) if b.ndim == 1 else mm(rows, b)
        shape = a.shape[:-1] + (() if b.ndim == 1 else (b.shape[-1],))
        return _unsafe_view(folded, shape)
    a2 = unsqueeze(a, 0) if a.ndim == 1 else a
    b2 = unsqueeze(b, -1) if b.ndim == 1 else b
    check_broadcast(a2.shape[:-2], b2.shape[:-2])
    batch = np.broadcast_shapes(a2.shape[:-2], b2.shape[:-2])
    count = int(np.prod(batch))
    left = reshape(expand(a2, *batch, *a2.shape[-2:]), count, *a2.shape[-2:])
    right = reshape(expand(b2, *batch, *b2.shape[-2:]), count, *b2.shape[-2:])
    out = _unsafe_view(bmm(left, right), (*batch, a2.shape[-2], b2.shape[-1]))
    if a.ndim == 1:
        out = squeeze(out, -2)
    if b.ndim == 1:
        out = squeeze(out, -1)
    return out


def _unsafe_view(a, shape):
    return record(UnsafeViewBackward0, a._data.reshape(shape), (a,), attrs={"self_sym_sizes": tuple(a.shape)})


class AddmmBackward0(Node):
    """d(beta*bias + alpha*mat1@mat2): bias gets beta*grad, mat1 alpha*grad@mat2.T, mat2 alpha*mat1.T@grad."""

    double_backward = True

    def apply(self, grad):
        alpha, beta = self._saved_alpha, self._saved_beta
        grad_bias = unbroadcast(scale(grad, beta), self.input_shape(0)) if self.needs_input_grad(0) else None
        grad_mat1 = grad_mat2 = None
        if self.needs_input_grad(1):
            grad_mat1 = mm_mat1_backward(grad, self.unpack("mat2"), self._saved_mat1_sym_sizes,
                                         self._saved_mat1_sym_strides, alpha)
        if self.needs_input_grad(2):
            grad_mat2 = mm_mat2_backward(grad, self.unpack("mat1"), self._saved_mat2_sym_sizes,
                                         self._saved_mat2_sym_strides, alpha)
        return grad_bias, grad_mat1, grad_mat2


def _element_strides(array):
    return tuple(stride // array.itemsize for stride in array.strides)


def record_addmm(out, input, mat1, mat2, beta, alpha):  # noqa: A002
    """Record ``out = beta * input + alpha * mat1 @ mat2`` with its ``AddmmBackward0`` (``addmm``, ``linear``)."""
    attrs = {"alpha": alpha, "beta": beta,
             "mat1_sym_sizes": tuple(mat1.shape), "mat1_sym_strides": _element_strides(mat1._data),
             "mat2_sym_sizes": tuple(mat2.shape), "mat2_sym_strides": _element_strides(mat2._data)}
    return record(AddmmBackward0, out, (input, mat1, mat2),
                  # each matrix is needed only for the other's gradient, so torch saves it only then
                  saved={"mat1": mat1 if mat2.requires_grad else None,
                         "mat2": mat2 if mat1.requires_grad else None}, attrs=attrs)


def check_addmm_dtypes(input, mat1, mat2) -> None:  # noqa: A002
    """torch's addmm refuses mixed dtypes before it looks at shapes: first ``input`` against ``mat2``, then ``mat1``."""
    for name, tensor in (("self", input), ("mat1", mat1)):
        if tensor.dtype is not mat2.dtype:
            raise RuntimeError(f"{name} and mat2 must have the same dtype, but got {tensor.dtype.legacy_name} and "
                               f"{mat2.dtype.legacy_name}")


def addmm(input, mat1, mat2, *, beta=1, alpha=1):  # noqa: A002 (torch's argument name)
    """``beta * input + alpha * (mat1 @ mat2)``; with ``beta=0`` the input's values are ignored (nan too)."""
    check_addmm_dtypes(input, mat1, mat2)
    product = mm(mat1, mat2)._data
    base = expand(input.detach(), *product.shape)._data.astype(product.dtype)  # torch's expand error
    out = alpha * product if beta == 0 else beta * base + alpha * product
    return record_addmm(out.astype(product.dtype), input, mat1, mat2, beta, alpha)
