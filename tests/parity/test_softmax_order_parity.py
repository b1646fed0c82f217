"""float32 softmax along the last dimension has torch's bits (``minitorch/_softmax_order.py``).

The order of the sum and SLEEF's ``expf`` both matter: with numpy's ``exp`` and pairwise sum about a third
of the rows of 8 or more values differ from torch's in the last bit, and their sums print ``1.0000`` where
torch prints ``1.``.
"""

import numpy as np
import pytest

import minitorch
from minitorch._softmax_order import sleef_expf, softmax_last_dim


@pytest.mark.parity
@pytest.mark.parametrize("width", [1, 3, 7, 8, 9, 15, 16, 17, 33, 100, 257])
def test_softmax_rows_have_torchs_bits(torch, width):
    rng = np.random.default_rng(width)
    for scale in (0.1, 3.0, 30.0, 300.0):
        x = (rng.standard_normal((40, width)) * scale).astype(np.float32)
        if width > 2:  # infinities and NaN go through as torch's kernel lets them
            x[0, 1], x[1, 0], x[2, 2], x[3, :] = -np.inf, np.inf, np.nan, -np.inf
        expected = torch.softmax(torch.from_numpy(x), 1).numpy()
        got = softmax_last_dim(x)
        assert np.array_equal(got, expected, equal_nan=True)


@pytest.mark.parity
def test_softmax_through_the_api_prints_as_torch(torch):
    texts = []
    for lib in (torch, minitorch):
        lib.manual_seed(0)
        x = lib.randn(6, 10)
        probabilities = lib.nn.functional.softmax(x, dim=1)
        texts.append((repr(probabilities), repr(probabilities.sum(1)), repr(lib.nn.Softmax(-1)(x[:, :3]))))
    assert texts[1] == texts[0]


def test_sleef_expf_is_close_to_exp_and_exact_at_zero():
    """SLEEF's expf is within one unit in the last place of exp, and exp(0) is exactly 1 (hand-checked)."""
    x = np.linspace(-80, 80, 10001, dtype=np.float32)
    exact = np.exp(x.astype(np.float64))
    assert np.all(np.abs(sleef_expf(x) - exact) <= np.spacing(exact.astype(np.float32)))
    assert sleef_expf(np.zeros(1, np.float32))[0] == 1.0
