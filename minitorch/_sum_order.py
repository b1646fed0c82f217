"""Floating point sums added in the order torch's CPU kernel adds them, so they round as torch's do.

Floating point addition is not associative: summing the same float32 numbers in another order can change the
last bit, and a printed ``tensor(1.0000)`` becomes ``tensor(1.)``. numpy sums pairwise; torch's
``cascade_sum`` (aten/src/ATen/native/cpu/SumKernel.cpp) works like this:

- The dimensions are put in ``TensorIterator``'s order (reduced ones first, then by memory order) and merged
  where memory allows, leaving a 2-d block ``(size0, size1)`` per call: ``size0`` is reduced.
- A reduced row is summed by ``row_sum``: four interleaved accumulators (``ilp_factor``), each a *cascade*
  (``multi_row_sum``): runs of 16 values are added one by one, and the run totals are added in levels.
- A contiguous row of at least one SIMD vector (8 float32 or 4 float64) is summed lane by lane, the lanes at
  the end; contiguous columns are summed as vectors side by side.

This module repeats that order with numpy, many rows at once, for sums of up to 32,768 values (larger ones
torch splits between threads as the machine allows; numpy sums those).
"""

from __future__ import annotations

import numpy as np

# torch's Vectorized<T> holds 32 bytes (8 float32, 4 float64) for the sum kernel on every common CPU: AVX2, the
# generic build and ARM's NEON pairs; AVX-512 machines run the AVX2 kernel, as the kernel is not registered for
# AVX-512 (aten/src/ATen/native/DispatchStub.h).
VECTOR_BYTES = 32
# Above this many values torch shares a sum between threads, and how it is shared depends on the machine: such
# sums are left to numpy (exact order or not, the threads' order could not be matched everywhere).
GRAIN_SIZE = 32768


def _sequential(rows: np.ndarray) -> np.ndarray:
    """``acc = 0; acc += row`` for each row of a 2-d ``rows``, in order: one sum per column."""
    if len(rows) > 8:  # numpy's accumulate adds strictly in order
        return np.add.accumulate(rows, axis=0)[-1] + rows.dtype.type(0)
    total = np.zeros(rows.shape[1], rows.dtype)  # 0 + -0.0 is +0.0, as torch's start
    for row in rows:
        total = total + row
    return total


def _ceil_log2(n: int) -> int:
    return 1 if n <= 2 else (n - 1).bit_length()


def _cascade(rows: np.ndarray) -> np.ndarray:
    """torch's ``multi_row_sum`` down each column: runs of ``step`` values added in turn, run totals in levels."""
    size, lanes = rows.shape
    step = 1 << max(4, _ceil_log2(size) // 4)
    full = size // step
    total = _sequential(rows[full * step:])  # accumulator 0: what is left after the last whole run
    if full == 0:
        return total
    runs = rows[:full * step].reshape(full, step, lanes).transpose(1, 0, 2)  # (position in run, run, lane)
    run_totals = _sequential(runs.reshape(step, full * lanes)).reshape(full, lanes)
    for _level in range(2):  # accumulators 1 and 2 pass their total on after every ``step`` totals
        flushed = len(run_totals) // step
        total = total + _sequential(run_totals[flushed * step:])
        if flushed == 0:
            return total
        grouped = run_totals[:flushed * step].reshape(flushed, step, lanes).transpose(1, 0, 2)
        run_totals = _sequential(grouped.reshape(step, flushed * lanes)).reshape(flushed, lanes)
    return total + _sequential(run_totals)  # accumulator 3 keeps what reached it


def _row_sum(rows: np.ndarray) -> np.ndarray:
    """torch's ``row_sum`` down each column: four interleaved cascades, leftovers into the first, then joined."""
    size, lanes = rows.shape
    quarter = size // 4
    interleaved = rows[:quarter * 4].reshape(quarter, 4 * lanes)  # row i: values 4i..4i+3 of every column
    partial = _cascade(interleaved).reshape(4, lanes)
    first = partial[0]
    for row in rows[quarter * 4:]:
        first = first + row
    return ((first + partial[1]) + partial[2]) + partial[3]


def _inner_vectorized(rows: np.ndarray, width: int) -> np.ndarray:
    """Columns whose values are contiguous, at least one vector long: each lane by ``_row_sum``, the tail
    added in turn, then the lanes in order."""
    size, lanes = rows.shape
    vectors = size // width
    lane_sums = _row_sum(rows[:vectors * width].reshape(vectors, width * lanes)).reshape(width, lanes)
    total = _sequential(rows[vectors * width:])
    for lane in lane_sums:
        total = total + lane
    return total


def _outer(rows: np.ndarray, group: int) -> np.ndarray:
    """Columns side by side (``rows``: reduced, outer, column): whole groups of ``group`` columns are cascaded,
    the others summed by ``_row_sum``."""
    size, outer, columns = rows.shape
    grouped = (columns // group) * group
    sums = np.empty((outer, columns), rows.dtype)
    if grouped:
        sums[:, :grouped] = _cascade(rows[:, :, :grouped].reshape(size, -1)).reshape(outer, grouped)
    if grouped < columns:
        sums[:, grouped:] = _row_sum(rows[:, :, grouped:].reshape(size, -1)).reshape(outer, columns - grouped)
    return sums


def _block_sums(block: np.ndarray, strides: tuple, width: int) -> np.ndarray:
    """``cascade_sum``'s 2-d loop on ``block`` (outer, size1, size0; size0 reduced) -> sums (outer, size1)."""
    outer, size1, size0 = block.shape
    stride0, stride1 = strides
    rows = block.reshape(outer * size1, size0).T  # (size0, outer * size1)
    if stride0 == 1 and size0 >= width:
        return _inner_vectorized(rows, width).reshape(outer, size1)
    if stride1 == 1 and size1 >= width:
        return _outer(rows.reshape(size0, outer, size1), 4 * width)
    if stride0 < stride1:
        return _row_sum(rows).reshape(outer, size1)
    return _outer(rows.reshape(size0, outer, size1), 4)


def _should_swap(shape, strides_by_operand, d0: int, d1: int) -> int:
    """TensorIterator's comparison of two dimensions: 1 puts ``d1`` first, -1 keeps the order, 0 is undecided."""
    for strides, is_output in strides_by_operand:
        s0, s1 = strides[d0], strides[d1]
        if is_output and (s0 == 0) != (s1 == 0):
            return 1 if s1 == 0 else -1  # reduced dimensions first
        if s0 == 0 or s1 == 0:
            continue
        if s0 != s1:
            return -1 if s0 < s1 else 1
        if shape[d0] > shape[d1]:
            return 1
    return 0


def _iteration_order(shape: tuple, in_strides: list, out_strides: list) -> list:
    """The dimensions in TensorIterator's order for a reduction (``reorder_dimensions``), fastest first."""
    operands = ((out_strides, True), (in_strides, False))
    perm = list(reversed(range(len(shape))))
    for i in range(1, len(perm)):  # insertion sort, as torch's (its comparisons may be undecided)
        d1 = i
        for d0 in range(i - 1, -1, -1):
            comparison = _should_swap(shape, operands, perm[d0], perm[d1])
            if comparison > 0:
                perm[d0], perm[d1] = perm[d1], perm[d0]
                d1 = d0
            elif comparison < 0:
                break
    return perm


def _coalesced(shape: list, strides: list) -> tuple[list, list]:
    """Merge neighbouring dimensions whose memory lines up in every operand (``coalesce_dimensions``)."""
    shape, strides = list(shape), [list(s) for s in strides]
    kept = 0
    for dim in range(1, len(shape)):
        if shape[kept] == 1 or shape[dim] == 1 or all(s[kept] * shape[kept] == s[dim] for s in strides):
            if shape[kept] == 1:
                for s in strides:
                    s[kept] = s[dim]
            shape[kept] *= shape[dim]
        else:
            kept += 1
            shape[kept] = shape[dim]
            for s in strides:
                s[kept] = s[dim]
    return shape[:kept + 1], [s[:kept + 1] for s in strides]


def torch_order_sum(values: np.ndarray, dims: tuple, keepdim: bool = False) -> np.ndarray:
    """The sum of a float array over ``dims`` (sorted, non-negative), added in torch's CPU order.

    float16 is summed in float32 (torch's accumulator) and rounded once at the end.
    """
    if values.dtype.kind != "f" or values.ndim == 0 or values.size >= GRAIN_SIZE:
        return np.add.reduce(values, axis=dims, keepdims=keepdim)
    out_dtype = values.dtype
    if values.dtype == np.float16:
        values = values.astype(np.float32)  # the pairs torch pre-adds for float16 vectors are not repeated
    result = _sum(values, dims)
    if keepdim:
        result = np.expand_dims(result, dims)
    return result.astype(out_dtype, copy=False)


def torch_order_mean(values: np.ndarray, dims: tuple | None = None, keepdim: bool = False) -> np.ndarray:
    """The mean over ``dims`` (None: all) as torch's CPU kernel makes it: the sum above, then one division.

    float16 is summed and divided in float32 and rounded once, as torch does for reduced precision.
    """
    dims = tuple(range(values.ndim)) if dims is None else dims
    count = int(np.prod([values.shape[d] for d in dims], dtype=np.int64))
    wide = values.astype(np.float32) if values.dtype == np.float16 else values
    with np.errstate(all="ignore"):  # the mean of nothing is NaN, without numpy's warning (as torch)
        mean = torch_order_sum(wide, dims, keepdim) / wide.dtype.type(count)
    return np.asarray(mean).astype(values.dtype, copy=False)


def iteration_layout(values: np.ndarray, dims: tuple):
    """``values`` as TensorIterator walks it for a reduction over ``dims``: ``(block, shape, in_strides,
    out_strides)`` with the dimensions in iteration order (fastest first, reduced ones first, merged where memory
    allows) and ``block`` a view with those dimensions in numpy's order (reversed: the fastest is the last axis)."""
    out_strides = _contiguous_strides_with_zeros(values.shape, dims)
    in_strides = [s // values.itemsize for s in values.strides]
    order = _iteration_order(values.shape, in_strides, out_strides)
    shape, (ins, outs) = _coalesced([values.shape[d] for d in order],
                                    [[in_strides[d] for d in order], [out_strides[d] for d in order]])
    return values.transpose(order[::-1]).reshape(shape[::-1]), shape, ins, outs


def in_result_order(per_output: np.ndarray, out_strides: list, kept_shape: list) -> np.ndarray:
    """Per-output values whose axes are the kept iteration dimensions (slowest first) laid out as the result.

    Each axis is a run of the result's own dimensions (merged ones line up in the output): sorting them by
    output stride, slowest first, and splitting them gives the result's shape."""
    kept_strides = [n for n in out_strides if n != 0][::-1]
    by_stride = sorted(range(len(kept_strides)), key=lambda axis: -kept_strides[axis])
    return per_output.transpose(by_stride).reshape(kept_shape)


def _sum(values: np.ndarray, dims: tuple) -> np.ndarray:
    """The sum over ``dims`` in torch's order, shaped as the result without the reduced dimensions."""
    kept_shape = [n for d, n in enumerate(values.shape) if d not in dims]
    if values.size == 0:
        return np.zeros(kept_shape, values.dtype)
    block, shape, ins, outs = iteration_layout(values, dims)
    if outs[0] != 0:  # nothing left to reduce (every reduced dimension had one element)
        return np.ascontiguousarray(values).reshape(kept_shape) + values.dtype.type(0)
    size1 = shape[1] if len(shape) > 1 else 1
    sums = _block_sums(block.reshape(-1, size1, shape[0]), (ins[0], ins[1] if len(shape) > 1 else 0),
                       VECTOR_BYTES // values.itemsize)
    # iteration dims 1.. that are reduced too write into one output each: their sums are added in turn
    more_reduced = sum(1 for n in outs[1:] if n == 0)
    sums = sums.reshape(shape[:0:-1])  # (dim k-1, ..., dim 1)
    if more_reduced:
        kept_count = sums.ndim - more_reduced
        sums = _sequential(sums.reshape(-1, int(np.prod(sums.shape[kept_count:]))).T)
        sums = sums.reshape(shape[:more_reduced:-1])
    return in_result_order(sums, outs, kept_shape)


def _contiguous_strides_with_zeros(shape: tuple, dims: tuple) -> list:
    """The strides of a contiguous result that keeps the reduced dimensions with stride 0 (torch's view of it)."""
    strides, step = [0] * len(shape), 1
    for d in reversed(range(len(shape))):
        if d not in dims:
            strides[d], step = step, step * shape[d]
    return strides
