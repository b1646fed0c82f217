"""``addmm`` (``beta * bias + alpha * mat1 @ mat2``) beside its backward Node, and ``linear`` built on it.

``F.linear(x, W, b)`` is ``x @ W.t() + b``. For a matrix ``x`` with a bias, torch computes it in one
fused op, ``addmm(b, x, W.t())``, whose node is ``AddmmBackward0``; other contiguous shapes fold into it
(or into ``mm`` without a bias) through views; a non-contiguous one is ``matmul`` then ``add``, as below.
"""

import numpy as np

from . import arithmetic, linalg, reshaping, transposing


def addmm(bias, mat1, mat2, beta=1, alpha=1):
    """``beta * bias + alpha * (mat1 @ mat2)``, with ``bias`` broadcast over the rows."""
    linalg.check_addmm_dtypes(bias, mat1, mat2)
    if mat1.shape[1] != mat2.shape[0]:
        raise RuntimeError(f"mat1 and mat2 shapes cannot be multiplied ({mat1.shape[0]}x{mat1.shape[1]} and "
                           f"{mat2.shape[0]}x{mat2.shape[1]})")
    product = mat1._data @ mat2._data
    out = (product if alpha == 1 else alpha * product) + (bias._data if beta == 1 else beta * bias._data)
    return linalg.record_addmm(np.asarray(out, dtype=product.dtype), bias, mat1, mat2, beta, alpha)


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
