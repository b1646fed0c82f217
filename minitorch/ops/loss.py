"""Loss ops with their own backward Nodes, as ATen has them: MSE, binary cross-entropy (on
probabilities and on logits) and negative log-likelihood (what ``cross_entropy`` ends in).

``reduction`` is the integer torch saves (``_saved_reduction``): 0 none, 1 mean, 2 sum.
"""

import numpy as np

from .._sum_order import torch_order_mean, torch_order_sum
from ..autograd import node as _node
from ..autograd.grad_mode import is_grad_enabled
from ..autograd.node import Node, record
from . import arithmetic, reshaping
from . import reduction as reductions
from ._formulas import DivBackward1
from .backward_ops import mse_loss_backward
from .bce_backward import bce_with_logits_backward, recorded_bce_gradients

NONE, MEAN, SUM = 0, 1, 2
REDUCTIONS = {"none": NONE, "mean": MEAN, "sum": SUM}
LOG_FLOOR = -100.0  # torch clamps log(p) here so that p = 0 gives a finite loss


def apply_loss_reduction(losses: np.ndarray, reduction: int) -> np.ndarray:
    """The losses themselves, their mean or their sum (torch's ``apply_loss_reduction``: its sum kernel's order)."""
    if reduction == MEAN:
        return torch_order_mean(losses)
    if reduction == SUM:
        return np.asarray(torch_order_sum(losses, tuple(range(losses.ndim))), dtype=losses.dtype)
    return losses


def _grad_scale(grad, reduction, count):
    """The incoming gradient as a factor per element: spread evenly for 'mean'."""
    return grad / count if reduction == MEAN else grad


def _for_inputs(node, grad_self):
    """``(grad_self, grad_target)`` where the target's is the negation, each only if needed."""
    return (grad_self if node.needs_input_grad(0) else None,
            -grad_self if node.needs_input_grad(1) else None)


class MseLossBackward0(Node):
    """d mean((x - y)**2)/dx = 2 * (x - y) * grad / n (and the same with x and y swapped for y)."""

    double_backward = True

    def apply(self, grad):
        x, target, reduction = self.unpack("self"), self.unpack("target"), self._saved_reduction
        grad_x = mse_loss_backward(grad, x, target, reduction) if self.needs_input_grad(0) else None
        grad_target = mse_loss_backward(grad, target, x, reduction) if self.needs_input_grad(1) else None
        return grad_x, grad_target


def mse_loss(input, target, reduction):
    """Mean (or summed) squared difference; ``input`` and ``target`` have the same shape."""
    losses = (input._data - target._data) ** 2
    return record(MseLossBackward0, apply_loss_reduction(losses, reduction), (input, target),
                  saved={"self": input, "target": target}, attrs={"reduction": reduction})


class BinaryCrossEntropyBackward0(Node):
    """d bce(p, y)/dp = grad * (p - y) / (p * (1 - p)), weighted and averaged as in forward."""

    double_backward = True

    def apply(self, grad):
        x, target = self.unpack("self"), self.unpack("target")
        if isinstance(grad, _node.Tensor):
            weight = None if self._raw_saved_weight is None else self.unpack("weight")
            return recorded_bce_gradients(self, grad, x, target, weight)
        weight = 1 if self._raw_saved_weight is None else self.unpack("weight")
        scale = _grad_scale(grad, self._saved_reduction, x.size) * weight
        grad_self = scale * (x - target) / np.maximum((1 - x) * x, 1e-12)
        with np.errstate(divide="ignore"):
            grad_target = scale * (np.maximum(np.log1p(-x), LOG_FLOOR) - np.maximum(np.log(x), LOG_FLOOR))
        return (grad_self.astype(x.dtype, copy=False) if self.needs_input_grad(0) else None,
                grad_target.astype(x.dtype, copy=False) if self.needs_input_grad(1) else None)


def check_no_requires_grad(tensor, argument: str, function: str) -> None:
    """torch's error for an argument its op has no derivative for that requires grad (in grad mode)."""
    if tensor is not None and tensor.requires_grad and is_grad_enabled():
        raise RuntimeError(f"The function '{function}' is not differentiable with respect to argument "
                           f"'{argument}'. This input cannot have requires_grad True.")


def _check_probabilities(p: np.ndarray, t: np.ndarray) -> None:
    """torch's kernel checks input, then target, element by element in memory order: the first bad element
    names which."""
    bad = [np.ravel(~((values >= 0) & (values <= 1)), order="K") for values in (p, t)]  # NaN is bad too
    first = [int(np.argmax(flags)) if flags.any() else p.size for flags in bad]
    if min(first) < p.size:
        which = "input" if first[0] <= first[1] else "target"
        raise RuntimeError(f"all elements of {which} should be between 0 and 1")


def binary_cross_entropy(input, target, weight, reduction):
    """``-(t*log(p) + (1-t)*log(1-p))`` on probabilities ``p``, each log floored at -100."""
    check_no_requires_grad(weight, "weight", "binary_cross_entropy")
    p, t = input._data, target._data
    _check_probabilities(p, t)
    with np.errstate(divide="ignore"):
        losses = -(t * np.maximum(np.log(p), LOG_FLOOR) + (1 - t) * np.maximum(np.log1p(-p), LOG_FLOOR))
    if weight is not None:
        losses = losses * weight._data
    return record(BinaryCrossEntropyBackward0, apply_loss_reduction(losses.astype(p.dtype, copy=False), reduction),
                  (input, target), saved={"self": input, "target": target, "weight": weight},
                  attrs={"reduction": reduction})


def _log_sigmoid(x):
    """``log(sigmoid(x))`` without overflow for large ``|x|``."""
    return np.minimum(x, 0) - np.log1p(np.exp(-np.abs(x)))


class BinaryCrossEntropyWithLogitsBackward0(Node):
    """d bce_with_logits(x, y)/dx = grad * (sigmoid(x) - y), weighted and averaged."""

    double_backward = True

    def apply(self, grad):
        x, target = self.unpack("self"), self.unpack("target")
        weight = 1 if self._raw_saved_weight is None else self.unpack("weight")
        pos_weight = None if self._raw_saved_pos_weight is None else self.unpack("pos_weight")
        if isinstance(grad, _node.Tensor):
            return bce_with_logits_backward(self, grad, x, target, weight, pos_weight)
        scale = _grad_scale(grad, self._saved_reduction, x.size) * weight
        probs = np.exp(_log_sigmoid(x))
        if pos_weight is None:
            grad_self = probs - target
            grad_target = -x
        else:
            grad_self = ((pos_weight - 1) * target + 1) * probs - pos_weight * target
            grad_target = -x - (pos_weight - 1) * _log_sigmoid(x)
        return ((scale * grad_self).astype(x.dtype, copy=False) if self.needs_input_grad(0) else None,
                (scale * grad_target).astype(x.dtype, copy=False) if self.needs_input_grad(1) else None)


def binary_cross_entropy_with_logits(input, target, weight, pos_weight, reduction):
    """Binary cross-entropy of ``sigmoid(input)``, computed from the logits directly (stable)."""
    check_no_requires_grad(weight, "weight", "binary_cross_entropy_with_logits")
    check_no_requires_grad(pos_weight, "pos_weight", "binary_cross_entropy_with_logits")
    x, t = input._data, target._data
    log_weight = 1 if pos_weight is None else (pos_weight._data - 1) * t + 1
    losses = (1 - t) * x - log_weight * _log_sigmoid(x)
    if weight is not None:
        losses = losses * weight._data
    losses = apply_loss_reduction(losses.astype(x.dtype, copy=False), reduction)
    return record(BinaryCrossEntropyWithLogitsBackward0, losses, (input, target),
                  saved={"self": input, "target": target, "weight": weight, "pos_weight": pos_weight},
                  attrs={"reduction": reduction})


def _picked(log_probs, target, ignore_index, weight):
    """Per-sample ``(log_prob of the target class, its weight)``, with weight 0 where ignored."""
    kept = target != ignore_index
    classes = np.where(kept, target, 0)
    picked = np.take_along_axis(log_probs, np.expand_dims(classes, 1), axis=1).squeeze(1)
    weights = np.ones(classes.shape, log_probs.dtype) if weight is None else weight[classes]
    return picked, weights * kept


class NllLossBackward0(Node):
    """d nll(logp, t)/dlogp = -weight[t] * grad at each target class (divided by total weight for mean)."""

    double_backward = True

    def apply(self, grad):
        weight = None if self._raw_saved_weight is None else self.unpack("weight")
        return (nll_loss_backward(grad, self.unpack("self"), self.unpack("target"), weight, self._saved_reduction,
                                  self._saved_total_weight, self._ignore_index_value),)


class NllLoss2DBackward0(NllLossBackward0):
    """d nll_loss2d / d logp: NllLossBackward0's rule, for inputs ``(N, C, H, W)`` with targets ``(N, H, W)``."""


class NllLossBackwardBackward0(Node):
    """d nll_loss_backward(g, logp) = nll_loss(grad) for g (it is linear in g), 0 for logp."""

    double_backward = True

    def apply(self, grad):
        target, weight = self.unpack("target"), self._weight
        on_tensors = isinstance(grad, _node.Tensor)
        grad_grad = nll_loss(grad if on_tensors else _node.Tensor._wrap(grad), target if on_tensors else
                             _node.Tensor._wrap(target), weight, self._ignore_index, self._saved_reduction)
        return (grad_grad if on_tensors else grad_grad._data), None


class NllLoss2DBackwardBackward0(NllLossBackwardBackward0):
    """d nll_loss2d_backward(g, logp) = nll_loss2d(grad) for g, 0 for logp."""


def _nll_backward_values(grad, log_probs, target, weight, reduction, total_weight, ignore_index):
    """The gradient of nll_loss on numpy arrays: ``-weight[t] * grad`` at each target class, 0 elsewhere."""
    unbatched = log_probs.ndim == 1
    if unbatched:
        log_probs, target = log_probs[None], target[None]
    _, weights = _picked(log_probs, target, ignore_index, weight)
    if reduction == MEAN:
        scale = -weights * (grad / total_weight if weights.any() else 0)
    elif reduction == SUM:
        scale = -weights * grad
    else:
        scale = -weights * grad.reshape(weights.shape)
    grad_self = np.zeros_like(log_probs)
    kept = target != ignore_index
    classes = np.where(kept, target, 0)
    scale = np.where(kept, scale, 0.0)  # an ignored target's row stays +0, as torch leaves it untouched
    np.put_along_axis(grad_self, np.expand_dims(classes, 1), np.expand_dims(scale, 1), axis=1)
    return grad_self[0] if unbatched else grad_self


def nll_loss_backward(grad, log_probs, target, weight, reduction, total_weight, ignore_index):
    """torch's ``nll_loss_backward``: on Tensors (``create_graph=True``) recorded as ``NllLossBackwardBackward0``."""
    if not isinstance(grad, _node.Tensor):
        return _nll_backward_values(grad, log_probs, target, None if weight is None else weight, reduction,
                                    total_weight._data, ignore_index)
    values = _nll_backward_values(grad._data, log_probs._data, target._data, None if weight is None else
                                  weight._data, reduction, total_weight._data, ignore_index)
    node_cls = NllLoss2DBackwardBackward0 if log_probs.ndim == 4 else NllLossBackwardBackward0
    return record(node_cls, values, (grad, log_probs), saved={"target": target, "weight": weight},
                  attrs={"reduction": reduction, "ignore_index": ignore_index % 2**64},
                  state={"weight": weight, "ignore_index": ignore_index})


def nll_loss(input, target, weight, ignore_index, reduction):
    """``-input[i, target[i]]`` (weighted, ignoring ``ignore_index``), reduced: input holds log-probs."""
    check_no_requires_grad(weight, "weight", "nll_loss2d_forward" if input.ndim == 4 else "nll_loss_forward")
    log_probs, classes = input._data, target._data
    unbatched = log_probs.ndim == 1
    if unbatched:
        log_probs, classes = log_probs[None], classes[None]
    picked, weights = _picked(log_probs, classes, ignore_index, None if weight is None else weight._data)
    losses = -picked * weights
    total_weight = weights.sum(dtype=log_probs.dtype)
    if reduction == MEAN:
        with np.errstate(invalid="ignore"):  # every target ignored: 0 / 0 = nan, as in torch
            out = losses.sum() / total_weight
    elif reduction == SUM:
        out = losses.sum()
    else:
        out = losses[0] if unbatched else losses
        total_weight = np.zeros((), log_probs.dtype)
    node_cls = NllLoss2DBackward0 if input._data.ndim == 4 else NllLossBackward0
    return record(node_cls, np.asarray(out, dtype=log_probs.dtype), (input,),
                  saved={"self": input, "target": target, "weight": weight},
                  attrs={"reduction": reduction, "ignore_index": ignore_index % 2**64,
                         "total_weight": _node.Tensor._wrap(np.asarray(total_weight, dtype=log_probs.dtype))},
                  state={"ignore_index_value": ignore_index})


def soft_target_cross_entropy(log_probs, target, weight, reduction):
    """Cross-entropy against class probabilities: ``-(target * log_probs).sum(class dim)``, reduced."""
    class_dim = 0 if log_probs.ndim == 1 else 1
    products = arithmetic.mul(log_probs, target)
    if weight is not None:
        weight_shape = [1] * log_probs.ndim
        weight_shape[class_dim] = weight.shape[0]
        products = arithmetic.mul(products, reshaping.view(weight, *weight_shape))
    if reduction == NONE:
        return arithmetic.neg(reductions.sum(products, class_dim))
    total = arithmetic.neg(reductions.sum(products))
    if reduction == SUM:
        return total
    count = log_probs.numel() // log_probs.shape[class_dim]
    return record(DivBackward1, total._data / np.asarray(count, total._data.dtype), (total,),
                  attrs={"other": count})
