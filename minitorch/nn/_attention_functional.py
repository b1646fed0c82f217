"""``F.scaled_dot_product_attention``: ``softmax(q k^T * scale + mask) v``, as torch 2.13 computes it on the CPU.

torch picks one of two kernels, and so the graph a learner sees depends on the inputs:

- **fused** (``ScaledDotProductFlashAttentionForCpuBackward0``, one node): 4-D query, key and value with the
  same batch and head sizes and head dims, no dropout, and a mask (if any) that needs no gradient;
- **math** (ordinary ops, ATen's ``_scaled_dot_product_attention_math``) otherwise: ``q * sqrt(scale)``
  (``MulBackward1``), ``matmul`` with ``k^T * sqrt(scale)``, the mask added in place (``AddBackward0``),
  ``_safe_softmax`` (``SafeSoftmaxBackward0``), dropout (``MulBackward0``), ``matmul`` with ``v``.

A boolean mask says which keys each query may attend to (True: take part); it becomes ``0`` / ``-inf``.
A float mask is added to the scores. A query that may see no key gets zeros, in both kernels.
"""

from __future__ import annotations

import math

import numpy as np

from .. import _factories
from .._dtype import bool_, get_default_dtype
from ..autograd import node as _node
from ..ops import arithmetic, linalg, reduction, transposing
from ..ops import dropout as dropout_ops
from ..ops._formulas import scale as times_number
from ..ops._util import check_broadcast
from ..ops.attention import flash_attention_cpu, safe_softmax
from ..tensor import _C_TYPE_NAMES


def _c_name(dtype):
    """The C++ name torch's messages give a dtype (``float``, ``long int``)."""
    return _C_TYPE_NAMES[dtype.numpy.name]


def _validate(query, key, value, attn_mask):
    """torch's ``validate_sdpa_input`` errors."""
    if not query.dtype == key.dtype == value.dtype:
        raise RuntimeError(f"Expected query, key, and value to have the same dtype, but got query.dtype: "
                           f"{_c_name(query.dtype)} key.dtype: {_c_name(key.dtype)} and value.dtype: "
                           f"{_c_name(value.dtype)} instead.")
    if attn_mask is not None and attn_mask.dtype.name != "bool" and attn_mask.dtype != query.dtype:
        raise RuntimeError(f"Expected attn_mask dtype to be bool or float or to match query dtype, but got "
                           f"attn_mask.dtype: {_c_name(attn_mask.dtype)} and  query.dtype: "
                           f"{_c_name(query.dtype)} instead.")
    if min(query.dim(), key.dim(), value.dim()) < 2:
        raise RuntimeError(f"Expected query, key, and value to all be  at least 2 dimensional, but got query.dim: "
                           f"{query.dim()} key.dim: {key.dim()} and value.dim: {value.dim()} instead.")


_INTEGER_C_NAMES = {"int64": "int64_t", "int32": "int", "int16": "int16_t", "int8": "int8_t", "uint8": "uint8_t"}


def _float_mask(attn_mask, dtype):
    """torch's ``convert_boolean_attn_mask``: True -> 0, False -> -inf; a float mask stays as it is."""
    if attn_mask is None or attn_mask.dtype.name != "bool":
        return attn_mask
    if dtype.name in _INTEGER_C_NAMES:
        raise RuntimeError(f"value cannot be converted to type {_INTEGER_C_NAMES[dtype.name]} without overflow")
    return _node.Tensor._wrap(np.where(attn_mask._data, 0, -np.inf).astype(dtype.numpy))


def _takes_fused_kernel(query, key, value, attn_mask, dropout_p):
    """torch's CPU choice of the fused kernel (``use_flash_attention_cpp``), for the cases it can meet."""
    if not query.dim() == key.dim() == value.dim() == 4 or dropout_p > 0:  # a negative p: the kernel refuses it
        return False
    if attn_mask is not None and (attn_mask.requires_grad or attn_mask.dim() not in (2, 4)):
        return False
    # Rows of stride 1, as the kernel reads them. A last dim of size 1 is let through: minitorch's view gives such
    # a dim another stride than torch's (multi-head attention with one feature per head takes the kernel in torch)
    if any(t.stride(-1) != 1 and t.shape[-1] != 1 for t in (query, key, value)):
        return False
    same_heads = query.shape[:2] == key.shape[:2] == value.shape[:2]
    same_head_dims = query.shape[-1] == key.shape[-1] == value.shape[-1]
    return same_heads and same_head_dims


def _fused(query, key, value, attn_mask, dropout_p, is_causal, scale, requested_scale):
    """The fused kernel, after its own checks (torch's messages)."""
    if dropout_p != 0:
        raise RuntimeError("scaled_dot_product_attention_flash_attention: Currently do not support dropout > 0")
    if not query.dtype.is_floating_point:
        raise RuntimeError(f"expected scalar type Float but found {query.dtype.legacy_name}")
    if attn_mask is not None:
        check_broadcast(query.shape[:-1] + (key.shape[-2],), attn_mask.shape)
    return flash_attention_cpu(query, key, value, attn_mask, is_causal, scale, requested_scale)


def _empty(query, key, value):
    """torch's answer when there is no query, no key or no value element: zeros shaped as the output,
    plus ``(q.sum() + k.sum() + v.sum()) * 0`` so that the result stays in the graph."""
    zeros = _factories.zeros(tuple(query.shape[:-1]) + (value.shape[-1],), dtype=query.dtype)
    total = arithmetic.add(arithmetic.add(reduction.sum(query), reduction.sum(key)), reduction.sum(value))
    return arithmetic.add(zeros, times_number(total, 0, skip_one=False))


def _math(query, key, value, attn_mask, dropout_p, is_causal, scale):
    """ATen's ``_scaled_dot_product_attention_math``, op by op."""
    if not query.dtype.is_floating_point:  # an integer query times a number: a tensor of the default dtype
        query = query.to(get_default_dtype())
    if not key.dtype.is_floating_point:
        key = key.to(get_default_dtype())
    if is_causal and attn_mask is not None:
        raise RuntimeError("_scaled_dot_product_attention: Explicit attn_mask should not be set when is_causal=True")
    root = math.sqrt(abs(scale))
    query = times_number(query, -root if scale < 0 else root, skip_one=False)
    if is_causal:
        causal = _factories.ones(query.shape[-2], key.shape[-2], dtype=bool_).tril()
        attn_mask = _float_mask(causal, query.dtype)
    key_t = times_number(transposing.transpose(key, -2, -1), root, skip_one=False)
    attn = linalg.matmul(query, key_t)
    if attn_mask is not None:
        attn = arithmetic.add(attn, attn_mask) if attn_mask.requires_grad else attn.add_(attn_mask)
    attn = safe_softmax(attn, -1)
    if dropout_p > 0.0:
        if dropout_p > 1:
            raise RuntimeError(f"dropout probability has to be between 0 and 1, but got {dropout_p}")
        attn = dropout_ops.dropout(attn, dropout_p, False)
    return linalg.matmul(attn, value)


def scaled_dot_product_attention(query, key, value, attn_mask=None, dropout_p=0.0, is_causal=False, *, scale=None,
                                 enable_gqa=False):
    """``softmax(query @ key^T * scale + mask) @ value`` over the last two dims (``(..., L, E)``, ``(..., S, E)``,
    ``(..., S, Ev)`` -> ``(..., L, Ev)``); ``scale`` defaults to ``1 / sqrt(E)``; ``is_causal`` lets query i
    see keys 0..i; ``dropout_p`` drops attention weights (always, as torch's: pass 0.0 in eval)."""
    _validate(query, key, value, attn_mask)
    if enable_gqa and query.dim() >= 3 and query.shape[-3] != key.shape[-3]:
        raise NotImplementedError("minitorch does not implement grouped-query attention (enable_gqa=True with "
                                  "fewer key/value heads than query heads)")
    if query.shape[-2] == 0 or key.shape[-2] == 0 or value.numel() == 0:
        return _empty(query, key, value)
    requested_scale = None if scale is None else float(scale)
    if scale is None:
        scale = 1.0 / math.sqrt(query.shape[-1]) if query.shape[-1] else math.inf
    scale = float(scale)
    if _takes_fused_kernel(query, key, value, attn_mask, dropout_p):
        return _fused(query, key, value, _float_mask(attn_mask, query.dtype), dropout_p, is_causal, scale,
                      requested_scale)
    return _math(query, key, value, _float_mask(attn_mask, query.dtype), dropout_p, is_causal, scale)
