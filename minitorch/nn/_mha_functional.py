"""``F.multi_head_attention_forward``: what ``nn.MultiheadAttention`` computes, step by step as torch does.

1. project query, key and value with one packed ``(3E, E)`` weight (``in_proj_weight``) or three separate
   ones (when ``kdim``/``vdim`` differ from ``embed_dim``);
2. optionally append a learned key/value (``bias_k``, ``bias_v``) and a zero one (``add_zero_attn``);
3. split ``E`` into ``num_heads`` heads of ``E / num_heads`` and attend in every head: with
   ``need_weights`` explicitly (``baddbmm`` of the mask and the scaled scores, ``softmax``, ``bmm``), so
   the weights can be returned (averaged over the heads by default); without, through
   ``F.scaled_dot_product_attention``;
4. join the heads and apply ``out_proj``.

Inputs are time-major ``(L, N, E)`` (or unbatched ``(L, E)``); the module transposes ``batch_first`` ones.
"""

from __future__ import annotations

import math

from .. import _factories
from ..ops import dropout as dropout_ops
from ..ops import join, linalg, products
from ..ops import softmax as softmax_ops
from ..ops.linear import linear
from ..ops.pad import constant_pad_nd
from . import _mha_checks as checks
from ._attention_functional import scaled_dot_product_attention


def _split_packed(projected, parts, embed_dim):
    """``(..., parts * E)`` -> ``parts`` contiguous tensors ``(..., E)``, as torch's packed projection does."""
    proj = projected.unflatten(-1, (parts, embed_dim)).unsqueeze(0).transpose(0, -2).squeeze(-2).contiguous()
    return [proj[i] for i in range(parts)]


def in_projection_packed(q, k, v, w, b=None):
    """Project q, k, v with the packed weight ``w`` (rows: q's, then k's, then v's); one product for
    self-attention (q is k is v), two when k is v."""
    embed_dim = q.size(-1)
    if k is v and q is k:
        return _split_packed(linear(q, w, b), 3, embed_dim)
    if k is v:
        w_q, w_kv = w.split([embed_dim, embed_dim * 2])
        b_q, b_kv = (None, None) if b is None else b.split([embed_dim, embed_dim * 2])
        return [linear(q, w_q, b_q)] + _split_packed(linear(k, w_kv, b_kv), 2, embed_dim)
    w_q, w_k, w_v = w.chunk(3)
    b_q, b_k, b_v = (None, None, None) if b is None else b.chunk(3)
    return [linear(q, w_q, b_q), linear(k, w_k, b_k), linear(v, w_v, b_v)]


def in_projection(q, k, v, w_q, w_k, w_v, b_q=None, b_k=None, b_v=None):
    """Project q, k, v with three separate weights, checking their shapes as torch does."""
    eq, ek, ev = q.size(-1), k.size(-1), v.size(-1)
    for name, tensor, shape in (("query weights", w_q, (eq, eq)), ("key weights", w_k, (eq, ek)),
                                ("value weights", w_v, (eq, ev)), ("query bias", b_q, (eq,)),
                                ("key bias", b_k, (eq,)), ("value bias", b_v, (eq,))):
        if tensor is not None and tuple(tensor.shape) != shape:
            raise AssertionError(f"expecting {name} shape of {shape}, but got {tensor.shape}")
    return linear(q, w_q, b_q), linear(k, w_k, b_k), linear(v, w_v, b_v)


def _project(query, key, value, weights):
    """Step 1, with the packed weight or the three separate ones."""
    in_proj_weight, in_proj_bias, use_separate, q_weight, k_weight, v_weight = weights
    if not use_separate:
        if in_proj_weight is None:
            raise AssertionError("use_separate_proj_weight is False but in_proj_weight is None")
        return in_projection_packed(query, key, value, in_proj_weight, in_proj_bias)
    for name, weight in (("q", q_weight), ("k", k_weight), ("v", v_weight)):
        if weight is None:
            raise AssertionError(f"use_separate_proj_weight is True but {name}_proj_weight is None")
    biases = (None, None, None) if in_proj_bias is None else in_proj_bias.chunk(3)
    return in_projection(query, key, value, q_weight, k_weight, v_weight, *biases)


def _with_bias_kv(k, v, bias_k, bias_v, masks, bsz):
    """Step 2a: one more key and value, learned (``bias_k``, ``bias_v``); the masks get one more column."""
    if bias_k is None or bias_v is None:
        if bias_k is not None:
            raise AssertionError("bias_k is set but bias_v is None")
        if bias_v is not None:
            raise AssertionError("bias_v is set but bias_k is None")
        return k, v, masks
    k, v = join.cat([k, bias_k.repeat(1, bsz, 1)]), join.cat([v, bias_v.repeat(1, bsz, 1)])
    return k, v, [None if mask is None else constant_pad_nd(mask, [0, 1]) for mask in masks]


def _with_zero_attn(k, v, masks, bsz, num_heads, head_dim):
    """Step 2b: one more key and value of zeros in every head (``add_zero_attn``)."""
    zeros = _factories.zeros((bsz * num_heads, 1, head_dim), dtype=k.dtype)
    k, v = join.cat([k, zeros], dim=1), join.cat([v, zeros.to(v.dtype)], dim=1)
    return k, v, [None if mask is None else constant_pad_nd(mask, [0, 1]) for mask in masks]


def _weights_path(q, k, v, attn_mask, dropout_p):
    """Step 3 with the weights: ``softmax(mask + q k^T / sqrt(head_dim))``, then ``bmm`` with v."""
    q_scaled = q * math.sqrt(1.0 / float(q.shape[-1]))
    if attn_mask is not None:
        weights = products.baddbmm(attn_mask, q_scaled, k.transpose(-2, -1))
    else:
        weights = linalg.bmm(q_scaled, k.transpose(-2, -1))
    weights = softmax_ops.softmax(weights, -1)
    if dropout_p > 0.0:
        weights = dropout_ops.dropout(weights, dropout_p, False)
    return linalg.bmm(weights, v), weights


def _sdpa_path(q, k, v, attn_mask, dropout_p, is_causal, shape):
    """Step 3 without the weights: ``scaled_dot_product_attention`` on ``(batch, heads, length, head_dim)``."""
    tgt_len, bsz, num_heads, head_dim, src_len = shape
    if attn_mask is not None:
        if attn_mask.size(0) == 1 and attn_mask.dim() == 3:
            attn_mask = attn_mask.unsqueeze(0)
        else:
            attn_mask = attn_mask.view(bsz, num_heads, -1, src_len)
    q, k, v = (t.view(bsz, num_heads, -1, head_dim) for t in (q, k, v))
    out = scaled_dot_product_attention(q, k, v, attn_mask, dropout_p, is_causal)
    return out.permute(2, 0, 1, 3).reshape(bsz * tgt_len, num_heads * head_dim)


def multi_head_attention_forward(query, key, value, embed_dim_to_check, num_heads, in_proj_weight, in_proj_bias,
                                 bias_k, bias_v, add_zero_attn, dropout_p, out_proj_weight, out_proj_bias,
                                 training=True, key_padding_mask=None, need_weights=True, attn_mask=None,
                                 use_separate_proj_weight=False, q_proj_weight=None, k_proj_weight=None,
                                 v_proj_weight=None, static_k=None, static_v=None, average_attn_weights=True,
                                 is_causal=False):
    """Multi-head attention of ``query`` ``(L, N, E)`` over ``key``/``value`` ``(S, N, *)``: ``(output, weights)``,
    weights ``(N, L, S)`` (or ``(N, heads, L, S)`` without averaging; None without ``need_weights``)."""
    if static_k is not None or static_v is not None:
        raise NotImplementedError("minitorch does not implement static_k / static_v in multi_head_attention_forward")
    is_batched = checks.mha_shape_check(query, key, value, key_padding_mask, attn_mask, num_heads)
    if not is_batched:
        query, key, value = query.unsqueeze(1), key.unsqueeze(1), value.unsqueeze(1)
        key_padding_mask = None if key_padding_mask is None else key_padding_mask.unsqueeze(0)
    tgt_len, bsz, embed_dim = query.shape
    key_padding_mask = checks.canonical_mask(key_padding_mask, "key_padding_mask", checks.none_or_dtype(attn_mask),
                                             "attn_mask", query.dtype)
    if is_causal and attn_mask is None:
        raise RuntimeError("Need attn_mask if specifying the is_causal hint. You may use the Transformer module "
                           "method `generate_square_subsequent_mask` to create this mask.")
    if is_causal and key_padding_mask is None and not need_weights:
        attn_mask = None
    else:
        attn_mask = checks.canonical_mask(attn_mask, "attn_mask", None, "", query.dtype, check_other=False)
        is_causal = is_causal and key_padding_mask is None
    head_dim = checks.check_projection_inputs(key, value, embed_dim, embed_dim_to_check, num_heads,
                                              use_separate_proj_weight)
    q, k, v = _project(query, key, value, (in_proj_weight, in_proj_bias, use_separate_proj_weight, q_proj_weight,
                                           k_proj_weight, v_proj_weight))
    attn_mask = checks.batched_attn_mask(attn_mask, tgt_len, key.shape[0], bsz, num_heads)
    k, v, (attn_mask, key_padding_mask) = _with_bias_kv(k, v, bias_k, bias_v, [attn_mask, key_padding_mask], bsz)
    q = q.view(tgt_len, bsz * num_heads, head_dim).transpose(0, 1)
    k = k.view(k.shape[0], bsz * num_heads, head_dim).transpose(0, 1)
    v = v.view(v.shape[0], bsz * num_heads, head_dim).transpose(0, 1)
    if add_zero_attn:
        k, v, (attn_mask, key_padding_mask) = _with_zero_attn(k, v, [attn_mask, key_padding_mask], bsz, num_heads,
                                                              head_dim)
    src_len = k.size(1)
    attn_mask = checks.merge_key_padding_mask(attn_mask, key_padding_mask, src_len, bsz, num_heads)
    dropout_p = dropout_p if training else 0.0
    weights = None
    if need_weights:
        attn_output, weights = _weights_path(q, k, v, attn_mask, dropout_p)
        attn_output = attn_output.transpose(0, 1).reshape(tgt_len * bsz, embed_dim)
        weights = weights.view(bsz, num_heads, tgt_len, src_len)
        weights = weights.mean(dim=1) if average_attn_weights else weights
    else:
        attn_output = _sdpa_path(q, k, v, attn_mask, dropout_p, is_causal, (tgt_len, bsz, num_heads, head_dim,
                                                                             src_len))
    attn_output = linear(attn_output, out_proj_weight, out_proj_bias)
    attn_output = attn_output.view(tgt_len, bsz, attn_output.size(1))
    if not is_batched:
        attn_output = attn_output.squeeze(1)
        weights = None if weights is None else weights.squeeze(0)
    return attn_output, weights
