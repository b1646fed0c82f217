"""``nn.TransformerEncoder``, ``nn.TransformerDecoder`` and ``nn.Transformer``: stacks of copies of one layer.

Each stack deep-copies the layer it is given ``num_layers`` times (so all copies start with the same weights,
as in torch) and applies them in turn, then an optional final norm. ``nn.Transformer`` builds an encoder and a
decoder of ``LayerNorm``-ended stacks and redraws every matrix with ``xavier_uniform_``.

One visible effect of torch's inference fast path is kept: an encoder in eval mode, without gradients, with
``batch_first`` layers and a ``src_key_padding_mask`` whose padding is at the end of each sequence, runs on
nested tensors and gives **zeros** at the padded positions (before the final norm). minitorch computes the
padded batch and writes those zeros.
"""

from __future__ import annotations

import copy
import warnings

import numpy as np

from .. import _factories
from ..autograd.grad_mode import is_grad_enabled
from . import functional as F
from . import init
from ._mha_checks import canonical_mask, none_or_dtype
from .containers import ModuleList
from .module import Module
from .normalization import LayerNorm
from .transformer_layers import TransformerDecoderLayer, TransformerEncoderLayer


def _generate_square_subsequent_mask(sz, device=None, dtype=None):
    """``(sz, sz)``: ``-inf`` above the diagonal, ``0`` on and below it (position i sees 0..i)."""
    return _factories.full((sz, sz), float("-inf"), dtype=dtype, device=device).triu(diagonal=1)


def _get_seq_len(src, batch_first):
    """The sequence length of a batched or unbatched input."""
    if src.dim() == 2:
        return src.size(0)
    return src.size(1 if batch_first else 0)


def _detect_is_causal_mask(mask, is_causal=None, size=None):
    """``is_causal`` when given; otherwise whether ``mask`` is exactly the square subsequent mask."""
    if is_causal is not None or mask is None:
        return is_causal is True
    causal = _generate_square_subsequent_mask(size if size is not None else mask.size(-2), dtype=mask.dtype)
    return tuple(mask.size()) == tuple(causal.size()) and bool((mask == causal).all())


NESTED_TENSOR_WARNING = (
    "The PyTorch API of nested tensors is in prototype stage and will change in the near future. We recommend "
    "specifying layout=torch.jagged when constructing a nested tensor, as this layout receives active development, "
    "has better operator coverage, and works with torch.compile. (Triggered internally at "
    "/__w/pytorch/pytorch/aten/src/ATen/NestedTensorImpl.cpp:177.)")
_warned = set()  # torch warns once per process (TORCH_WARN_ONCE)


def _get_clones(module, n):
    return ModuleList([copy.deepcopy(module) for _ in range(n)])


def _why_no_nested_tensor(layer):
    """torch's reason an encoder cannot use nested tensors (its constructor warns with it), or ``""``."""
    if not isinstance(layer, TransformerEncoderLayer):
        return "encoder_layer was not TransformerEncoderLayer"
    reasons = ((layer.norm_first, "encoder_layer.norm_first was True"),
               (not layer.self_attn.batch_first, "encoder_layer.self_attn.batch_first was not True(use batch_first "
                                                 "for better inference performance)"),
               (not layer.self_attn._qkv_same_embed_dim, "encoder_layer.self_attn._qkv_same_embed_dim was not True"),
               (layer.self_attn.in_proj_bias is None, "encoder_layer.self_attn was passed bias=False"),
               (not layer.activation_relu_or_gelu, "encoder_layer.activation_relu_or_gelu was not True"),
               (layer.norm1.eps != layer.norm2.eps, "encoder_layer.norm1.eps was not equal to encoder_layer.norm2.eps"),
               (layer.self_attn.num_heads % 2 == 1, "encoder_layer.self_attn.num_heads is odd"))
    return next((reason for failed, reason in reasons if failed), "")


class TransformerEncoder(Module):
    """``num_layers`` copies of an encoder layer, then an optional norm."""

    __constants__ = ["norm"]

    def __init__(self, encoder_layer, num_layers, norm=None, enable_nested_tensor=True, mask_check=True):
        """Copy the layer; warn, as torch, when ``enable_nested_tensor`` cannot be honoured."""
        super().__init__()
        self.layers = _get_clones(encoder_layer, num_layers)
        self.num_layers, self.norm = num_layers, norm
        self.enable_nested_tensor = self.use_nested_tensor = enable_nested_tensor
        self.mask_check = mask_check
        why_not = _why_no_nested_tensor(encoder_layer)
        if enable_nested_tensor and why_not:
            warnings.warn(f"enable_nested_tensor is True, but self.use_nested_tensor is False because {why_not}",
                          stacklevel=2)
            self.use_nested_tensor = False

    def _runs_nested(self, src, mask, src_key_padding_mask):
        """Whether torch would run this call on nested tensors (zeros at the padded positions)."""
        first = self.layers[0]
        if not self.use_nested_tensor or first.training or src.dim() != 3 or src_key_padding_mask is None:
            return False
        if mask is not None or not _left_aligned(src_key_padding_mask):
            return False
        return not (is_grad_enabled() and (src.requires_grad or any(p.requires_grad for p in first.parameters())))

    def forward(self, src, mask=None, src_key_padding_mask=None, is_causal=None):
        """Every layer in turn (with ``mask`` and ``src_key_padding_mask``), then ``norm``."""
        src_key_padding_mask = canonical_mask(src_key_padding_mask, "src_key_padding_mask", none_or_dtype(mask),
                                              "mask", src.dtype)
        mask = canonical_mask(mask, "mask", None, "", src.dtype, check_other=False)
        nested = self._runs_nested(src, mask, src_key_padding_mask)
        if nested and NESTED_TENSOR_WARNING not in _warned:
            _warned.add(NESTED_TENSOR_WARNING)
            warnings.warn(NESTED_TENSOR_WARNING, UserWarning, stacklevel=2)
        is_causal = _detect_is_causal_mask(mask, is_causal, _get_seq_len(src, self.layers[0].self_attn.batch_first))
        output = src
        for layer in self.layers:
            output = layer(output, src_mask=mask, is_causal=is_causal, src_key_padding_mask=src_key_padding_mask)
        if nested:
            output = output.masked_fill(src_key_padding_mask.isneginf().unsqueeze(-1), 0.0)
        return output if self.norm is None else self.norm(output)


def _left_aligned(padding_mask):
    """True when every row's padding (``-inf``) comes after all of its tokens."""
    padded = np.isneginf(padding_mask.detach().numpy())
    return bool(np.all(padded[:, 1:] >= padded[:, :-1]))


class TransformerDecoder(Module):
    """``num_layers`` copies of a decoder layer, then an optional norm."""

    __constants__ = ["norm"]

    def __init__(self, decoder_layer, num_layers, norm=None):
        """Copy the layer ``num_layers`` times."""
        super().__init__()
        self.layers = _get_clones(decoder_layer, num_layers)
        self.num_layers, self.norm = num_layers, norm

    def forward(self, tgt, memory, tgt_mask=None, memory_mask=None, tgt_key_padding_mask=None,
                memory_key_padding_mask=None, tgt_is_causal=None, memory_is_causal=False):
        """Every layer in turn over ``tgt``, each attending to ``memory``; then ``norm``."""
        seq_len = _get_seq_len(tgt, self.layers[0].self_attn.batch_first)
        tgt_is_causal = _detect_is_causal_mask(tgt_mask, tgt_is_causal, seq_len)
        output = tgt
        for layer in self.layers:
            output = layer(output, memory, tgt_mask=tgt_mask, memory_mask=memory_mask,
                           tgt_key_padding_mask=tgt_key_padding_mask, memory_key_padding_mask=memory_key_padding_mask,
                           tgt_is_causal=tgt_is_causal, memory_is_causal=memory_is_causal)
        return output if self.norm is None else self.norm(output)


class Transformer(Module):
    """An encoder stack and a decoder stack (``Attention Is All You Need``)."""

    def __init__(self, d_model=512, nhead=8, num_encoder_layers=6, num_decoder_layers=6, dim_feedforward=2048,
                 dropout=0.1, activation=F.relu, custom_encoder=None, custom_decoder=None, layer_norm_eps=1e-5,
                 batch_first=False, norm_first=False, bias=True, device=None, dtype=None):
        """Build both stacks (or take custom ones), then redraw every matrix with ``xavier_uniform_``."""
        super().__init__()
        settings = (d_model, nhead, dim_feedforward, dropout, activation, layer_norm_eps, batch_first, norm_first,
                    bias)
        if custom_encoder is not None:
            self.encoder = custom_encoder
        else:
            self.encoder = TransformerEncoder(TransformerEncoderLayer(*settings, device=device, dtype=dtype),
                                              num_encoder_layers,
                                              LayerNorm(d_model, eps=layer_norm_eps, bias=bias, dtype=dtype))
        if custom_decoder is not None:
            self.decoder = custom_decoder
        else:
            self.decoder = TransformerDecoder(TransformerDecoderLayer(*settings, device=device, dtype=dtype),
                                              num_decoder_layers,
                                              LayerNorm(d_model, eps=layer_norm_eps, bias=bias, dtype=dtype))
        for p in self.parameters():
            if p.dim() > 1:
                init.xavier_uniform_(p)
        self.d_model, self.nhead, self.batch_first = d_model, nhead, batch_first

    def forward(self, src, tgt, src_mask=None, tgt_mask=None, memory_mask=None, src_key_padding_mask=None,
                tgt_key_padding_mask=None, memory_key_padding_mask=None, src_is_causal=None, tgt_is_causal=None,
                memory_is_causal=False):
        """Encode ``src`` into a memory, then decode ``tgt`` against it."""
        batch_dim = 0 if self.batch_first else 1
        if src.dim() == 3 and src.size(batch_dim) != tgt.size(batch_dim):
            raise RuntimeError("the batch number of src and tgt must be equal")
        if src.size(-1) != self.d_model or tgt.size(-1) != self.d_model:
            raise RuntimeError("the feature number of src and tgt must be equal to d_model")
        memory = self.encoder(src, mask=src_mask, src_key_padding_mask=src_key_padding_mask, is_causal=src_is_causal)
        return self.decoder(tgt, memory, tgt_mask=tgt_mask, memory_mask=memory_mask,
                            tgt_key_padding_mask=tgt_key_padding_mask,
                            memory_key_padding_mask=memory_key_padding_mask, tgt_is_causal=tgt_is_causal,
                            memory_is_causal=memory_is_causal)

    @staticmethod
    def generate_square_subsequent_mask(sz, device=None, dtype=None):
        """The causal mask ``(sz, sz)``: ``-inf`` above the diagonal, ``0`` elsewhere."""
        return _generate_square_subsequent_mask(sz, dtype=dtype, device=device)
