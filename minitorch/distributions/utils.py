"""Helpers shared by the distributions (``torch.distributions.utils``)."""

from __future__ import annotations

import minitorch
from minitorch.tensor import Tensor

__all__ = ["broadcast_all", "clamp_probs", "lazy_property", "logits_to_probs", "probs_to_logits"]

euler_constant = 0.57721566490153286060
_NUMBER = (int, float)


def broadcast_all(*values):
    """Tensors of one common shape from numbers and tensors (numbers take the first tensor's dtype).

    ``torch.broadcast_tensors`` does the rest: a tensor that already has the common shape is returned
    itself, any other is expanded (a view).
    """
    if not all(isinstance(v, (Tensor, *_NUMBER)) for v in values):
        raise ValueError(
            "Input arguments must all be instances of Number, "
            "torch.Tensor or objects implementing __torch_function__."
        )
    first = next((v for v in values if isinstance(v, Tensor)), None)
    dtype = minitorch.get_default_dtype() if first is None else first.dtype
    tensors = [v if isinstance(v, Tensor) else minitorch.tensor(v, dtype=dtype) for v in values]
    return minitorch.broadcast_tensors(*tensors)


def _standard_normal(shape, dtype, device=None):
    """Standard normal values of ``shape`` (``empty(shape).normal_()``, as torch draws them)."""
    return minitorch.empty(shape, dtype=dtype).normal_()


def _sum_rightmost(value, dim: int):
    """Sum out the ``dim`` rightmost dimensions of ``value``."""
    if dim == 0:
        return value
    return value.reshape(value.shape[:-dim] + (-1,)).sum(-1)


def logits_to_probs(logits, is_binary: bool = False):
    """Probabilities from logits: a sigmoid for binary events, a softmax over the last dimension otherwise."""
    if is_binary:
        return minitorch.sigmoid(logits)
    return minitorch.softmax(logits, dim=-1)


def clamp_probs(probs):
    """``probs`` clamped into ``[eps, 1 - eps]`` (eps of its dtype), so that their logs are finite."""
    eps = minitorch.finfo(probs.dtype).eps
    return probs.clamp(min=eps, max=1 - eps)


def probs_to_logits(probs, is_binary: bool = False):
    """Logits from probabilities: ``log p - log(1 - p)`` for binary events, ``log p`` otherwise."""
    clamped = clamp_probs(probs)
    if is_binary:
        return minitorch.log(clamped) - minitorch.log1p(-clamped)
    return minitorch.log(clamped)


class lazy_property:  # noqa: N801 (torch's name)
    """A value computed from the instance on first access (with grad enabled), then stored on it.

    ``Categorical(probs=p).logits`` is computed from ``probs`` the first time it is read.
    """

    def __init__(self, wrapped):
        self.wrapped = wrapped
        self.__name__ = wrapped.__name__
        self.__doc__ = wrapped.__doc__

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        with minitorch.enable_grad():
            value = self.wrapped(instance)
        setattr(instance, self.wrapped.__name__, value)
        return value
