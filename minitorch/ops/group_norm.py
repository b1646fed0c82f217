"""Group normalisation: the channels of each sample split into groups, each group normalised by its own mean
and variance, then each channel scaled by ``weight`` and shifted by ``bias``. One node, ``NativeGroupNormBackward0``."""

from __future__ import annotations

import numpy as np

from ..autograd.node import Node, record


def _grouped(array, groups):
    """(N, C, *) viewed as (N, groups, C // groups * rest)."""
    return array.reshape(array.shape[0], groups, -1)


def _per_channel(values, shape):
    """A (C,) vector shaped to multiply an (N, C, *) array."""
    return values.reshape((1, -1) + (1,) * (len(shape) - 2))


class NativeGroupNormBackward0(Node):
    """d group_norm: with x^ = (x - mean) * rstd per group and g = grad * w, dx = rstd * (g - mean(g) -
    x^ * mean(g * x^)) over each group; dweight = sum(grad * x^), dbias = sum(grad) per channel."""

    def apply(self, grad):
        x, groups = self.unpack("input").astype(np.float64), self._saved_group
        grad64 = grad.astype(np.float64)
        xhat = _grouped(x, groups) - self._mean
        xhat = (xhat * self._rstd).reshape(x.shape)
        g = grad64 if self._weight is None else grad64 * _per_channel(self._weight, x.shape)
        g_grouped, xhat_grouped = _grouped(g, groups), _grouped(xhat, groups)
        grad_input = self._rstd * (g_grouped - g_grouped.mean(-1, keepdims=True)
                                   - xhat_grouped * (g_grouped * xhat_grouped).mean(-1, keepdims=True))
        others = tuple(d for d in range(x.ndim) if d != 1)
        grad_weight = (grad64 * xhat).sum(axis=others) if self.needs_input_grad(1) else None
        grad_bias = grad64.sum(axis=others) if self.needs_input_grad(2) else None
        return grad_input.reshape(x.shape).astype(grad.dtype), grad_weight, grad_bias


def group_norm(input, num_groups, weight=None, bias=None, eps=1e-05):  # noqa: A002 (torch's argument name)
    """Normalise each group of ``num_groups`` channel groups of each sample, then apply ``weight`` and ``bias``."""
    if input.ndim < 2:
        raise RuntimeError(f"Expected at least 2 dimensions for input tensor but received {input.ndim}")
    channels = input.shape[1]
    if channels % num_groups:
        raise RuntimeError(f"Expected number of channels in input to be divisible by num_groups, but got input of "
                           f"shape {list(input.shape)} and num_groups={num_groups}")
    x = input._data.astype(np.float64)
    grouped = _grouped(x, num_groups)
    mean = grouped.mean(-1, keepdims=True)
    rstd = 1 / np.sqrt(grouped.var(-1, keepdims=True) + eps)
    out = ((grouped - mean) * rstd).reshape(x.shape)
    if weight is not None:
        out = out * _per_channel(weight._data, x.shape)
    if bias is not None:
        out = out + _per_channel(bias._data, x.shape)
    hxw = int(np.prod(input.shape[2:], dtype=np.int64))
    return record(NativeGroupNormBackward0, out.astype(input._data.dtype), (input, weight, bias),
                  saved={"input": input},
                  attrs={"N": input.shape[0], "C": channels, "HxW": hxw, "group": num_groups, "eps": eps},
                  state={"mean": mean, "rstd": rstd,
                         "weight": None if weight is None else weight._data.astype(np.float64)})
