"""Random inputs for the table-driven ops: shapes that broadcast, values in and out of each op's domain."""

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_ops_elementwise import BINARY, UNARY, assert_same, both

pytestmark = pytest.mark.parity

SHAPES = [(), (3,), (2, 3), (2, 1), (1, 3)]
VALUES = st.floats(-4, 4, allow_nan=False, width=32)


def arrays(draw, shape):
    return np.array(draw(st.lists(VALUES, min_size=int(np.prod(shape)), max_size=int(np.prod(shape)))),
                    dtype=np.float64).reshape(shape)


@st.composite
def programs(draw):
    """An op name, its operands' values, and the float dtype to run it in."""
    binary = draw(st.booleans())
    # floor_divide has no gradient; float_power and true_divide run pow's and div's backward (ops/arithmetic.py)
    skipped = ("floor_divide", "float_power", "true_divide")
    name = draw(st.sampled_from([n for n in BINARY if n not in skipped] if binary else UNARY))
    shapes = [draw(st.sampled_from(SHAPES)) for _ in range(2 if binary else 1)]
    return name, [arrays(draw, s) for s in shapes], draw(st.sampled_from(["float32", "float64"]))


@settings(max_examples=300, derandomize=True, deadline=None, suppress_health_check=list(HealthCheck))
@given(programs())
def test_table_ops_match_torch(torch, program):
    name, operands, dtype = program

    def run(lib):
        leaves = [lib.tensor(v, dtype=getattr(lib, dtype), requires_grad=True) for v in operands]
        out = getattr(lib, name)(*leaves)
        out.sum().backward()
        grads = [lib.zeros(leaf.shape, dtype=leaf.dtype) if leaf.grad is None else leaf.grad for leaf in leaves]
        return lib.cat([out.detach().reshape(-1)] + [g.reshape(-1) for g in grads])

    # float32 transcendental kernels differ from numpy's in the last bit: compare to a few ulps
    assert_same(*both(torch, run), rtol=2e-5 if dtype == "float32" else 1e-9)


REDUCTIONS = {
    "prod": lambda x, d, k: x.prod(d, keepdim=k), "var": lambda x, d, k: x.var(d, keepdim=k),
    "std": lambda x, d, k: x.std(d, correction=0, keepdim=k), "norm": lambda x, d, k: x.norm(dim=d, keepdim=k),
    "norm_1": lambda x, d, k: x.norm(1, d, k), "logsumexp": lambda x, d, k: x.logsumexp(d, k),
    "amax": lambda x, d, k: x.amax(d, k), "amin": lambda x, d, k: x.amin(d, k),
    "cumsum": lambda x, d, k: x.cumsum(d), "cumprod": lambda x, d, k: x.cumprod(d),
    "cummax": lambda x, d, k: x.cummax(d).values, "sort_stable": lambda x, d, k: x.sort(dim=d, stable=True).values,
    "median": lambda x, d, k: x.median(), "max": lambda x, d, k: x.max(d, k).values,
}


@st.composite
def reductions(draw):
    """A reduction, a 2-d input whose values often tie, and a dim."""
    shape = draw(st.sampled_from([(2, 3), (3, 1), (1, 4), (3, 3)]))
    values = draw(st.lists(st.sampled_from([-2.0, -0.5, 0.0, 0.5, 1.5, 3.0]), min_size=int(np.prod(shape)),
                           max_size=int(np.prod(shape))))
    name, dim = draw(st.sampled_from(sorted(REDUCTIONS))), draw(st.sampled_from([0, 1, -1]))
    return name, np.array(values).reshape(shape), dim, draw(st.booleans())


@settings(max_examples=300, derandomize=True, deadline=None, suppress_health_check=list(HealthCheck))
@given(reductions())
def test_reductions_match_torch(torch, case):
    name, values, dim, keepdim = case

    def run(lib):
        x = lib.tensor(values, dtype=lib.float64, requires_grad=True)
        out = REDUCTIONS[name](x, dim, keepdim)
        out.sum().backward()
        return lib.cat([out.detach().reshape(-1), x.grad.reshape(-1)])

    assert_same(*both(torch, run), rtol=1e-9)
