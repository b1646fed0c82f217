# Mirrors: a well-known Q&A, "How do I use pack_padded_sequence with an LSTM?" (https://stackoverflow.com/questions/51030782), an embedding, an LSTM over packed sequences and the last hidden state of each sequence
import torch
import torch.nn as nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence, pad_sequence

torch.manual_seed(0)
seqs = ['long_str', 'tiny', 'medium']
vocab = ['<pad>'] + sorted(set(''.join(seqs)))
vectorized = [torch.tensor([vocab.index(tok) for tok in seq]) for seq in seqs]
lengths = torch.tensor([len(s) for s in vectorized])
print(lengths)
padded = pad_sequence(vectorized, batch_first=True)
print(padded)

embed = nn.Embedding(len(vocab), 4)
lstm = nn.LSTM(input_size=4, hidden_size=5, batch_first=True)
embedded = embed(padded)
packed = pack_padded_sequence(embedded, lengths, batch_first=True, enforce_sorted=False)
print(packed.batch_sizes, packed.sorted_indices, packed.unsorted_indices)
packed_output, (ht, ct) = lstm(packed)
print(type(packed_output).__name__, packed_output.data.shape)
output, input_sizes = pad_packed_sequence(packed_output, batch_first=True)
print(output.shape, input_sizes)
print(ht.shape, ct.shape)
last = output[torch.arange(3), lengths - 1]
print(torch.allclose(last, ht[-1]))
print(output[1, 4:])
loss = ht[-1].pow(2).sum()
loss.backward()
print(embed.weight.grad[0])
print(lstm.weight_ih_l0.grad.shape)
