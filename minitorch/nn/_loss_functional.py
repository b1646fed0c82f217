"""The losses of ``nn.functional`` not in ``loss.py``, with torch's checks and errors.

``soft_margin_loss``, ``multi_margin_loss`` and ``multilabel_margin_loss`` are ATen kernels
(``ops/margin_losses.py``); ``multilabel_soft_margin_loss``, ``poisson_nll_loss`` and ``gaussian_nll_loss``
are composed of other ops, as torch composes them (their graphs end in ``MeanBackward0``, ``SubBackward0``...).
"""

import math

import numpy as np

from ..autograd.grad_mode import no_grad
from ..ops import margin_losses
from ..ops.loss import REDUCTIONS
from ._activation_functional import logsigmoid


def _reduction(size_average, reduce, reduction):
    """The reduction code (0 none, 1 mean, 2 sum), from the legacy flags with torch's warning if given."""
    if size_average is not None or reduce is not None:
        from .loss import _legacy_reduction  # cycle: loss imports functional, which imports this module

        reduction = _legacy_reduction(size_average, reduce)
    if reduction not in REDUCTIONS:
        raise ValueError(f"{reduction} is not a valid value for reduction")
    return REDUCTIONS[reduction]


def _reduce(losses, reduction, message):
    if reduction == "mean":
        return losses.mean()
    if reduction == "sum":
        return losses.sum()
    if reduction != "none":
        raise ValueError(message)
    return losses


def soft_margin_loss(input, target, size_average=None, reduce=None, reduction="mean"):  # noqa: A002
    """``log(1 + exp(-target * input))`` for labels of +1 and -1, reduced."""
    return margin_losses.soft_margin_loss(input, target, _reduction(size_average, reduce, reduction))


def _check_scores(input):  # noqa: A002
    if not ((input.ndim == 2 and input.shape[1] != 0) or (input.ndim == 1 and input.shape[0] != 0) or input.ndim == 0):
        raise RuntimeError("Expected non-empty vector or matrix with optional 0-dim batch size, but got: "
                           f"{list(input.shape)}")


def _check_class_target(input, target, weight):  # noqa: A002
    """multi_margin_loss's checks of the target and weight against scores ``(N, C)`` or ``(C,)``."""
    samples = input.shape[0] if input.ndim == 2 else 1
    classes = input.shape[-1] if input.ndim else 1
    if target.ndim > 1 or target.numel() != samples:
        raise RuntimeError("multi_margin_loss: target tensor should be 1-D with size equal to the number of input "
                           f"samples (batch size). Expected target size [{samples}], but got {list(target.shape)}. "
                           f"Input has shape {list(input.shape)}.")
    if weight is not None and weight.numel() != classes:
        raise RuntimeError(f"inconsistent weight size, expected {classes} but got {list(weight.shape)}")
    if target.dtype.name != "int64":
        raise RuntimeError(f"expected scalar type Long but found {target.dtype.legacy_name}")
    values = target._data
    if values.size and (values.min() < 0 or values.max() >= classes):
        raise RuntimeError("target out of range")


def multi_margin_loss(input, target, p=1, margin=1.0, weight=None, size_average=None, reduce=None,  # noqa: A002
                      reduction="mean"):
    """The multi-class hinge loss: per sample, ``sum over j != t of max(0, margin - x[t] + x[j]) ** p / C``."""
    code = _reduction(size_average, reduce, reduction)
    if p not in (1, 2):
        raise ValueError("only p == 1 and p == 2 supported")
    if weight is not None and weight.ndim != 1:
        raise ValueError("weight must be one-dimensional")
    _check_scores(input)
    _check_class_target(input, target, weight)
    return margin_losses.multi_margin_loss(input, target, p, margin, weight, code)


def multilabel_margin_loss(input, target, size_average=None, reduce=None, reduction="mean"):  # noqa: A002
    """The multi-label hinge loss; each target row lists class indices, ended by the first -1."""
    code = _reduction(size_average, reduce, reduction)
    _check_scores(input)
    if target.dtype.name != "int64":
        raise RuntimeError(f"expected scalar type Long but found {target.dtype.legacy_name}")
    fits = target.shape == input.shape if input.ndim == 2 else (target.ndim <= 1 and target.numel() == input.numel())
    if not fits:
        raise RuntimeError(f"inconsistent target size: {list(target.shape)} for input of size: {list(input.shape)}")
    values = target._data
    if values.size and (values.min() < -1 or values.max() >= (input.shape[-1] if input.ndim else 1)):
        raise RuntimeError("argument #2 'target' is out of range")
    return margin_losses.multilabel_margin_loss(input, target, code)


def multilabel_soft_margin_loss(input, target, weight=None, size_average=None, reduce=None,  # noqa: A002
                                reduction="mean"):
    """Per sample, the mean over classes of the binary cross-entropy of ``sigmoid(input)`` against ``target``."""
    if size_average is not None or reduce is not None:
        from .loss import _legacy_reduction

        reduction = _legacy_reduction(size_average, reduce)
    loss = -(target * logsigmoid(input) + (1 - target) * logsigmoid(-input))
    if weight is not None:
        loss = loss * weight
    class_dim = input.ndim - 1
    loss = loss.sum(dim=class_dim) / input.shape[class_dim]
    return _reduce(loss, reduction, f"{reduction} is not valid")


def poisson_nll_loss(input, target, log_input=True, full=False, size_average=None, eps=1e-08, reduce=None,  # noqa: A002
                     reduction="mean"):
    """The negative log-likelihood of ``target`` under Poisson(rate): ``exp(input) - target * input`` for a
    log-rate (``log_input``), else ``input - target * log(input + eps)``; ``full`` adds Stirling's term."""
    if size_average is not None or reduce is not None:
        from .loss import _legacy_reduction

        reduction = _legacy_reduction(size_average, reduce)
    if reduction not in REDUCTIONS:
        raise ValueError(f"{reduction} is not a valid value for reduction")
    loss = input.exp() - target * input if log_input else input - target * (input + eps).log()
    if full:
        with np.errstate(divide="ignore", invalid="ignore"):  # 0 * log(0) is masked below, silently as in torch
            stirling = target * target.log() - target + 0.5 * (2 * math.pi * target).log()
        loss = loss + stirling.masked_fill(target <= 1, 0)
    return _reduce(loss, reduction, "")


def _shaped_variance(input, var):  # noqa: A002
    """``var`` as given (heteroscedastic), or with a last dim of 1 when it is one dim short (homoscedastic)."""
    if var.shape == input.shape:
        return var
    if input.shape[:-1] == var.shape:
        return var.unsqueeze(-1)
    mismatched = sum(v for i, v in zip(input.shape, var.shape) if i != v) if input.ndim == var.ndim else None
    if mismatched == 1:
        return var
    raise ValueError("var is of incorrect size")


def gaussian_nll_loss(input, target, var, full=False, eps=1e-06, reduction="mean"):  # noqa: A002
    """The negative log-likelihood of ``target`` under Normal(input, var): ``(log(var) + (input - target)^2 / var) / 2``
    (plus ``log(2 pi) / 2`` when ``full``), ``var`` clamped below at ``eps``."""
    if isinstance(var, float):
        if var < 0:
            raise ValueError("var has negative entry/entries")
        var = var * input.new_ones(input.shape)
    elif (var < 0).any():
        raise ValueError("var has negative entry/entries")
    var = _shaped_variance(input, var)
    if reduction not in REDUCTIONS:
        raise ValueError(f"{reduction} is not valid")
    var = var.clone()
    with no_grad():
        var.clamp_(min=eps)
    loss = 0.5 * (var.log() + (input - target) ** 2 / var)
    if full:
        loss += 0.5 * math.log(2 * math.pi)
    return _reduce(loss, reduction, "")
