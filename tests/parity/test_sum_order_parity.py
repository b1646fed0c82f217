"""Float sums add in torch's order: random shapes, layouts and dims give torch's exact bits.

numpy's pairwise sums round differently from torch's cascade in the last bit, which shows in printing
(``tensor(1.0000)`` against ``tensor(1.)``); ``minitorch/_sum_order.py`` repeats torch's order.
"""

import numpy as np
import pytest

import minitorch
from minitorch._sum_order import GRAIN_SIZE, torch_order_sum

SIZES = [1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 33, 64, 65, 100, 257]


def _random_case(rng):
    """An array (maybe transposed in memory, maybe strided), the dims to reduce, keepdim."""
    ndim = int(rng.integers(1, 4))
    shape = tuple(int(rng.choice(SIZES)) for _ in range(ndim))
    while np.prod(shape) >= GRAIN_SIZE:
        shape = shape[1:] or (5,)
    ndim = len(shape)
    dtype = np.float32 if rng.random() < 0.7 else np.float64
    values = (rng.standard_normal(shape) * 10.0 ** rng.integers(-3, 4, size=shape)).astype(dtype)
    if ndim >= 2 and rng.random() < 0.3:  # another memory order: what .t() or .permute() leave
        perm = rng.permutation(ndim)
        values = np.ascontiguousarray(values.transpose(perm)).transpose(np.argsort(perm))
    if rng.random() < 0.2 and values.shape[-1] > 1:  # a step: what x[..., ::2] leaves
        values = values[..., ::2]
    dims = tuple(sorted(int(d) for d in rng.choice(values.ndim, size=int(rng.integers(1, values.ndim + 1)),
                                                   replace=False)))
    return values, dims, bool(rng.random() < 0.3)


@pytest.mark.parity
@pytest.mark.parametrize("seed", range(4))
def test_sums_have_torch_bits(torch, seed):
    """500 random sums per seed: the same bits as torch's sum (strided, transposed, several dims, keepdim)."""
    rng = np.random.default_rng(seed)
    for _ in range(500):
        values, dims, keepdim = _random_case(rng)
        expected = torch.from_numpy(values).sum(dims, keepdim=keepdim).numpy()
        got = torch_order_sum(values, dims, keepdim)
        assert got.shape == expected.shape and got.dtype == expected.dtype
        assert np.array_equal(got, expected), (values.shape, values.strides, dims, keepdim)


@pytest.mark.parity
def test_printed_sums_and_means_are_torchs(torch):
    """Through the public API: sum, mean, a broadcast gradient, and a loss print as torch's."""
    rng = np.random.default_rng(7)
    for _ in range(200):
        rows = rng.random((3, int(rng.integers(2, 40)))).astype(np.float32)
        shares = rows / rows.sum(1, keepdims=True)  # rows that should sum to 1: torch prints 1. or 1.0000
        texts = []
        for lib in (torch, minitorch):
            x = lib.tensor(shares, requires_grad=True)
            b = lib.tensor(rows[0], requires_grad=True)
            (x * b).sum().backward()
            loss = lib.nn.functional.mse_loss(x, x.detach() * 0.5)
            texts.append((repr(x.sum(1)), repr(x.mean(0)), repr(x.sum()), repr(b.grad), repr(loss)))
        assert texts[1] == texts[0]


def test_five_values_are_added_as_torch_interleaves_them():
    """Five float32 values: four running sums, the fifth into the first, then joined (hand-derived)."""
    values = np.array([1e8, 1.0, -1e8, 1.0, 1.0], np.float32)
    f = np.float32
    first = f(f(0) + values[0]) + values[4]  # accumulator 0 takes value 0, then the leftover value 4
    expected = f(f(f(first + values[1]) + values[2]) + values[3])
    assert torch_order_sum(values, (0,)) == expected
    assert expected != f(f(f(f(values[0] + values[1]) + values[2]) + values[3]) + values[4])  # not in order
