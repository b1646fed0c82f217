"""The two kernels behind ``F.scaled_dot_product_attention`` on the CPU, each beside its backward Node.

- ``safe_softmax``: torch's ``_safe_softmax``, a softmax whose rows that are entirely ``-inf`` (a query
  allowed to see no key) give zeros instead of NaNs. The math path of attention uses it.
- ``flash_attention_cpu``: torch's fused ``_scaled_dot_product_flash_attention_for_cpu``, one node
  (``ScaledDotProductFlashAttentionForCpuBackward0``) for the whole ``softmax(q k^T * scale + mask) v``.
  torch's kernel walks the keys in blocks with a running maximum (online softmax); minitorch computes the
  same formula at once, so float32 results can differ from torch's in the last bit.
"""

from __future__ import annotations

import numpy as np

from ..autograd import node as _node
from ..autograd.node import FormulaMode, Node, record, record_outputs
from . import softmax as softmax_ops
from ._util import saved_dim, wrap_dim
from .backward_ops import softmax_backward_data


class SafeSoftmaxBackward0(Node):
    """d softmax/dx: ``result * (grad - sum(grad * result, dim))`` (masked rows have result 0: gradient 0)."""

    double_backward = True

    def apply(self, grad):
        return (softmax_backward_data(grad, self.unpack("result"), self._dim),)


def safe_softmax(a, dim):
    """``softmax(a, dim)``, but 0 wherever the whole row along ``dim`` is ``-inf``."""
    axis = wrap_dim(dim, a._data.ndim)
    with np.errstate(invalid="ignore"):  # a row of -inf: NaNs, replaced below
        probabilities = softmax_ops.softmax(a.detach(), dim)._data
    masked_rows = np.all(a._data == -np.inf, axis=axis, keepdims=True)
    out = np.where(masked_rows, np.zeros((), a._data.dtype), probabilities)
    return record(SafeSoftmaxBackward0, out, (a,), attrs={"dim": saved_dim(dim)}, save_result=True,
                  state={"dim": axis})


def _probabilities(query, key, mask, scale):
    """``softmax(q k^T * scale + mask)`` over the keys, in the inputs' dtype (0 for fully masked rows), and
    the log of each row's sum of exponentials (0 for a fully masked row, as torch's kernel leaves it)."""
    scores = np.matmul(query, np.swapaxes(key, -1, -2)) * query.dtype.type(scale)
    if mask is not None:
        scores = scores + mask
    peak = np.max(scores, axis=-1, keepdims=True)
    peak = np.where(np.isneginf(peak), 0, peak)
    exps = np.exp(scores - peak)
    total = np.sum(exps, axis=-1, keepdims=True)
    with np.errstate(divide="ignore"):
        logsumexp = np.where(total > 0, peak + np.log(total), 0)[..., 0]
    return np.divide(exps, total, out=np.zeros_like(exps), where=total > 0), logsumexp


def _unbroadcast_heads(grad, shape):
    """Sum a gradient back to an input whose batch dimensions were broadcast."""
    while grad.ndim > len(shape):
        grad = grad.sum(0)
    axes = tuple(i for i, size in enumerate(shape) if size == 1 and grad.shape[i] != 1)
    return grad.sum(axis=axes, keepdims=True) if axes else grad


class NotImplemented(Node):  # noqa: A001 (torch's name for a node whose derivative does not exist)
    """The fused kernel's gradients with ``create_graph=True``: torch has no derivative for them, and says so
    when a backward reaches this node."""

    def name(self) -> str:
        """torch's name for a formula it does not implement."""
        return "torch::autograd::NotImplemented"

    def apply(self, *grads):
        raise RuntimeError("derivative for aten::_scaled_dot_product_flash_attention_for_cpu_backward is not "
                           "implemented")


class ScaledDotProductFlashAttentionForCpuBackward0(Node):
    """With P = softmax(q k^T s + m): dv = P^T g, dS = P * (g v^T - rowsum(P * g v^T)), dq = s dS k,
    dk = s dS^T q."""

    double_backward = True  # with create_graph=True its gradients come from a NotImplemented node, as torch's

    def apply(self, grad):
        if FormulaMode.on_tensors:
            tensors = [grad] + [self.unpack(name) for name in ("query", "key", "value")]
            grads = self._gradients(*(t._data for t in tensors))
            made = [_node.Tensor._wrap(g) for g in grads if g is not None]
            record_outputs(NotImplemented, made, tensors)
            iterator = iter(made)
            return tuple(None if g is None else next(iterator) for g in grads)
        return self._gradients(grad, self.unpack("query"), self.unpack("key"), self.unpack("value"))

    def _gradients(self, grad, query, key, value):
        mask = None
        if self._saved.get("attn_mask") is not None:
            mask = self.unpack("attn_mask")
            mask = mask._data if FormulaMode.on_tensors else mask
        mask = _combined(mask, self._causal_mask)
        scale = self._scale
        probabilities = _probabilities(query, key, mask, scale)[0]
        grad_probabilities = np.matmul(grad, np.swapaxes(value, -1, -2))
        grad_scores = probabilities * (grad_probabilities - np.sum(grad_probabilities * probabilities, -1,
                                                                    keepdims=True))
        grad_scores = grad_scores * query.dtype.type(scale)
        grad_query = np.matmul(grad_scores, key)
        grad_key = np.matmul(np.swapaxes(grad_scores, -1, -2), query)
        grad_value = np.matmul(np.swapaxes(probabilities, -1, -2), grad)
        return (grad_query if self.needs_input_grad(0) else None,
                _unbroadcast_heads(grad_key, key.shape) if self.needs_input_grad(1) else None,
                _unbroadcast_heads(grad_value, value.shape) if self.needs_input_grad(2) else None)


def _combined(mask, causal_mask):
    """The float mask, the causal one, or both added (the fused kernel applies both when both are given)."""
    if mask is None or causal_mask is None:
        return causal_mask if mask is None else mask
    return mask + causal_mask


def flash_attention_cpu(query, key, value, attn_mask, is_causal, scale, requested_scale=None):
    """``softmax(q k^T * scale + mask) v`` for 4-D ``(batch, heads, length, head_dim)`` inputs, one node.

    ``attn_mask`` is a float mask (a boolean one already turned into ``0`` / ``-inf``) or None; ``is_causal``
    adds the lower-triangular mask (query i sees keys 0..i), on top of ``attn_mask`` if both are given;
    ``requested_scale`` is the caller's ``scale``
    (None for the default ``1 / sqrt(head_dim)``), which the node shows as ``_saved_scale``."""
    causal_mask = None
    if is_causal:
        length, source = query.shape[-2], key.shape[-2]
        causal_mask = np.where(np.tri(length, source, dtype=bool), 0, -np.inf).astype(query._data.dtype)
    mask = _combined(None if attn_mask is None else attn_mask._data, causal_mask)
    probabilities, logsumexp = _probabilities(query._data, key._data, mask, scale)
    out = np.empty_like(query._data)  # laid out as the query, as torch's kernel allocates it
    out[...] = np.matmul(probabilities, value._data)
    saved = {"query": query, "key": key, "value": value, "attn_mask": attn_mask,
             "logsumexp": _node.Tensor._wrap(logsumexp.astype(np.float64 if out.dtype == np.float64 else np.float32))}
    return record_outputs(ScaledDotProductFlashAttentionForCpuBackward0, [_node.Tensor._wrap(out)],
                          (query, key, value), saved=saved, save_result=("output",),
                          attrs={"dropout_p": 0.0, "is_causal": bool(is_causal), "scale": requested_scale},
                          state={"causal_mask": causal_mask, "scale": scale})[0]
