"""``nn.functional``'s functions of pairs of tensors (normalize, cosine_similarity, pairwise_distance) and the
losses torch builds from them (kl_div, margin_ranking_loss, hinge_embedding_loss, cosine_embedding_loss,
triplet_margin_loss): written with the same ops in the same order as torch's, so the nodes are torch's."""

import warnings

from ..autograd.grad_mode import no_grad
from ..ops import shrink
from ..ops.broadcasting import expand
from ..ops.division import div
from ..ops.norms import NormBackward1, vector_norm
from ..ops.pointwise import where
from ._layer_functional import _reduction_code

KL_DIV_MEAN_WARNING = (
    "reduction: 'mean' divides the total loss by both the batch size and the support size.'batchmean' divides "
    "only by the batch size, and aligns with the KL div math definition.'mean' will be changed to behave the "
    "same as 'batchmean' in the next major release.")

softshrink, hardshrink, glu = shrink.softshrink, shrink.hardshrink, shrink.glu


def _reduce(losses, reduction):
    code = _reduction_code(reduction)
    return losses.mean() if code == 1 else losses.sum() if code == 2 else losses


def normalize(input, p=2.0, dim=1, eps=1e-12, out=None):  # noqa: A002 (torch's argument name)
    """``input`` divided by its p-norm along ``dim`` (at least ``eps``)."""
    denom = input.norm(p, dim, keepdim=True).clamp_min(eps).expand_as(input)
    return input / denom if out is None else div(input, denom, out=out)


def cosine_similarity(x1, x2, dim=1, eps=1e-8):
    """The cosine of the angle between ``x1`` and ``x2`` along ``dim`` (each norm at least ``eps``)."""
    common = x1.dtype if x1.dtype is x2.dtype else (x1 + x2).dtype
    if not common.is_floating_point:
        raise RuntimeError(f"expected common dtype to be floating point, yet common dtype is {common.legacy_name}")
    x1, x2 = (x if x.dtype.is_floating_point else x.to(common) for x in (x1, x2))
    if x1.shape != x2.shape:
        shape = tuple((x1 + x2).shape)
        x1, x2 = (x if x.shape == shape else expand(x, *shape) for x in (x1, x2))
    x1_norm = vector_norm(x1, 2, dim=dim, keepdim=True).clone()
    x2_norm = vector_norm(x2, 2, dim=dim, keepdim=True).clone()
    with no_grad():
        x1_norm.clamp_min_(eps)
        x2_norm.clamp_min_(eps)
    return ((x1 / x1_norm) * (x2 / x2_norm)).sum(dim)


def pairwise_distance(x1, x2, p=2.0, eps=1e-6, keepdim=False):
    """The p-norm of ``x1 - x2 + eps`` along the last dim."""
    return vector_norm(x1 - x2 + eps, p, max(x1.ndim, x2.ndim) - 1, keepdim, node_cls=NormBackward1)


def kl_div(input, target, size_average=None, reduce=None, reduction="mean", log_target=False):  # noqa: A002
    """The Kullback-Leibler divergence of ``target`` from ``input`` (log-probabilities)."""
    if size_average is not None or reduce is not None:
        from .loss import _legacy_reduction  # cycle: loss imports functional, which imports this module

        reduction = _legacy_reduction(size_average, reduce)
    elif reduction == "mean":
        warnings.warn(KL_DIV_MEAN_WARNING, UserWarning, stacklevel=2)
    # torch's C++ computes the right operand first (its order of nodes, which a gradient's graph shows)
    if log_target:
        difference = target - input
        losses = target.exp() * difference
    else:
        product = target * input
        losses = target.xlogy(target) - product
    reduced = _reduce(losses, "sum" if reduction == "batchmean" else reduction)
    return reduced / input.shape[0] if reduction == "batchmean" and input.ndim else reduced


def margin_ranking_loss(input1, input2, target, margin=0, size_average=None, reduce=None, reduction="mean"):
    """``max(0, -target * (input1 - input2) + margin)``: input1 should rank above input2 where target is 1."""
    if not input1.ndim == input2.ndim == target.ndim:
        raise RuntimeError(f"margin_ranking_loss : All input tensors should have same dimension but got sizes: "
                           f"input1: {input1.shape}, input2: {input2.shape}, target: {target.shape} ")
    return _reduce((-target * (input1 - input2) + margin).clamp_min_(0), reduction)


def hinge_embedding_loss(input, target, margin=1.0, size_average=None, reduce=None, reduction="mean"):  # noqa: A002
    """``input`` where target is 1, ``max(0, margin - input)`` where it is -1."""
    zeros = input.new_zeros(input.shape) if input.ndim else input * 0
    margin_clamp = (margin - input).clamp_min_(0)
    output = where(target != 1, margin_clamp, zeros) + where(target != -1, input, zeros)
    return _reduce(output, reduction)


def cosine_embedding_loss(input1, input2, target, margin=0, size_average=None, reduce=None, reduction="mean"):
    """``1 - cos(x1, x2)`` where target is 1, ``max(0, cos(x1, x2) - margin)`` where it is -1."""
    dim = input1.ndim - 1
    prod_sum = (input1 * input2).sum(dim)
    mag_square1 = (input1 * input1).sum(dim) + 1e-12
    mag_square2 = (input2 * input2).sum(dim) + 1e-12
    cos = prod_sum / (mag_square1 * mag_square2).sqrt_()
    zeros = cos.new_zeros(cos.shape)
    output = where(target == 1, 1 - cos, zeros) + where(target == -1, (cos - margin).clamp_min_(0), zeros)
    return _reduce(output, reduction)


def triplet_margin_loss(anchor, positive, negative, margin=1.0, p=2, eps=1e-6, swap=False, size_average=None,
                        reduce=None, reduction="mean"):
    """``max(0, margin + d(anchor, positive) - d(anchor, negative))`` with the pairwise p-distance."""
    dist_pos = pairwise_distance(anchor, positive, p, eps)
    dist_neg = pairwise_distance(anchor, negative, p, eps)
    if swap:
        dist_neg = dist_neg.minimum(pairwise_distance(positive, negative, p, eps))
    return _reduce((margin + dist_pos - dist_neg).clamp_min(0), reduction)


def _in_place(name):
    def function(input, *args, **kwargs):  # noqa: A002
        from . import functional  # cycle: functional imports this module

        return getattr(functional, name)(input, *args, inplace=True, **kwargs)

    function.__name__, function.__doc__ = f"{name}_", f"``F.{name}(input, ..., inplace=True)``."
    return function


relu_, elu_, leaky_relu_ = _in_place("relu"), _in_place("elu"), _in_place("leaky_relu")
hardtanh_, celu_, selu_ = _in_place("hardtanh"), _in_place("celu"), _in_place("selu")
threshold_ = _in_place("threshold")
