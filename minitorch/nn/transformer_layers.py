"""``nn.TransformerEncoderLayer`` and ``nn.TransformerDecoderLayer``: one block of a Transformer, as torch's.

An encoder layer is self-attention then a feed-forward network (``linear2(dropout(activation(linear1(x))))``),
each wrapped in a residual connection and a LayerNorm: after the sum (``norm_first=False``, the original
Transformer) or before the block (``norm_first=True``). A decoder layer adds attention over the encoder's
output (``multihead_attn``) between the two. Submodules are created in torch's order, so after the same seed
the weights are torch's.

torch answers an encoder layer in eval mode without gradients with one fused kernel
(``torch._transformer_encoder_layer_fwd``); it computes the same formula, so its numbers agree with
minitorch's up to rounding.
"""

from __future__ import annotations

from . import functional as F
from ._mha_checks import canonical_mask, none_or_dtype
from .activation import GELU, ReLU
from .layers import Dropout, Linear
from .module import Module
from .multihead_attention import MultiheadAttention
from .normalization import LayerNorm


def _get_activation_fn(activation):
    """``'relu'`` -> ``F.relu``, ``'gelu'`` -> ``F.gelu``; torch's error for any other name."""
    if activation == "relu":
        return F.relu
    if activation == "gelu":
        return F.gelu
    raise RuntimeError(f"activation should be relu/gelu, not {activation}")


def _feed_forward_parts(layer, d_model, dim_feedforward, dropout, activation, layer_norm_eps, bias, dtype,
                        norms):
    """linear1, dropout, linear2, norm1..norm<norms>, dropout1..dropout<norms> and the activation, in torch's
    order (a module activation is a submodule, registered last)."""
    layer.linear1 = Linear(d_model, dim_feedforward, bias=bias, dtype=dtype)
    layer.dropout = Dropout(dropout)
    layer.linear2 = Linear(dim_feedforward, d_model, bias=bias, dtype=dtype)
    for i in range(1, norms + 1):
        setattr(layer, f"norm{i}", LayerNorm(d_model, eps=layer_norm_eps, bias=bias, dtype=dtype))
    for i in range(1, norms + 1):
        setattr(layer, f"dropout{i}", Dropout(dropout))
    layer.activation = _get_activation_fn(activation) if isinstance(activation, str) else activation


class TransformerEncoderLayer(Module):
    """Self-attention and a feed-forward network, each with a residual connection and a LayerNorm."""

    __constants__ = ["norm_first"]

    def __init__(self, d_model, nhead, dim_feedforward=2048, dropout=0.1, activation=F.relu, layer_norm_eps=1e-5,
                 batch_first=False, norm_first=False, bias=True, device=None, dtype=None):
        """``self_attn``, then the feed-forward parts, as torch creates them."""
        super().__init__()
        self.self_attn = MultiheadAttention(d_model, nhead, dropout=dropout, bias=bias, batch_first=batch_first,
                                            device=device, dtype=dtype)
        self.norm_first = norm_first
        _feed_forward_parts(self, d_model, dim_feedforward, dropout, activation, layer_norm_eps, bias, dtype, 2)
        if self.activation is F.relu or isinstance(self.activation, ReLU):
            self.activation_relu_or_gelu = 1
        elif self.activation is F.gelu or isinstance(self.activation, GELU):
            self.activation_relu_or_gelu = 2
        else:
            self.activation_relu_or_gelu = 0

    def forward(self, src, src_mask=None, src_key_padding_mask=None, is_causal=False):
        """``src`` ``(S, N, E)`` (``(N, S, E)`` with ``batch_first``) through the block; ``src_mask`` and
        ``src_key_padding_mask`` as in ``MultiheadAttention`` (True: not attended)."""
        src_key_padding_mask = canonical_mask(src_key_padding_mask, "src_key_padding_mask", none_or_dtype(src_mask),
                                              "src_mask", src.dtype)
        src_mask = canonical_mask(src_mask, "src_mask", None, "", src.dtype, check_other=False)
        x = src
        if self.norm_first:
            x = x + self._sa_block(self.norm1(x), src_mask, src_key_padding_mask, is_causal=is_causal)
            return x + self._ff_block(self.norm2(x))
        x = self.norm1(x + self._sa_block(x, src_mask, src_key_padding_mask, is_causal=is_causal))
        return self.norm2(x + self._ff_block(x))

    def _sa_block(self, x, attn_mask, key_padding_mask, is_causal=False):
        x = self.self_attn(x, x, x, attn_mask=attn_mask, key_padding_mask=key_padding_mask, need_weights=False,
                           is_causal=is_causal)[0]
        return self.dropout1(x)

    def _ff_block(self, x):
        return self.dropout2(self.linear2(self.dropout(self.activation(self.linear1(x)))))


class TransformerDecoderLayer(Module):
    """Self-attention, attention over the encoder's output (``memory``), and a feed-forward network."""

    __constants__ = ["norm_first"]

    def __init__(self, d_model, nhead, dim_feedforward=2048, dropout=0.1, activation=F.relu, layer_norm_eps=1e-5,
                 batch_first=False, norm_first=False, bias=True, device=None, dtype=None):
        """``self_attn``, ``multihead_attn``, then the feed-forward parts, as torch creates them."""
        super().__init__()
        for name in ("self_attn", "multihead_attn"):
            setattr(self, name, MultiheadAttention(d_model, nhead, dropout=dropout, batch_first=batch_first,
                                                   bias=bias, device=device, dtype=dtype))
        self.norm_first = norm_first
        _feed_forward_parts(self, d_model, dim_feedforward, dropout, activation, layer_norm_eps, bias, dtype, 3)

    def forward(self, tgt, memory, tgt_mask=None, memory_mask=None, tgt_key_padding_mask=None,
                memory_key_padding_mask=None, tgt_is_causal=False, memory_is_causal=False):
        """``tgt`` ``(T, N, E)`` attending to itself (``tgt_mask``) and to ``memory`` ``(S, N, E)``."""
        x = tgt
        if self.norm_first:
            x = x + self._sa_block(self.norm1(x), tgt_mask, tgt_key_padding_mask, tgt_is_causal)
            x = x + self._mha_block(self.norm2(x), memory, memory_mask, memory_key_padding_mask, memory_is_causal)
            return x + self._ff_block(self.norm3(x))
        x = self.norm1(x + self._sa_block(x, tgt_mask, tgt_key_padding_mask, tgt_is_causal))
        x = self.norm2(x + self._mha_block(x, memory, memory_mask, memory_key_padding_mask, memory_is_causal))
        return self.norm3(x + self._ff_block(x))

    def _sa_block(self, x, attn_mask, key_padding_mask, is_causal=False):
        x = self.self_attn(x, x, x, attn_mask=attn_mask, key_padding_mask=key_padding_mask, is_causal=is_causal,
                           need_weights=False)[0]
        return self.dropout1(x)

    def _mha_block(self, x, mem, attn_mask, key_padding_mask, is_causal=False):
        x = self.multihead_attn(x, mem, mem, attn_mask=attn_mask, key_padding_mask=key_padding_mask,
                                is_causal=is_causal, need_weights=False)[0]
        return self.dropout2(x)

    def _ff_block(self, x):
        return self.dropout3(self.linear2(self.dropout(self.activation(self.linear1(x)))))
