# Mirrors: PyTorch docs, the examples of torch.nn.MultiheadAttention, torch.nn.Transformer*, torch.nn.functional.scaled_dot_product_attention and torch.nn.utils.rnn (https://pytorch.org/docs/stable/nn.html), shapes made small
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.utils.rnn import pack_padded_sequence, pack_sequence, pad_packed_sequence, pad_sequence

torch.manual_seed(0)

# MultiheadAttention
embed_dim, num_heads = 8, 2
multihead_attn = nn.MultiheadAttention(embed_dim, num_heads)
print(multihead_attn)
print([(name, tuple(p.shape)) for name, p in multihead_attn.named_parameters()])
query, key, value = torch.randn(3, 2, 8), torch.randn(4, 2, 8), torch.randn(4, 2, 8)
attn_output, attn_output_weights = multihead_attn(query, key, value)
print(attn_output.shape, attn_output_weights.shape)

# TransformerEncoderLayer / TransformerEncoder
encoder_layer = nn.TransformerEncoderLayer(d_model=8, nhead=2, dim_feedforward=16)
transformer_encoder = nn.TransformerEncoder(encoder_layer, num_layers=2)
src = torch.rand(5, 2, 8)
out = transformer_encoder(src)
print(out.shape, out.grad_fn)
print(transformer_encoder.layers[0])

encoder_layer = nn.TransformerEncoderLayer(d_model=8, nhead=2, batch_first=True)
src = torch.rand(2, 5, 8)
print(encoder_layer(src).shape)

# TransformerDecoderLayer / Transformer
decoder_layer = nn.TransformerDecoderLayer(d_model=8, nhead=2, dim_feedforward=16)
transformer_decoder = nn.TransformerDecoder(decoder_layer, num_layers=2)
memory = torch.rand(5, 2, 8)
tgt = torch.rand(3, 2, 8)
print(transformer_decoder(tgt, memory).shape)

transformer_model = nn.Transformer(d_model=8, nhead=2, num_encoder_layers=2, num_decoder_layers=2,
                                   dim_feedforward=16)
src, tgt = torch.rand(5, 2, 8), torch.rand(3, 2, 8)
out = transformer_model(src, tgt, tgt_mask=nn.Transformer.generate_square_subsequent_mask(3))
print(out.shape)
print(nn.Transformer.generate_square_subsequent_mask(4))
print(sum(p.numel() for p in transformer_model.parameters()))

# scaled_dot_product_attention
query = torch.rand(2, 2, 3, 4)
key = torch.rand(2, 2, 5, 4)
value = torch.rand(2, 2, 5, 4)
print(F.scaled_dot_product_attention(query, key, value).shape)
causal = F.scaled_dot_product_attention(query, query, query, is_causal=True)
print(causal[0, 0, 0] - query[0, 0, 0])

# torch.nn.utils.rnn
seq = torch.tensor([[1, 2, 0], [3, 0, 0], [4, 5, 6]])
lens = [2, 1, 3]
packed = pack_padded_sequence(seq, lens, batch_first=True, enforce_sorted=False)
print(packed)
seq_unpacked, lens_unpacked = pad_packed_sequence(packed, batch_first=True)
print(seq_unpacked)
print(lens_unpacked)

a = torch.tensor([1, 2, 3])
b = torch.tensor([4, 5])
c = torch.tensor([6])
print(pack_sequence([a, b, c]))
print(pad_sequence([torch.ones(25, 300), torch.ones(22, 300), torch.ones(15, 300)]).size())
