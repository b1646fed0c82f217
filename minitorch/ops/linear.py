"""``addmm`` (``beta * bias + alpha * mat1 @ mat2``) beside its backward Node, and ``linear`` built on it.

``F.linear(x, W, b)`` is ``x @ W.t() + b``. For a matrix ``x`` with a bias, torch computes it in one
fused op, ``addmm(b, x, W.t())``, whose node is ``AddmmBackward0``; other contiguous shapes fold into it
(or into ``mm`` without a bias) through views; a non-contiguous one is ``matmul`` then ``add``, as below.
"""

import numpy as np

from ..autograd.node import Node, record
from . import arithmetic, linalg, reshaping, transposing
from ._formulas import scale, unbroadcast
from .linalg import mm_mat1_backward, mm_mat2_backward


def _element_strides(array):
    return tuple(stride // array.itemsize for stride in array.strides)


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


def addmm(bias, mat1, mat2, beta=1, alpha=1):
    """``beta * bias + alpha * (mat1 @ mat2)``, with ``bias`` broadcast over the rows."""
    linalg.check_addmm_dtypes(bias, mat1, mat2)
    if mat1.shape[1] != mat2.shape[0]:
        raise RuntimeError(f"mat1 and mat2 shapes cannot be multiplied ({mat1.shape[0]}x{mat1.shape[1]} and "
                           f"{mat2.shape[0]}x{mat2.shape[1]})")
    product = mat1._data @ mat2._data
    out = (product if alpha == 1 else alpha * product) + (bias._data if beta == 1 else beta * bias._data)
    attrs = {
        "alpha": alpha,
        "beta": beta,
        "mat1_sym_sizes": tuple(mat1.shape),
        "mat1_sym_strides": _element_strides(mat1._data),
        "mat2_sym_sizes": tuple(mat2.shape),
        "mat2_sym_strides": _element_strides(mat2._data),
    }
    return record(AddmmBackward0, np.asarray(out, dtype=product.dtype), (bias, mat1, mat2),
                  # each matrix is needed only for the other's gradient, so torch saves it only then
                  saved={"mat1": mat1 if mat2.requires_grad else None,
                         "mat2": mat2 if mat1.requires_grad else None}, attrs=attrs)


def linear(input, weight, bias=None):
    """``input @ weight.t() + bias`` over the last dimension of ``input``."""
    if input.shape[-1] != weight.shape[-1]:
        rows = int(np.prod(input.shape[:-1]))
        raise RuntimeError(f"mat1 and mat2 shapes cannot be multiplied ({rows}x{input.shape[-1]} and "
                           f"{weight.shape[-1]}x{weight.shape[0]})")
    weight_t = transposing.t(weight)
    if bias is None:
        return linalg.matmul(input, weight_t)
    if input.ndim == 2:
        return addmm(bias, input, weight_t)
    if not input.is_contiguous():  # torch folds only a contiguous input into addmm
        return arithmetic.add(linalg.matmul(input, weight_t), bias)
    rows = reshaping.reshape(input, -1, input.shape[-1])
    out = addmm(bias, rows, weight_t)
    return reshaping.view(out, *input.shape[:-1], weight.shape[0])
