"""What a script meets after switching the default dtype with older tensors around: torch refuses to mix float32
and float64 in matrix products (addmm, F.linear, mm, mv, dot, bmm) and in index_add, with its own texts."""

import pytest

import minitorch

pytestmark = pytest.mark.parity

CASES = {
    "linear_layer": lambda t: t.nn.Linear(2, 2)(t.zeros(1, 2, dtype=t.float64)),
    "linear_3d": lambda t: t.nn.functional.linear(t.zeros(4, 1, 2, dtype=t.float64), t.zeros(3, 2), t.zeros(3)),
    "linear_no_bias": lambda t: t.nn.functional.linear(t.zeros(1, 2, dtype=t.float64), t.zeros(3, 2)),
    "linear_bias_dtype": lambda t: t.nn.functional.linear(t.zeros(1, 2), t.zeros(3, 2), t.zeros(3, dtype=t.float64)),
    "linear_1d": lambda t: t.nn.functional.linear(t.zeros(2), t.zeros(3, 2, dtype=t.float64),
                                                  t.zeros(3, dtype=t.float64)),
    "linear_shape_first": lambda t: t.nn.functional.linear(t.zeros(1, 3, dtype=t.float64), t.zeros(3, 2)),
    "addmm_self": lambda t: t.addmm(t.zeros(2), t.zeros(2, 2, dtype=t.float64), t.zeros(2, 2, dtype=t.float64)),
    "addmm_mat1": lambda t: t.addmm(t.zeros(2, dtype=t.float64), t.zeros(2, 2), t.zeros(2, 2, dtype=t.float64)),
    "addmm_dtype_before_shape": lambda t: t.addmm(t.zeros(2), t.zeros(2, 3), t.zeros(2, 2, dtype=t.float64)),
    "matmul": lambda t: t.zeros(2, 2) @ t.zeros(2, 2, dtype=t.float64),
    "mv": lambda t: t.mv(t.zeros(2, 2), t.zeros(2, dtype=t.float64)),
    "dot": lambda t: t.dot(t.zeros(2), t.zeros(2, dtype=t.float64)),
    "bmm": lambda t: t.bmm(t.zeros(1, 2, 2), t.zeros(1, 2, 2, dtype=t.float64)),
    "index_add_": lambda t: t.ones(5, 3).index_add_(0, t.tensor([0]), t.ones(1, 3, dtype=t.float64)),
    "index_add_dtype_before_index": lambda t: t.ones(2, 3).index_add_(0, t.tensor([5]), t.ones(1, 3, dtype=t.float64)),
    "index_add_integers": lambda t: t.index_add(t.ones(2, 3, dtype=t.long), 0, t.tensor([0]),
                                                t.ones(1, 3, dtype=t.int32)),
}


def _error(call):
    try:
        call()
    except RuntimeError as error:
        return str(error)
    return "no error"


@pytest.mark.parametrize("name", sorted(CASES))
def test_mixed_float_dtypes_are_refused(torch, name):
    assert _error(lambda: CASES[name](minitorch)) == _error(lambda: CASES[name](torch))
