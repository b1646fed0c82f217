"""torch-level functions of the wider families against real torch: values, dtypes, grad_fn names, errors,
and the gradients of float64 leaves (``m``, ``v``, ``sq``... from ``breadth_tools.DATA``)."""

import pytest

from tests.parity.breadth_tools import assert_same, leaf_names

pytestmark = pytest.mark.parity

I3 = "torch.tensor([1, 1, 3])"
CASES = [
    # counting and looking up
    f"torch.bincount({I3})", f"torch.bincount({I3}, minlength=6)", f"{I3}.bincount()",
    f"torch.bincount({I3}, weights=torch.tensor([0.5, 1, 2]))",
    f"torch.bincount({I3}, weights=torch.tensor([0.5, 1, 2], dtype=torch.float64))",
    "torch.bincount(torch.tensor([-1]))", "torch.bincount(torch.tensor([1.]))", "torch.bincount(torch.tensor([[1]]))",
    "torch.bincount(torch.tensor([], dtype=torch.long))",
    "torch.histc(torch.tensor([1., 2, 1]), bins=4, min=0, max=3)", "torch.histc(torch.tensor([1., 2, 1]), bins=4)",
    "torch.histc(torch.tensor([1, 2, 1]), bins=4)", "torch.histc(torch.tensor([1., 1]), bins=4)",
    "torch.tensor([0.5, 1.5, 7.0, -3.0], dtype=torch.float64).histc(3, 0, 3)",
    "torch.searchsorted(torch.tensor([1, 3, 5, 7, 9]), torch.tensor([[3, 6, 9], [3, 6, 9]]))",
    "torch.searchsorted(torch.tensor([1, 3, 5, 7, 9]), torch.tensor([3, 6, 9]), right=True)",
    "torch.searchsorted(torch.tensor([1, 3, 5, 7, 9]), 3)",
    "torch.searchsorted(torch.tensor([1, 3, 5, 7, 9]), torch.tensor([3, 6, 9]), side='right', out_int32=True)",
    "torch.searchsorted(torch.tensor([[1, 3, 5, 7, 9], [2, 4, 6, 8, 10]]), torch.tensor([[3, 6, 9], [3, 6, 9]]))",
    "torch.bucketize(torch.tensor([[3, 6, 9], [3, 6, 9]]), torch.tensor([1, 3, 5, 7, 9]))",
    "torch.bucketize(torch.tensor([[3, 6, 9], [3, 6, 9]]), torch.tensor([1, 3, 5, 7, 9]), right=True)",
    "torch.bucketize(3, torch.tensor([1, 3, 5, 7, 9]))",
    "torch.tril_indices(3, 3)", "torch.tril_indices(4, 3, -1)", "torch.triu_indices(3, 3)",
    "torch.triu_indices(4, 3, 1)", "torch.tril_indices(3, 3, dtype=torch.int32)", "torch.triu_indices(2, 5, -1)",
    "torch.isin(torch.tensor([[1, 2], [3, 4]]), torch.tensor([2, 3]))", "torch.isin(torch.tensor([[1, 2], [3, 4]]), 2)",
    "torch.isin(2, torch.tensor([[1, 2], [3, 4]]))",
    "torch.isin(torch.tensor([1., 2]), torch.tensor([2, 3]), invert=True)",
    "torch.signbit(torch.tensor([0.7, -1.2, 0., -0.]))", "torch.signbit(torch.tensor([1, -1]))",
    "torch.heaviside(torch.tensor([-1.5, 0, 2.0]), torch.tensor([0.5]))",
    "torch.heaviside(torch.tensor([-1, 0, 2]), torch.tensor([1]))",
    "torch.heaviside(torch.tensor([-1., 0, 2]), torch.tensor([1]))",
    "torch.gcd(torch.tensor([5, 10, 15]), torch.tensor([3, 4, 5]))",
    "torch.lcm(torch.tensor([5, 10, 15]), torch.tensor([3, 4, 5]))",
    "torch.gcd(torch.tensor([5.]), torch.tensor([3.]))",
    "torch.tensor([12, 18]).gcd_(torch.tensor([8, 4]))",
    "torch.frexp(torch.arange(9.))", "torch.frexp(torch.tensor([1, 2]))", "torch.tensor([-3.5, 0.1]).frexp()",
    "torch.ldexp(torch.tensor([1.]), torch.tensor([1, 2, 3, 4]))",
    "torch.ldexp(torch.tensor([1]), torch.tensor([1, 2]))",
    "torch.broadcast_shapes((2,), (3, 1))", "torch.broadcast_shapes((2,), (3,))", "torch.broadcast_shapes(2, (3, 1))",
    # assembling
    "torch.diagflat(torch.tensor([1, 2]), 1)", "torch.diagflat(torch.tensor([[1, 2], [3, 4]]))",
    "torch.diff(torch.tensor([1, 3, 2]))", "torch.diff(torch.tensor([True, False, False]))",
    "torch.diff(torch.tensor([1, 3, 2]), n=2, append=torch.tensor([4, 5]))", "torch.diff(torch.tensor(1))",
    "torch.diff(torch.tensor([[1, 3], [2, 7]]), dim=0, prepend=torch.tensor([[0, 0]]))",
    "torch.cartesian_prod(torch.tensor([1, 2]), torch.tensor([3, 4, 5]))", "torch.cartesian_prod(torch.tensor([1, 2]))",
    "torch.combinations(torch.tensor([1, 2, 3]))", "torch.combinations(torch.tensor([1, 2, 3]), r=0)",
    "torch.combinations(torch.tensor([1, 2, 3]), r=4)", "torch.combinations(torch.tensor([1, 2, 3]), 2, True)",
    "torch.block_diag(torch.tensor([[1, 2]]), torch.tensor(3), torch.tensor([4., 5]))",
    "torch.block_diag(torch.zeros(2, 2, 2))",
    "torch.select_scatter(torch.zeros(2, 3), torch.ones(3), 0, 1)",
    "torch.select_scatter(torch.zeros(2, 3), torch.ones(2), 0, 1)",
    "torch.slice_scatter(torch.zeros(4, 3), torch.ones(2, 3), start=1, end=3)",
    "torch.slice_scatter(torch.zeros(3, 4), torch.ones(3, 2), 1, step=2)",
    "torch.diagonal_scatter(torch.zeros(3, 3), torch.ones(3))",
    "torch.diagonal_scatter(torch.zeros(3, 4), torch.ones(3), 1)",
    "torch.diagonal_scatter(torch.zeros(4, 3), torch.ones(3), -1)",
    "torch.zeros(2, 3).masked_scatter(torch.tensor([[True, False, True], [False, True, False]]), torch.arange(6.))",
    "torch.zeros(2, 3).masked_scatter(torch.tensor([True, False, True]), torch.arange(6.))",
    "torch.zeros(2, 3).masked_scatter(torch.tensor([True, False, True]), torch.arange(2.))",
    "torch.zeros(2, 3).masked_scatter(torch.tensor([1, 0, 1]), torch.arange(6.))",
    "torch.zeros(3).masked_scatter_(torch.tensor([True, False, True]), torch.tensor([7., 8]))",
    # products
    "torch.vdot(torch.tensor([1., 2]), torch.tensor([3., 4]))", "torch.inner(torch.tensor(2.), torch.ones(2))",
    "torch.inner(torch.ones(2, 3), torch.ones(3))", "torch.inner(torch.ones(2, 3), torch.ones(2))",
    "torch.kron(torch.tensor([[1, 2], [3, 4]]), torch.tensor([[0, 1], [1, 0]]))",
    "torch.kron(torch.tensor([1, 2]), torch.ones(2, 2))",
    "torch.tensordot(torch.arange(60.).reshape(3, 4, 5), torch.arange(24.).reshape(4, 3, 2), dims=([1, 0], [0, 1]))",
    "torch.tensordot(torch.arange(6.).reshape(2, 3), torch.arange(6.).reshape(3, 2), dims=1)",
    "torch.tensordot(torch.arange(6.).reshape(2, 3), torch.arange(6.).reshape(2, 3))",
    "torch.tensordot(torch.ones(2, 3), torch.ones(2, 3), dims=([0], [1]))",
    "torch.addmv(torch.ones(2), torch.ones(2, 3), torch.arange(3.), beta=0.5, alpha=2)",
    "torch.addr(torch.zeros(2, 3), torch.arange(2.), torch.arange(3.))",
    "torch.addbmm(torch.zeros(2, 2), torch.ones(3, 2, 4), torch.ones(3, 4, 2))",
    "torch.baddbmm(torch.ones(3, 2, 2), torch.ones(3, 2, 4), torch.ones(3, 4, 2), alpha=0.5)",
    "torch.ones(2).addmv_(torch.ones(2, 3), torch.arange(3.))",
    # matrices
    "torch.det(torch.tensor([[2., 1], [1, 3]]))",
    "torch.det(torch.zeros(2, 3))", "torch.det(torch.tensor([[1, 2], [3, 4]]))",
    "torch.linalg.det(torch.zeros(3))", "torch.inverse(torch.tensor([[2., 1], [1, 3]]))",
    "torch.inverse(torch.tensor([[1., 2], [2, 4]]))", "torch.linalg.inv(torch.zeros(2, 3))",
    "torch.slogdet(torch.tensor([[2., 1], [1, 3]]))", "torch.linalg.slogdet(torch.tensor([[-2., 1], [1, 3]]))",
    "torch.logdet(torch.tensor([[2., 1], [1, 3]]))", "torch.logdet(torch.tensor([[-2., 1], [1, 3]]))",
    "torch.matrix_power(torch.tensor([[2., 1], [1, 3]]), 3)", "torch.matrix_power(torch.tensor([[2, 1], [1, 3]]), 2)",
    "torch.linalg.matrix_power(torch.tensor([[2., 1], [1, 3]]), -2)", "torch.matrix_power(torch.zeros(2, 3), 2)",
    "torch.matrix_exp(torch.tensor([[0.5, 1], [-1, 0.2]]))", "torch.linalg.matrix_exp(torch.zeros(2, 2))",
    "torch.linalg.solve(torch.tensor([[2., 1], [1, 3]]), torch.tensor([1., 2]))",
    "torch.linalg.solve(torch.tensor([[2., 1], [1, 3]]), torch.tensor([[1.], [2]]))",
    "torch.linalg.solve(torch.tensor([[1., 2], [2, 4]]), torch.tensor([1., 2]))",
    "torch.linalg.solve(torch.tensor([[2., 1], [1, 3]]), torch.tensor([1., 2], dtype=torch.float64))",
    "torch.linalg.solve(torch.tensor([[2., 1], [1, 3]]), torch.ones(3))",
    "torch.pinverse(torch.tensor([[2., 1], [1, 3], [0, 1]]))", "torch.linalg.pinv(torch.tensor([[2., 1], [1, 3]]))",
    # reductions and scans
    "torch.nansum(torch.tensor([1., float('nan'), 2]))", "torch.nansum(torch.tensor([[1, 2], [3, 4]]), 0)",
    "torch.tensor([[1., float('nan')], [3, 4]]).nansum(1, keepdim=True)",
    "torch.nanmean(torch.tensor([1., float('nan'), 2]))",
    "torch.nanmean(torch.tensor([[1., float('nan')], [3, 4]]), 1)",
    "torch.nanmean(torch.tensor([1, 2]))",
    "torch.nanmedian(torch.tensor([1., float('nan'), 3, 2]))", "torch.nanmedian(torch.tensor([float('nan')]))",
    "torch.nanmedian(torch.tensor([[2., float('nan'), 1], [float('nan'), float('nan'), 5]]), 1)",
    "torch.tensor([[2., 7, 1], [4, 3, 5]]).nanmedian(0, keepdim=True)",
    "torch.logcumsumexp(torch.tensor([1., 2, 3]), 0)", "torch.logcumsumexp(torch.tensor([1, 2]), 0)",
    "torch.tensor([[0., -1], [2, 5]]).logcumsumexp(-1)",
    "torch.logaddexp(torch.tensor([1., 2]), torch.tensor([-1., 3]))",
    "torch.logaddexp(torch.tensor([1, 2]), torch.tensor([1, 2]))",
    "torch.logaddexp2(torch.tensor([1., 2]), torch.tensor([-1., 3]))",
    # distances
    "torch.dist(torch.tensor([1., 2]), torch.tensor([4., 6]))",
    "torch.dist(torch.tensor([1., 2]), torch.tensor([4., 6]), 1)",
    "torch.dist(torch.tensor([1., 2]), torch.tensor([4., 6]), float('inf'))",
    "torch.dist(torch.tensor([1., 2]), torch.tensor([4., 2]), 0)",
    "torch.cdist(torch.tensor([[0., 0], [1, 1]]), torch.tensor([[3., 4], [1, 0], [0, 0]]))",
    "torch.cdist(torch.tensor([[0., 0], [1, 1]]), torch.tensor([[3., 4]]), p=1)",
    "torch.cdist(torch.ones(3), torch.ones(2, 3))", "torch.cdist(torch.ones(2, 3), torch.ones(2, 2))",
    "torch.renorm(torch.tensor([[1., 1, 1], [2, 2, 2], [3, 3, 3]]), 1, 0, 5)",
    "torch.tensor([[3., 4], [0.3, 0.4]]).renorm(2, 0, 1.0)",
]


@pytest.mark.parametrize("expression", CASES)
def test_function(torch, expression):
    assert_same(torch, expression)


GRAD_CASES = [
    "torch.diff(m)",
    "torch.diff(m, n=2, dim=0)", "torch.diff(v, prepend=w)", "torch.diagflat(v)", "torch.diagflat(m, -1)",
    "torch.cartesian_prod(v, w)", "torch.combinations(v)", "torch.combinations(v, 3, with_replacement=True)",
    "torch.block_diag(m, sq, v)", "torch.select_scatter(m, v, 0, 1)", "torch.slice_scatter(m, m[:, :2] * 2, 1, 2)",
    "torch.diagonal_scatter(sq, v[:3])", "m.masked_scatter(m > 0, m * 3)",
    "torch.vdot(v, w)", "torch.inner(m, m)", "torch.inner(v, w)", "torch.kron(m, sq)", "torch.kron(v, w)",
    "torch.tensordot(m, b1, dims=([0, 1], [1, 2]))", "torch.addmv(m[:, 0], m, v, beta=0.5, alpha=2)",
    "torch.addr(m, m[:, 0], v, beta=2, alpha=0.5)", "torch.addbmm(sq[:, :2], b1, b2, alpha=2)",
    "torch.baddbmm(sq[:, :2], b1, b2, beta=0.5)",
    "torch.det(sq)", "torch.inverse(sq)", "torch.slogdet(sq)[1]", "torch.logdet(sq)", "torch.pinverse(m)",
    "torch.linalg.pinv(sq)", "torch.matrix_power(sq, 3)", "torch.matrix_power(sq, 0)", "torch.matrix_power(sq, -2)",
    "torch.matrix_exp(sq)", "torch.linalg.det(b1[:, :, :3])", "torch.linalg.solve(sq, v[:3])",
    "torch.linalg.solve(sq, m[:, :2])", "torch.linalg.solve(sq.expand(2, 3, 3), b1)",
    "torch.nansum(m)", "torch.nansum(m, 1)", "torch.nanmean(m, 0, keepdim=True)", "torch.nanmedian(v)",
    "torch.nanmedian(m, 1)", "torch.logcumsumexp(m, 1)", "torch.logaddexp(m, v)", "torch.logaddexp2(v, w)",
    "torch.ldexp(m, torch.tensor([1, 2, 0, -1]))", "torch.frexp(m)", "torch.dist(v, w)", "torch.dist(m, v, 3)",
    "torch.dist(v, w, 1)", "torch.cdist(m, sq[:, :4] if False else m * 2)", "torch.cdist(m, m[:2] + 1, p=1)",
    "torch.cdist(m, m[:2] + 1, p=3)", "torch.renorm(m, 2, 0, 1.5)", "torch.renorm(m, 1, 1, 2.0)",
]


@pytest.mark.parametrize("expression", GRAD_CASES)
def test_gradient(torch, expression):
    assert_same(torch, expression, leaf_names(expression))


QUANTILES = [
    "torch.quantile(m, 0.3)", "torch.quantile(m, 0.3, dim=1, keepdim=True)", "torch.quantile(m, 0.7, dim=0)",
    "torch.quantile(m, torch.tensor([0.2, 0.5], dtype=torch.float64))",
    "torch.quantile(m, torch.tensor([0.2, 0.5], dtype=torch.float64), dim=0)",
    "torch.quantile(m, torch.tensor([0.25, 1.0], dtype=torch.float64), dim=1, keepdim=True)",
    "torch.quantile(v, 0.5, interpolation='lower')", "torch.quantile(v, 0.5, interpolation='higher')",
    "torch.quantile(v, 0.4, interpolation='nearest')", "torch.quantile(m, 0.4, interpolation='midpoint')",
    "torch.quantile(m, 0.3, keepdim=True)", "m.quantile(0.9, 1)",
    "torch.quantile(torch.tensor([1., 2]), 1.5)", "torch.quantile(torch.tensor([1, 2]), 0.5)",
    "torch.quantile(torch.tensor([1., 2]), torch.tensor([0.5]))",
    "torch.quantile(torch.tensor([1., 2]), 0.5, interpolation='foo')",
    "torch.quantile(torch.tensor([1., 2]), torch.tensor([0.5], dtype=torch.float64))",
    "torch.quantile(torch.tensor([1., float('nan')]), 0.5)", "torch.nanquantile(torch.tensor([1., float('nan')]), 0.5)",
    "torch.nanquantile(torch.tensor([[1., float('nan'), 3], [float('nan')] * 3]), 0.5, dim=1)",
    "torch.tensor([0.5, 1.5, 2.5], dtype=torch.float32).quantile(torch.tensor([0.1, 0.3]))",
    "torch.cov(m)", "torch.cov(m, correction=0)", "torch.cov(m, fweights=torch.tensor([1, 2, 1, 3]))",
    "torch.cov(m, aweights=torch.tensor([0.5, 1, 1, 2], dtype=torch.float64))",
    "torch.cov(m, fweights=torch.tensor([1, 2, 1, 3]), aweights=torch.tensor([0.5, 1, 1, 2], dtype=torch.float64))",
    "torch.cov(v)", "torch.cov(torch.tensor([[1, 2], [3, 5]]))", "torch.cov(torch.zeros(2, 2, 2))",
    "torch.cov(torch.ones(2, 1))", "torch.corrcoef(m)", "torch.corrcoef(v)", "m.t().cov()", "m.corrcoef()",
]


@pytest.mark.parametrize("expression", QUANTILES)
def test_quantiles_and_covariance(torch, expression):
    assert_same(torch, expression, leaf_names(expression))


SRC, INDEX = "torch.tensor([1., 2, 3, 4, 5, 6])", "torch.tensor([0, 1, 0, 1, 2, 1])"
SCATTER_REDUCE = [f"torch.tensor([1., 2, 3, 4]).scatter_reduce(0, {INDEX}, {SRC}, reduce='{r}', include_self={s})"
                  for r in ("sum", "prod", "mean", "amax", "amin") for s in (True, False)] + [
    f"torch.scatter_reduce(torch.tensor([1., 2, 3, 4]), 0, {INDEX}, {SRC}, 'foo')",
    f"torch.tensor([1, 2, 3, 4]).scatter_reduce(0, {INDEX}, torch.tensor([1, 2, 3, 4, 5, 6]), reduce='mean')",
    f"torch.tensor([1., 2, 3, 4]).scatter_reduce(0, {INDEX}, {SRC}.long(), reduce='sum')",
    f"torch.zeros(4).scatter_reduce_(0, {INDEX}, {SRC}, reduce='amax')",
] + [f"torch.scatter_reduce(v, 0, torch.tensor([0, 1, 0, 3, 1, 0]), torch.cat([w, w[:2]]), '{r}', include_self={s})"
     for r in ("sum", "prod", "mean", "amax", "amin") for s in (True, False)] + [
    "m.scatter_reduce(1, torch.tensor([[0, 0, 1, 1], [1, 3, 3, 0], [2, 2, 0, 0]]), m.flip(0), 'amax')",
    "m.scatter_reduce(0, torch.tensor([[0, 2, 2, 1], [1, 1, 0, 0], [2, 0, 1, 2]]), m * 2, 'mean', include_self=False)",
    "m.scatter_reduce(0, torch.tensor([[0, 2, 2, 1], [1, 1, 0, 0], [2, 0, 1, 2]]), m * 2, 'prod')",
]


@pytest.mark.parametrize("expression", SCATTER_REDUCE)
def test_scatter_reduce(torch, expression):
    assert_same(torch, expression, leaf_names(expression))
