"""1- and 2-norms accumulated in the order of torch's CPU norm kernel, so they round as torch's do.

torch's ``norm_kernel_tensor_iterator_impl`` (aten/src/ATen/native/cpu/ReduceOpsKernel.cpp) has two orders:

- a 2-norm along one contiguous innermost dimension: eight float32 (four float64) running sums of squares side
  by side, one per SIMD lane, the lanes then added in order, the leftover squares after them, then ``sqrt``;
- every other case (``binary_kernel_reduce``): one running sum per result, in TensorIterator's order.

A norm clipped to 1 prints ``tensor(1.)`` in torch only if the last bit agrees, so the order matters.
Norms of 32,768 values or more, which torch shares between threads, are left to numpy.
"""

from __future__ import annotations

import numpy as np

from ._sum_order import GRAIN_SIZE, VECTOR_BYTES, in_result_order, iteration_layout


def torch_order_norm(values: np.ndarray, ord: float, dims: tuple, keepdim: bool):  # noqa: A002
    """The ``ord``-norm (1 or 2) of a float array over ``dims`` (sorted, non-negative); None for other cases."""
    if ord not in (1, 2) or values.dtype not in (np.float32, np.float64) or not 0 < values.size < GRAIN_SIZE:
        return None
    kept_shape = [n for d, n in enumerate(values.shape) if d not in dims]
    block, shape, ins, outs = iteration_layout(values, dims)
    reduced = sum(1 for n in outs if n == 0)
    if reduced == 0:
        return None  # nothing left to reduce: no accumulation order to follow
    rows = block.reshape(-1, int(np.prod(shape[:reduced])))  # (outputs, reduced values in iteration order)
    if ord == 2 and reduced == 1 and ins[0] == 1:
        totals = _lane_sums_of_squares(rows, VECTOR_BYTES // values.itemsize)
    else:
        terms = rows * rows if ord == 2 else np.abs(rows)
        totals = np.add.accumulate(terms, axis=1)[:, -1]  # one running sum, in order
    norms = np.sqrt(totals) if ord == 2 else totals
    result = in_result_order(norms.reshape(shape[:reduced - 1:-1]), outs, kept_shape)
    return np.expand_dims(result, dims) if keepdim else result


def _lane_sums_of_squares(rows: np.ndarray, width: int) -> np.ndarray:
    """Each row's sum of squares as the vectorised kernel adds it: ``width`` lanes, then the tail."""
    count = rows.shape[1]
    whole = count - count % width
    vectors = rows[:, :whole].reshape(len(rows), -1, width)
    lanes = np.add.accumulate(vectors * vectors, axis=1)[:, -1] if whole else np.zeros((len(rows), width), rows.dtype)
    total = lanes[:, 0]
    for lane in range(1, width):
        total = total + lanes[:, lane]
    for column in range(whole, count):
        total = total + rows[:, column] * rows[:, column]
    return total
