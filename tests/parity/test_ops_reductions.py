"""Reductions against real torch: values, dtypes, named-tuple printing, grad_fn names, gradients, errors."""

import warnings

import numpy as np
import pytest
from test_ops_elementwise import assert_same, both

import minitorch

pytestmark = pytest.mark.parity

DATA = [[1.5, -2.0, 3.0, 0.5], [4.0, 0.25, -6.0, 2.0], [-1.0, 7.0, 0.75, -3.5]]

CALLS = {
    "prod": lambda lib, x: x.prod(), "prod_dim": lambda lib, x: lib.prod(x, 1, keepdim=True),
    "var": lambda lib, x: x.var(), "var_dim": lambda lib, x: lib.var(x, 0),
    "var_correction": lambda lib, x: x.var(1, correction=0, keepdim=True),
    "var_unbiased_false": lambda lib, x: lib.var(x, False), "var_dims": lambda lib, x: x.var((0, 1), unbiased=False),
    "std": lambda lib, x: x.std(), "std_dim": lambda lib, x: lib.std(x, dim=-1, correction=2),
    "norm": lambda lib, x: x.norm(),
    "norm_p1": lambda lib, x: lib.norm(x, p=1),
    "norm_p3_dim": lambda lib, x: x.norm(3, 1),
    "norm_inf": lambda lib, x: x.norm(p=float("inf"), dim=0),
    "norm_fro_dim": lambda lib, x: lib.norm(x,
    "fro", 1, True),
    "vector_norm": lambda lib, x: lib.linalg.vector_norm(x, ord=0.5, dim=(0, 1)),
    "linalg_norm": lambda lib, x: lib.linalg.norm(x, dim=1),
    "logsumexp": lambda lib, x: lib.logsumexp(x, 1), "logsumexp_dims": lambda lib, x: x.logsumexp((0, 1), True),
    "amax": lambda lib, x: x.amax(),
    "amax_dim": lambda lib, x: lib.amax(x, 1),
    "amin_dims": lambda lib, x: x.amin((0, 1)),
    "cumsum": lambda lib, x: x.cumsum(1), "cumsum_dim0": lambda lib, x: lib.cumsum(x, dim=0),
    "cumprod": lambda lib, x: x.cumprod(-1), "cumprod_zero": lambda lib, x: (x * (x > 0)).cumprod(1),
    "sort_values": lambda lib, x: x.sort().values, "sort_desc": lambda lib, x: lib.sort(x, 0, descending=True)[0],
    "topk": lambda lib, x: x.topk(2).values, "topk_smallest": lambda lib, x: lib.topk(x, 2, dim=0, largest=False)[0],
    "kthvalue": lambda lib, x: x.kthvalue(2).values, "median_all": lambda lib, x: x.median(),
    "median_dim": lambda lib, x: lib.median(x, 1).values, "mode": lambda lib, x: x.round().mode(0).values,
    "max_dim": lambda lib, x: x.max(1).values, "cummax": lambda lib, x: x.cummax(1).values,
    "cummin": lambda lib, x: lib.cummin(x, 0).values,
}


@pytest.mark.parametrize("name", sorted(CALLS))
@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_value_and_dtype(torch, name, dtype):
    assert_same(*both(torch, lambda lib: CALLS[name](lib, lib.tensor(DATA, dtype=getattr(lib, dtype)))), rtol=3e-6)


@pytest.mark.parametrize("name", sorted(CALLS))
def test_grad_fn_and_gradient(torch, name):
    def run(lib):
        x = lib.tensor(DATA, dtype=lib.float64, requires_grad=True)
        y = CALLS[name](lib, x)
        y.backward(lib.arange(y.numel(), dtype=lib.float64).reshape(y.shape) + 1)
        return y.grad_fn.name(), x.grad.tolist()

    (_, ours), (_, theirs) = both(torch, run)
    assert ours[0] == theirs[0]
    np.testing.assert_allclose(ours[1], theirs[1], rtol=1e-9)


PRINTED = {
    "sort": lambda lib, x: x.sort(1), "sort_descending_ties": lambda lib, x: x.round().sort(0, descending=True),
    "argsort": lambda lib, x: x.argsort(dim=1, descending=True), "topk": lambda lib, x: lib.topk(x, 3),
    "kthvalue": lambda lib, x: x.kthvalue(1, 0, True), "median": lambda lib, x: x.median(0),
    "mode": lambda lib, x: (x > 0).long().mode(), "aminmax": lambda lib, x: lib.aminmax(x),
    "aminmax_dim": lambda lib, x: x.aminmax(dim=0, keepdim=True), "std_mean": lambda lib, x: lib.std_mean(x, 1),
    "var_mean": lambda lib, x: lib.var_mean(x, correction=0), "unique": lambda lib, x: lib.unique(x.round()),
    "unique_all": lambda lib, x: x.round().unique(return_inverse=True, return_counts=True),
    "unique_dim": lambda lib, x: lib.unique(lib.tensor([[1, 2], [0, 1], [1, 2]]), dim=0, return_counts=True),
    "unique_consecutive": lambda lib, x: lib.unique_consecutive(lib.tensor([1, 1, 2, 2, 3, 1, 1]),
                                                                 return_inverse=True, return_counts=True),
    "prod_int": lambda lib, x: lib.tensor([[1, 2], [3, 4]]).prod(0), "cumsum_bool": lambda lib, x: (x > 0).cumsum(1),
    "count_nonzero": lambda lib, x: lib.count_nonzero(x.round(), dim=1), "all_dims": lambda lib, x: (x > -7).all(1),
    "any_tuple": lambda lib, x: lib.any(x > 5, dim=(0, 1)), "sum_then_norm": lambda lib, x: x.sum(0).norm(),
    "std_int_error": lambda lib, x: lib.tensor([1, 2]).std(),
    "norm_int_error": lambda lib, x: lib.tensor([1, 2]).norm(),
    "topk_range_error": lambda lib, x: x.topk(9), "kthvalue_range_error": lambda lib, x: x.kthvalue(0),
    "std_one_element": lambda lib, x: lib.tensor([2.0]).std(),
    "cummax_ties": lambda lib, x: x.round().cummax(1), "cummin_nan": lambda lib, x: lib.cummin(x.sqrt(), 0),
}


@pytest.mark.parametrize("name", sorted(PRINTED))
def test_printed_form(torch, name):
    def run(lib):
        x = lib.tensor(DATA, requires_grad=True)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            printed = repr(PRINTED[name](lib, x))
        return printed, [str(w.message) for w in caught]

    ours, theirs = outcome_pair = both(torch, run)
    assert ours == theirs, outcome_pair


def test_return_types_are_tuples_with_names(torch):
    for lib in (minitorch, torch):
        result = lib.tensor([3.0, 1.0, 2.0]).sort()
        values, indices = result
        assert isinstance(result, tuple) and result.values is values and result[1] is indices
        assert type(result).__name__ == "sort"
