"""minitorch: a small autograd framework that behaves like PyTorch 2.13, written to be read.

``import minitorch as torch`` runs most autograd snippets unchanged. ``nn``, ``optim``, ``viz``,
``teach`` and ``random`` are imported when first used, which keeps ``import minitorch`` fast.
"""

from __future__ import annotations

import importlib
import math as _math

from . import autograd, backends, cuda
from ._device import device, layout, sparse_coo, sparse_csr, strided
from ._dtype import (
    Size,
    bfloat16,
    can_cast,
    complex64,
    complex128,
    dtype,
    float16,
    float32,
    float64,
    get_default_dtype,
    int8,
    int16,
    int32,
    int64,
    promote_types,
    result_type,
    set_default_dtype,
    uint8,
)
from ._dtype import bool_ as bool  # noqa: A001 (torch.bool)
from ._dtype_info import finfo, iinfo
from ._factories import (
    as_tensor,
    empty,
    empty_like,
    empty_strided,
    eye,
    from_numpy,
    full,
    full_like,
    ones,
    ones_like,
    tensor,
    zeros,
    zeros_like,
)
from ._legacy import (
    BoolTensor,
    ByteTensor,
    CharTensor,
    DoubleTensor,
    FloatTensor,
    HalfTensor,
    IntTensor,
    LongTensor,
    ShortTensor,
    set_default_tensor_type,
)
from ._multinomial import multinomial
from ._numpy_names import add_numpy_names
from ._printing import set_printoptions
from ._random import Generator, default_generator, get_rng_state, initial_seed, manual_seed, seed, set_rng_state
from ._random_factories import (
    bernoulli,
    normal,
    rand,
    rand_like,
    randint,
    randint_like,
    randn,
    randn_like,
    randperm,
)
from ._ranges import arange, linspace, logspace
from .autograd.anomaly_mode import is_anomaly_enabled
from .autograd.grad_mode import enable_grad, is_grad_enabled, no_grad, set_grad_enabled
from .autograd.inference_mode import inference_mode, is_inference_mode_enabled
from .ops import out_forms as _out_forms
from .ops._util import is_tensor
from .ops.assembling import (
    block_diag,
    cartesian_prod,
    combinations,
    diagflat,
    diagonal_scatter,
    diff,
    masked_scatter,
    select_scatter,
    slice_scatter,
)
from .ops.broadcasting import atleast_1d, atleast_2d, atleast_3d, broadcast_tensors, broadcast_to, meshgrid
from .ops.comparison import (
    allclose,
    bitwise_and,
    bitwise_not,
    bitwise_or,
    bitwise_xor,
    eq,
    equal,
    ge,
    greater,
    greater_equal,
    gt,
    isclose,
    isfinite,
    isinf,
    isnan,
    isneginf,
    isposinf,
    le,
    less,
    less_equal,
    logical_and,
    logical_not,
    logical_or,
    logical_xor,
    lt,
    ne,
    not_equal,
)
from .ops.copy import clone
from .ops.counting import (
    bincount,
    broadcast_shapes,
    bucketize,
    gcd,
    heaviside,
    histc,
    isin,
    lcm,
    searchsorted,
    signbit,
    tril_indices,
    triu_indices,
)
from .ops.decompositions import cholesky
from .ops.decompositions import qr_deprecated as qr
from .ops.diagonals import diag, diag_embed, diagonal, trace, tril, triu
from .ops.distances import cdist, dist, frexp, renorm
from .ops.division import div, divide, floor_divide, true_divide
from .ops.einsum import einsum
from .ops.elementwise_binary import (
    arctan2,
    atan2,
    copysign,
    fmax,
    fmin,
    fmod,
    hypot,
    ldexp,
    logaddexp,
    logaddexp2,
    remainder,
    xlogy,
)
from .ops.elementwise_extra import (
    addcdiv,
    addcmul,
    clamp_max,
    clamp_min,
    float_power,
    lerp,
    logit,
    nan_to_num,
    round,
    square,
)
from .ops.elementwise_math import (
    acos,
    acosh,
    arccos,
    arccosh,
    arcsin,
    arcsinh,
    arctan,
    arctanh,
    asin,
    asinh,
    atan,
    atanh,
    ceil,
    cos,
    cosh,
    deg2rad,
    digamma,
    erf,
    erfc,
    erfinv,
    exp2,
    expm1,
    fix,
    floor,
    frac,
    lgamma,
    log1p,
    log2,
    log10,
    rad2deg,
    rsqrt,
    sgn,
    sign,
    sin,
    sinc,
    sinh,
    tan,
    trunc,
)
from .ops.extremes import all, amax, amin, aminmax, any, count_nonzero
from .ops.gather_scatter import gather, scatter, scatter_add, take, take_along_dim
from .ops.index_api import index_put, index_put_, select
from .ops.index_ops import (
    argwhere,
    index_add,
    index_copy,
    index_fill,
    index_select,
    masked_fill,
    masked_select,
    nonzero,
)
from .ops.matrix_functions import det, logdet, matrix_exp, matrix_power, pinverse, slogdet
from .ops.matrix_functions import inv as inverse
from .ops.nan_reductions import nanmean, nanmedian, nansum
from .ops.norms import norm
from .ops.out_forms import (
    abs,
    add,
    addmm,
    bmm,
    cat,
    clamp,
    dot,
    exp,
    log,
    log_softmax,
    matmul,
    maximum,
    mean,
    minimum,
    mm,
    mul,
    mv,
    neg,
    pow,
    reciprocal,
    sigmoid,
    softmax,
    sqrt,
    stack,
    sub,
    sum,
    tanh,
)
from .ops.pdist import pdist
from .ops.pixel_shuffle import pixel_shuffle, pixel_unshuffle
from .ops.pointwise import relu, where
from .ops.polygamma import polygamma
from .ops.products import addbmm, addmv, addr, baddbmm, inner, kron, tensordot, vdot
from .ops.quantiles import corrcoef, cov, nanquantile, quantile
from .ops.rearrange import (
    column_stack,
    cross,
    dstack,
    flip,
    fliplr,
    flipud,
    hstack,
    outer,
    repeat_interleave,
    roll,
    rot90,
    tile,
    vstack,
)
from .ops.reduction import argmax, argmin, max, min
from .ops.reshaping import flatten, reshape
from .ops.reverse_sub import rsub
from .ops.scan import cummax, cummin, cumprod, cumsum, logcumsumexp
from .ops.scatter_reduce import scatter_reduce
from .ops.sorting import argsort, kthvalue, median, mode, msort, sort, topk
from .ops.splitting import (
    chunk,
    dsplit,
    hsplit,
    movedim,
    narrow,
    split,
    swapaxes,
    tensor_split,
    unbind,
    unflatten,
    vsplit,
)
from .ops.squeezing import squeeze, unsqueeze
from .ops.statistics import (
    logsumexp,
    prod,
    std,
    std_mean,
    var,
    var_mean,
)
from .ops.svd import svd
from .ops.transposing import permute, t, transpose
from .ops.unique import unique, unique_consecutive
from .ops.unsafe_split import unsafe_chunk, unsafe_split
from .ops.vander import vander
from .ops.windows import as_strided
from .serialization import load, save
from .tensor import Tensor

__version__ = "0.1.0"


class _MemoryFormat:
    """A memory layout name: ``torch.preserve_format`` (keep the input's strides) or ``torch.contiguous_format``."""

    def __init__(self, name: str):
        self.name = name

    def __repr__(self):
        return f"torch.{self.name}"


float = float32  # noqa: A001
double = float64
half = float16
long = int64
int = int32  # noqa: A001
short = int16
cfloat = complex64
cdouble = complex128
nan, inf, pi, e = _math.nan, _math.inf, _math.pi, _math.e
newaxis = None
clip = clamp
multiply, subtract, negative, absolute = mul, sub, neg, abs
preserve_format, contiguous_format = _MemoryFormat("preserve_format"), _MemoryFormat("contiguous_format")
concat = concatenate = cat
ger = outer
row_stack = vstack
moveaxis = movedim
swapdims = swapaxes


def numel(input) -> int:  # noqa: A002 (torch's argument name)
    """The number of elements of ``input``."""
    return input.numel()


def positive(input):  # noqa: A002
    """``+input``: the tensor itself."""
    return input.positive()


def ravel(input):  # noqa: A002
    """The values in row-major order as one dim (a view when possible)."""
    return input.ravel()


def is_nonzero(input) -> bool:  # noqa: A002
    """Whether the one value of a one-element tensor is not zero."""
    return input.is_nonzero()


def is_same_size(input, other) -> bool:  # noqa: A002
    """Whether the two tensors have the same shape."""
    return input.is_same_size(other)


def is_floating_point(input) -> bool:  # noqa: A002
    """Whether ``input`` has a floating point dtype."""
    return input.is_floating_point()


add_numpy_names(globals())
for _name in _out_forms.INPLACE_FUNCTIONS:
    globals()[_name] = _out_forms.inplace_function(_name)

def _standard_gamma(input, generator=None):  # noqa: A002 (torch's name)
    """``torch._standard_gamma``: Gamma(input, 1) draws, differentiable in ``input`` (what Gamma.rsample uses)."""
    from .distributions._gamma_sampling import standard_gamma  # with the distributions, loaded on first use

    return standard_gamma(input, generator)


_LAZY = {
    "accelerator", "distributions", "nn", "optim", "viz", "teach", "random", "linalg", "utils", "return_types",
    "special",
}


def __getattr__(name):
    if name in _LAZY:
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module 'minitorch' has no attribute '{name}'")
