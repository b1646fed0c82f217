"""einsum built from recorded ops: hand-derived values and gradients, gradcheck and gradgradcheck of the
common forms (without torch)."""

import numpy as np
import pytest

import minitorch
from minitorch.autograd import gradcheck, gradgradcheck


def _leaves(*shapes, seed=0):
    random = np.random.default_rng(seed)
    return [minitorch.tensor(random.uniform(-2, 2, s), dtype=minitorch.float64, requires_grad=True) for s in shapes]


FORMS = {
    "ij,jk->ik": [(2, 3), (3, 4)],
    "bij,bjk->bik": [(2, 2, 3), (2, 3, 2)],
    "ii->i": [(3, 3)],
    "i,i->": [(3,), (3,)],
    "ij->ji": [(2, 3)],
    "ii": [(3, 3)],
    "ij->j": [(2, 3)],
    "i,j->ij": [(2,), (3,)],
    "ij,ij->i": [(2, 3), (2, 3)],
    "...ij,...jk->...ik": [(2, 2, 3), (3, 2)],
    "ij,jk,kl->il": [(2, 3), (3, 2), (2, 2)],
    "bii->bi": [(2, 3, 3)],
    "ij,ij,ij->": [(2, 3), (2, 3), (2, 3)],
}


@pytest.mark.parametrize("equation", sorted(FORMS))
def test_einsum_first_and_second_derivatives_match_finite_differences(equation):
    operands = _leaves(*FORMS[equation])
    assert gradcheck(lambda *ops: minitorch.einsum(equation, *ops), operands)
    assert gradgradcheck(lambda *ops: minitorch.einsum(equation, *ops) ** 2, operands)


def test_einsum_values_by_hand():
    a = minitorch.tensor([[1.0, 2.0], [3.0, 4.0]])
    b = minitorch.tensor([[0.0, 1.0], [1.0, 0.0]])
    assert minitorch.einsum("ij,jk->ik", a, b).tolist() == [[2.0, 1.0], [4.0, 3.0]]
    assert minitorch.einsum("ii", a).item() == 5.0
    assert minitorch.einsum("ii->i", a).tolist() == [1.0, 4.0]
    assert minitorch.einsum("ij->ji", a).tolist() == [[1.0, 3.0], [2.0, 4.0]]
    assert minitorch.einsum("i,j->ij", a[0], a[1]).tolist() == [[3.0, 4.0], [6.0, 8.0]]
    assert minitorch.einsum("ij,ij->", [a, b]).item() == 5.0  # operands may come as one list


def test_einsum_gradient_by_hand():
    # d/da sum_ik (a @ b)_ik = row sums of b, for every row of a
    a = minitorch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
    b = minitorch.tensor([[5.0, 6.0], [7.0, 8.0]], requires_grad=True)
    minitorch.einsum("ij,jk->ik", a, b).sum().backward()
    assert a.grad.tolist() == [[11.0, 15.0], [11.0, 15.0]]
    assert b.grad.tolist() == [[4.0, 4.0], [6.0, 6.0]]


def test_einsum_trace_has_the_identity_as_gradient():
    a = minitorch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
    minitorch.einsum("ii", a).backward()
    assert a.grad.tolist() == [[1.0, 0.0], [0.0, 1.0]]


def test_einsum_of_a_view_is_a_view():
    a = minitorch.zeros(2, 3)
    transposed = minitorch.einsum("ij->ji", a)
    transposed[0, 1] = 7.0
    assert a[1, 0].item() == 7.0
