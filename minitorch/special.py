"""``torch.special``: the special functions under their SciPy-style names (the same ops as ``torch.erf``...)."""

from __future__ import annotations

from .ops import elementwise_binary as _binary
from .ops import elementwise_extra as _extra
from .ops import elementwise_math as _math
from .ops import pointwise as _pointwise
from .ops._out import require_tensor
from .ops.elementwise_extra import round  # noqa: A004 (torch's name)
from .ops.polygamma import polygamma as _polygamma
from .ops.statistics import logsumexp

erf, erfc = _math.erf.alias("special_erf"), _math.erfc.alias("special_erfc")
erfinv = _math.erfinv.alias("special_erfinv")
digamma, psi = _math.digamma.alias("special_digamma"), _math.digamma.alias("special_psi")
gammaln = _math.lgamma.alias("special_gammaln")
exp2, expm1 = _math.exp2.alias("special_exp2"), _math.expm1.alias("special_expm1")
log1p, sinc = _math.log1p.alias("special_log1p"), _math.sinc.alias("special_sinc")
xlogy = _binary.xlogy.alias("special_xlogy")


def polygamma(n, input, *, out=None):  # noqa: A002
    """The n-th derivative of digamma: ``torch.polygamma``."""
    return _polygamma(n, input, out=out, name="special_polygamma")


def expit(input, *, out=None):  # noqa: A002
    """The logistic sigmoid ``1 / (1 + exp(-input))``: ``torch.sigmoid``."""
    require_tensor("special_expit", input)
    return _pointwise.sigmoid(input) if out is None else out.copy_(_pointwise.sigmoid(input))


def logit(input, eps=None, *, out=None):  # noqa: A002
    """``log(p / (1 - p))``: ``torch.logit``."""
    require_tensor("special_logit", input)
    return _extra.logit(input, eps, out=out)


def softmax(input, dim, *, dtype=None):  # noqa: A002
    """``torch.nn.functional.softmax`` along ``dim``."""
    from .nn import functional

    return functional.softmax(input if dtype is None else input.to(dtype), dim)


def log_softmax(input, dim, *, dtype=None):  # noqa: A002
    """``torch.nn.functional.log_softmax`` along ``dim``."""
    from .nn import functional

    return functional.log_softmax(input if dtype is None else input.to(dtype), dim)


__all__ = ["digamma", "erf", "erfc", "erfinv", "exp2", "expit", "expm1", "gammaln", "log1p", "log_softmax",
           "logit", "logsumexp", "polygamma", "psi", "round", "sinc", "softmax", "xlogy"]
