"""qr, cholesky, eigh, lstsq, solve(left=False) and matrix norms without torch: hand-derived values and
gradcheck in float64 (symmetric inputs built as ``X X^T + I``: these factorisations read one triangle)."""

import math
import warnings

import numpy as np
import pytest

import minitorch as torch
from minitorch.autograd import gradcheck
from minitorch.ops import decompositions


def _rand(*shape, seed=0):
    return torch.tensor(np.random.default_rng(seed).normal(size=shape), requires_grad=True)


def _spd(x):
    return x @ x.mT + torch.eye(x.shape[-1], dtype=x.dtype)


def test_values_by_hand():
    a = torch.tensor([[4.0, 2.0], [2.0, 5.0]], dtype=torch.float64)
    assert torch.linalg.cholesky(a).tolist() == [[2.0, 0.0], [1.0, 2.0]]
    assert torch.linalg.cholesky_ex(-a).info.item() == 1
    assert torch.linalg.eigvalsh(torch.tensor([[2.0, 1.0], [1.0, 2.0]])).tolist() == pytest.approx([1.0, 3.0])
    q, r = torch.linalg.qr(torch.tensor([[3.0, 1.0], [4.0, 2.0]], dtype=torch.float64))
    assert (q @ r).flatten().tolist() == pytest.approx([3.0, 1.0, 4.0, 2.0])
    assert abs(r[0, 0].item()) == pytest.approx(5.0)
    fit = torch.linalg.lstsq(torch.tensor([[1.0], [1.0], [1.0]]), torch.tensor([[1.0], [2.0], [6.0]]))
    assert fit.solution.item() == pytest.approx(3.0)  # the mean
    x = torch.linalg.solve(a, torch.tensor([[8.0, 9.0]], dtype=torch.float64), left=False)
    assert (x @ a).flatten().tolist() == pytest.approx([8.0, 9.0])
    m = torch.tensor([[1.0, -2.0], [3.0, 4.0]])
    assert torch.linalg.matrix_norm(m, 1).item() == 6.0  # largest column sum of |m|
    assert torch.linalg.matrix_norm(m, math.inf).item() == 7.0  # largest row sum
    assert torch.linalg.matrix_norm(m).item() == pytest.approx(math.sqrt(30))


@pytest.mark.parametrize("shape", [(3, 3), (4, 2), (2, 4), (2, 3, 3)])
def test_gradcheck_qr(shape):
    assert gradcheck(lambda a: torch.linalg.qr(a), (_rand(*shape),))


@pytest.mark.parametrize("upper", [False, True])
def test_gradcheck_cholesky(upper):
    assert gradcheck(lambda x: torch.linalg.cholesky(_spd(x), upper=upper), (_rand(2, 3, 3),))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # torch.cholesky's deprecation warning (see the next test)
        assert gradcheck(lambda x: torch.cholesky(_spd(x), upper=upper), (_rand(3, 3),))


def test_deprecated_forms_warn_once_per_process():
    decompositions._warned.clear()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for _ in range(2):
            torch.cholesky(torch.eye(2))
            torch.qr(torch.eye(2))
    assert [str(w.message).split(" is deprecated")[0] for w in caught] == ["torch.cholesky", "torch.qr"]


def test_gradcheck_eigh():
    assert gradcheck(lambda x: torch.linalg.eigvalsh(_spd(x)), (_rand(3, 3),))
    # eigenvectors have a free sign: differentiate something the sign does not change
    assert gradcheck(lambda x: torch.linalg.eigh(_spd(x)).eigenvectors[..., 0] ** 2, (_rand(2, 3, 3),))


@pytest.mark.parametrize("driver", ["gelsy", "gelsd"])
def test_gradcheck_lstsq(driver):
    assert gradcheck(lambda a, b: torch.linalg.lstsq(a, b, driver=driver)[:2], (_rand(5, 3), _rand(5, 2, seed=1)))


def test_gradcheck_solve_right():
    assert gradcheck(lambda a, b: torch.linalg.solve(a, b, left=False), (_rand(3, 3), _rand(2, 3, seed=1)))


@pytest.mark.parametrize("ord", ["fro", "nuc", 1, -1, 2, -2, math.inf, -math.inf])
def test_gradcheck_matrix_norm(ord):
    assert gradcheck(lambda a: torch.linalg.matrix_norm(a, ord), (_rand(2, 3, 4),))
    assert gradcheck(lambda a: torch.linalg.matrix_norm(a, ord, dim=(0, 2), keepdim=True), (_rand(2, 3, 4),))
