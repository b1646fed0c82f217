"""Tensor methods of the wider families: fused products (``x.addmv(...)``), matrix functions (``x.det()``),
nan-skipping reductions, distances, the ``*_scatter`` copies and the integer ops (``x.gcd(y)``)."""

from __future__ import annotations

from .ops import (
    assembling,
    counting,
    decompositions,
    distances,
    matrix_functions,
    nan_reductions,
    products,
    quantiles,
    scan,
    scatter_reduce,
    svd,
)
from .ops.elementwise_binary import ldexp, logaddexp, logaddexp2
from .ops.inplace import apply_inplace


def _inplace(op, name):
    def method(self, *args, **kwargs):
        return apply_inplace(self, op, *args, **kwargs)

    method.__name__, method.__doc__ = name, f"``{name[:-1]}`` in place."
    return method


class MoreOpMethods:
    """``x.addmv(m, v)``, ``x.det()``, ``x.nansum()``, ``x.diff()``, ``x.masked_scatter(mask, s)``..."""

    addmv, addr, addbmm, baddbmm = products.addmv, products.addr, products.addbmm, products.baddbmm
    addmv_, addr_ = _inplace(products.addmv, "addmv_"), _inplace(products.addr, "addr_")
    addbmm_, baddbmm_ = _inplace(products.addbmm, "addbmm_"), _inplace(products.baddbmm, "baddbmm_")
    vdot, inner, kron = products.vdot, products.inner, products.kron

    det, inverse, slogdet = matrix_functions.det, matrix_functions.inv, matrix_functions.slogdet
    svd = svd.svd
    cholesky, qr = decompositions.cholesky, decompositions.qr_deprecated
    logdet, pinverse = matrix_functions.logdet, matrix_functions.pinverse
    matrix_power, matrix_exp = matrix_functions.matrix_power, matrix_functions.matrix_exp

    nansum, nanmean, nanmedian = nan_reductions.nansum, nan_reductions.nanmean, nan_reductions.nanmedian
    logcumsumexp = scan.logcumsumexp
    quantile, nanquantile = quantiles.quantile, quantiles.nanquantile
    cov, corrcoef = quantiles.cov, quantiles.corrcoef

    dist, renorm, frexp = distances.dist, distances.renorm, distances.frexp
    renorm_ = _inplace(distances.renorm, "renorm_")

    bincount, histc, signbit = counting.bincount, counting.histc, counting.signbit
    gcd, lcm, heaviside = counting.gcd, counting.lcm, counting.heaviside
    gcd_, lcm_ = _inplace(counting.gcd, "gcd_"), _inplace(counting.lcm, "lcm_")
    heaviside_ = _inplace(counting.heaviside, "heaviside_")

    logaddexp, logaddexp2, ldexp = logaddexp.method, logaddexp2.method, ldexp.method
    ldexp_ = _inplace(ldexp, "ldexp_")

    diff, diagflat = assembling.diff, assembling.diagflat
    select_scatter, slice_scatter = assembling.select_scatter, assembling.slice_scatter
    diagonal_scatter, masked_scatter = assembling.diagonal_scatter, assembling.masked_scatter
    masked_scatter_ = _inplace(assembling.masked_scatter, "masked_scatter_")
    scatter_reduce = scatter_reduce.scatter_reduce
    scatter_reduce_ = _inplace(scatter_reduce, "scatter_reduce_")
