"""Comparisons, tests, logical and bitwise ops against real torch: values, dtypes, errors, in-place and out=."""

import pytest
from test_ops_elementwise import assert_same, both

pytestmark = pytest.mark.parity

TWO = ("eq ne lt le gt ge not_equal less less_equal greater greater_equal logical_and logical_or logical_xor "
       "bitwise_and bitwise_or bitwise_xor").split()
KINDS = ["float32", "int64", "bool", "number", "float64_vs_float32"]


def operands(lib, kind):
    a = lib.tensor([[-1.5, 0.0, 2.0, float("nan")], [3.0, 2.0, -0.0, 1.0]])
    b = lib.tensor([2.0, 0.0, -1.0, float("nan")])
    if kind == "int64":
        return a.nan_to_num().long(), b.nan_to_num().long()
    if kind == "bool":
        return a > 0, b > 0
    if kind == "number":
        return a.nan_to_num().long(), 2
    if kind == "float64_vs_float32":
        return a.double(), b
    return a, b


@pytest.mark.parametrize("name", TWO)
@pytest.mark.parametrize("kind", KINDS)
def test_two_operand_ops(torch, name, kind):
    assert_same(*both(torch, lambda lib: getattr(lib, name)(*operands(lib, kind))))
    assert_same(*both(torch, lambda lib: getattr(operands(lib, kind)[0], name)(operands(lib, kind)[1])))


@pytest.mark.parametrize("name", TWO)
def test_in_place_and_out(torch, name):
    def in_place(lib):
        a, b = operands(lib, "float32")
        return getattr(a, name + "_")(b)

    def out(lib):
        a, b = operands(lib, "int64")
        target = lib.empty(0, dtype=lib.bool if "bitwise" not in name else lib.int64)
        result = getattr(lib, name)(a, b, out=target)
        return result if result is target else None

    assert_same(*both(torch, in_place))
    assert_same(*both(torch, out))


@pytest.mark.parametrize("name", ["eq", "lt"])
def test_in_place_comparison_records_a_zero_gradient(torch, name):
    def run(lib):
        x = lib.tensor([0.5, 1.0, 2.0], requires_grad=True)
        y = x * 1
        getattr(y, name + "_")(1.0)
        z = x * 1
        getattr(z, name + "_")(lib.tensor([1.0, 1.0, 1.0]))
        (y + z).sum().backward()
        return y.grad_fn.name(), z.grad_fn.name(), x.grad.tolist()

    (_, ours), (_, theirs) = both(torch, run)
    assert ours == theirs


ONE = ["isnan", "isinf", "isfinite", "isposinf", "isneginf", "logical_not", "bitwise_not"]


@pytest.mark.parametrize("name", ONE)
@pytest.mark.parametrize("kind", ["float32", "int64", "bool"])
def test_one_operand_tests(torch, name, kind):
    def run(lib):
        a = lib.tensor([float("inf"), -float("inf"), float("nan"), 0.0, -2.5])
        a = {"int64": lambda: a.nan_to_num().long(), "bool": lambda: a > 0}.get(kind, lambda: a)()
        return getattr(lib, name)(a)

    assert_same(*both(torch, run))


CLOSE = {
    "isclose": lambda lib, a, b: lib.isclose(a, b),
    "isclose_tolerances": lambda lib, a, b: lib.isclose(a, b, rtol=0.1, atol=0.01),
    "isclose_equal_nan": lambda lib, a, b: a.isclose(b, equal_nan=True),
    "isclose_dtypes": lambda lib, a, b: lib.isclose(a, b.double()),
    "allclose": lambda lib, a, b: lib.tensor(lib.allclose(a, b)),
    "allclose_equal_nan": lambda lib, a, b: lib.tensor(a.allclose(a, equal_nan=True)),
    "allclose_dtypes": lambda lib, a, b: lib.tensor(lib.allclose(a.long(), b)),
    "equal": lambda lib, a, b: lib.tensor(lib.equal(a, a.clone())),
    "where_numbers": lambda lib, a, b: lib.where(a > 0, 1.0, 0.0),
    "where_ints": lambda lib, a, b: lib.where(a > 0, 1, 0),
    "where_tensor_number": lambda lib, a, b: lib.where(a > 0, a, 0.5),
    "where_indices": lambda lib, a, b: lib.stack(lib.where(a > 0)),
}


@pytest.mark.parametrize("name", sorted(CLOSE))
def test_closeness_and_where(torch, name):
    def run(lib):
        a = lib.tensor([1.0, 1.001, float("inf"), float("nan"), -2.0, 0.0])
        b = lib.tensor([1.0, 1.0, float("inf"), float("nan"), -2.1, 1e-9])
        return CLOSE[name](lib, a, b)

    assert_same(*both(torch, run))
