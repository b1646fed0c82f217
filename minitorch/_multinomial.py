"""``torch.multinomial``: category indices drawn from rows of (unnormalised) probabilities, as torch's CPU kernel.

Two algorithms, chosen as torch chooses them, so that the same seed gives the same indices:

- without replacement, or a single sample: the Gumbel-max trick in its exponential form. One exponential
  draw ``q`` per probability (``exponential_`` on a tensor like the input), then ``p / q`` in the input's
  dtype; the sample is its argmax, several samples its top-k indices (largest first).
- with replacement: for each row, the running sum of the probabilities (in the input's dtype, float32 for
  float16), divided by the total, the last entry set to 1; then for each sample one float64 uniform and a
  binary search for the first entry not below it.
"""

from __future__ import annotations

import numpy as np

from . import _random
from ._factories import _finish, empty_like
from .tensor import Tensor


def multinomial(input, num_samples, replacement=False, *, generator=None, out=None) -> Tensor:  # noqa: A002
    """``num_samples`` category indices per row of ``input`` (1-d or 2-d), each drawn with its row's weights."""
    _check_arguments(input, num_samples, replacement, out)
    shape = (num_samples,) if input.ndim == 1 else (input.shape[0], num_samples)
    if int(np.prod(shape)) == 0:
        return _finish(np.zeros(shape, dtype=np.int64), False, out)
    if replacement and num_samples > 1:
        indices = _with_replacement(input._data.reshape(-1, input.shape[-1]), num_samples, generator)
    else:
        indices = _gumbel_max(input, num_samples, generator)
    return _finish(indices.reshape(shape), False, out)


def _check_arguments(input, num_samples, replacement, out) -> None:  # noqa: A002
    if isinstance(num_samples, bool) or not isinstance(num_samples, (int, np.integer)):
        raise TypeError(f"multinomial(): argument 'num_samples' (position 2) must be int, not "
                        f"{type(num_samples).__name__}")
    if input.ndim not in (1, 2):
        raise RuntimeError("prob_dist must be 1 or 2 dim")
    if not input.dtype.is_floating_point:
        raise RuntimeError(f"multinomial only supports floating-point dtypes for input, got: {input.dtype.legacy_name}")
    if out is not None and out.dtype.name != "int64":
        raise RuntimeError(f"multinomial expects Long tensor out, got: {out.dtype.legacy_name}")
    if num_samples <= 0:
        raise RuntimeError("cannot sample n_sample <= 0 samples")
    if not replacement and num_samples > input.shape[-1]:
        raise RuntimeError("cannot sample n_sample > prob_dist.size(-1) samples without replacement")
    if input.shape[-1] > 2**24:
        raise RuntimeError("number of categories cannot exceed 2^24")


def _gumbel_max(input, num_samples, generator) -> np.ndarray:  # noqa: A002
    """The samples as the largest ``p / q``, with ``q`` exponential draws (torch's path without replacement)."""
    p = input._data
    if not (np.all(p >= 0) and np.all(p < np.inf)):
        raise RuntimeError("probability tensor contains either `inf`, `nan` or element < 0")
    if np.any(np.all(p == 0, axis=-1)):
        raise RuntimeError("invalid multinomial distribution (sum of probabilities <= 0)")
    q = _exponential_like(input, generator)
    with np.errstate(divide="ignore"):
        keys = p / q
    if num_samples == 1:
        return np.argmax(keys, axis=-1)[..., None]
    order = np.argsort(-keys, axis=-1, kind="stable")
    return order[..., :num_samples]


def _exponential_like(input, generator) -> np.ndarray:  # noqa: A002
    """Exponential draws shaped as ``input``, filled in its memory order (torch's ``empty_like`` keeps a transposed
    layout, and ``exponential_`` fills memory from its start)."""
    transposed = input.ndim == 2 and min(input.shape) > 1 and 0 < input.stride(0) < input.stride(1)
    like = input.t() if transposed else input
    q = empty_like(like).exponential_(generator=generator)._data
    return q.T if transposed else q


def _with_replacement(rows: np.ndarray, num_samples: int, generator) -> np.ndarray:
    """Binary searches of float64 uniforms in each row's normalised running sum (torch's kernel with replacement)."""
    rows = rows.astype(np.float32) if rows.dtype == np.float16 else rows
    gen = _random._generator(generator)
    result = np.empty((rows.shape[0], num_samples), dtype=np.int64)
    for i, row in enumerate(rows):
        _check_row(row)
        cumulative = np.cumsum(row, dtype=row.dtype)
        total = cumulative[-1]
        if not total > 0:
            raise RuntimeError("invalid multinomial distribution (sum of probabilities <= 0)")
        cumulative = cumulative / total
        cumulative[-1] = 1
        uniforms = gen.unit_uniform(num_samples, np.float64)
        result[i] = np.searchsorted(cumulative.astype(np.float64), uniforms, side="left")
    return result


def _check_row(row: np.ndarray) -> None:
    """The kernel's checks, element by element: a negative (or NaN) entry, or an infinite one, whichever is first."""
    bad = ~(row >= 0) | ~np.isfinite(row)
    if bad.any():
        if not row[np.argmax(bad)] >= 0:
            raise RuntimeError("invalid multinomial distribution (encountering probability entry < 0)")
        raise RuntimeError("invalid multinomial distribution (encountering probability entry = infinity or NaN)")
