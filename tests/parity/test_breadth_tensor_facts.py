"""Tensor facts and small methods against real torch: nbytes, is_signed, unfold, H, fill_diagonal_..."""

import pytest

from tests.parity.breadth_tools import assert_same, leaf_names

pytestmark = pytest.mark.parity

X = "torch.arange(6.).reshape(2, 3)"
CASES = [
    f"{X}.is_cpu", f"{X}.is_pinned()", f"{X}.pin_memory()", f"{X}.is_shared()", f"{X}.share_memory_().is_shared()",
    f"{X}.ndimension()", f"{X}.nbytes", f"{X}.itemsize", "torch.tensor([1], dtype=torch.float64).itemsize",
    "torch.tensor([0.]).is_nonzero()", f"{X}.is_nonzero()", "torch.tensor([]).is_nonzero()",
    "torch.tensor(3).is_nonzero()", "torch.is_nonzero(torch.tensor([2.]))", f"{X}.is_signed()",
    "torch.tensor([1], dtype=torch.uint8).is_signed()", "torch.tensor([True]).is_signed()",
    f"{X}.is_same_size({X}.t())", f"torch.is_same_size({X}, {X})", f"{X}.sum_to_size(3)",
    f"{X}.sum_to_size((1, 3))", f"{X}.sum_to_size(3, 2)", f"{X}.sum_to_size(2, 1)", f"{X}.sum_to_size(2, 3)",
    f"{X}.unfold(1, 2, 1)", f"{X}.unfold(1, 2, 1).stride()", f"{X}.unfold(1, 4, 1)", f"{X}.unfold(0, 1, 0)",
    "torch.arange(7.).unfold(0, 3, 2)", "torch.arange(7.).unfold(0, 3, 2).stride()", "torch.tensor(5.).unfold(0, 1, 1)",
    f"{X}.unfold(2, 1, 1)", f"{X}.real", f"{X}.imag", f"{X}.conj()", f"{X}.is_conj()", f"{X}.positive()",
    "torch.tensor([True]).positive()", "torch.positive(torch.tensor([1, -2]))",
    f"{X}.new_empty_strided((2, 2), (1, 2)).stride()", "torch.empty_strided((2, 3), (1, 2)).stride()",
    "torch.zeros(4, 4).fill_diagonal_(5)", "torch.zeros(7, 3).fill_diagonal_(5, wrap=True)",
    "torch.zeros(7, 3).fill_diagonal_(5)", "torch.zeros(3, 5).fill_diagonal_(2, wrap=True)",
    "torch.zeros(2, 3, 4).fill_diagonal_(1)", "torch.zeros(2, 2, 2).fill_diagonal_(1)",
    "torch.zeros(3).fill_diagonal_(1)", f"{X}.H", "torch.zeros(2, 3, 4).H", "torch.zeros(3).H",
    "torch.zeros(2, 3, 4).mH.shape", "torch.zeros(3).mH", "torch.zeros(3).adjoint()", f"{X}.adjoint()",
    f"{X}.type_as(torch.tensor([1]))", f"{X}.type_as(torch.tensor([1.], dtype=torch.float64))",
    f"{X}.resize_as_(torch.zeros(3))", f"{X}.ravel()", f"{X}.t().ravel()", f"torch.ravel({X}.t())",
    f"{X}.split_with_sizes([1, 2], 1)", f"{X}.where({X} > 2, 0.5)", f"{X}.clip_(1, 4)",
    "torch.as_strided(torch.arange(6.), (2, 2), (1, 2), 1)", "torch.arange(6.)[1:].as_strided((2, 2), (1, 2))",
    "torch.as_strided(torch.arange(6.), (4, 4), (1, 2))", "torch.as_strided(torch.arange(6.), (2,), (-1,))",
]


@pytest.mark.parametrize("expression", CASES)
def test_tensor_facts(torch, expression):
    assert_same(torch, expression)


GRAD_CASES = [
    "m.type_as(torch.zeros(1))", "m.sum_to_size(1, 4)", "m.sum_to_size(4)", "m.split_with_sizes([1, 3], 1)",
    "m.unfold(1, 2, 1)", "v.unfold(0, 2, 2)", "m.where(m > 0, 0.0)", "m.H", "m.mH", "m.adjoint()", "m.ravel()",
    "m.t().ravel()", "(m * 1).clip_(0, 1)", "(m * 1).fill_diagonal_(0.5)", "torch.as_strided(m, (2, 2), (1, 4))",
    "v.positive()",
]


@pytest.mark.parametrize("expression", GRAD_CASES)
def test_tensor_method_gradients(torch, expression):
    assert_same(torch, expression, leaf_names(expression))
