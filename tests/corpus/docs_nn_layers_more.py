# Mirrors: PyTorch docs, the "Examples::" blocks of nn.ConvTranspose2d, nn.PixelShuffle, nn.PixelUnshuffle, nn.Unfold, nn.Fold, nn.InstanceNorm2d, nn.LocalResponseNorm and nn.EmbeddingBag (https://pytorch.org/docs/stable/generated/torch.nn.ConvTranspose2d.html)
import torch
import torch.nn as nn

torch.manual_seed(0)
# With square kernels and equal stride
m = nn.ConvTranspose2d(16, 33, 3, stride=2)
# non-square kernels and unequal stride and with padding
m = nn.ConvTranspose2d(16, 33, (3, 5), stride=(2, 1), padding=(4, 2))
print(m)
input = torch.randn(20, 16, 50, 100)
output = m(input)
print(output.size())
# exact output size can be also specified as an argument
input = torch.randn(1, 16, 12, 12)
downsample = nn.Conv2d(16, 16, 3, stride=2, padding=1)
upsample = nn.ConvTranspose2d(16, 16, 3, stride=2, padding=1)
h = downsample(input)
print(h.size())
output = upsample(h, output_size=input.size())
print(output.size())

pixel_shuffle = nn.PixelShuffle(3)
input = torch.randn(1, 9, 4, 4)
output = pixel_shuffle(input)
print(output.size())
pixel_unshuffle = nn.PixelUnshuffle(3)
input = torch.randn(1, 1, 12, 12)
output = pixel_unshuffle(input)
print(output.size())

unfold = nn.Unfold(kernel_size=(2, 3))
input = torch.randn(2, 5, 3, 4)
output = unfold(input)
# each patch contains 30 values (2x3=6 vectors, each of 5 channels)
# 4 blocks (2x3 kernels) in total in the 3x4 input
print(output.size())
# Convolution is equivalent with Unfold + Matrix Multiplication + Fold (or view to output shape)
inp = torch.randn(1, 3, 10, 12)
w = torch.randn(2, 3, 4, 5)
inp_unf = torch.nn.functional.unfold(inp, (4, 5))
out_unf = inp_unf.transpose(1, 2).matmul(w.view(w.size(0), -1).t()).transpose(1, 2)
out = torch.nn.functional.fold(out_unf, (7, 8), (1, 1))
print(out.shape, (torch.nn.functional.conv2d(inp, w) - out).abs().max() < 1e-4)
fold = nn.Fold(output_size=(4, 5), kernel_size=(2, 2))
input = torch.randn(1, 3 * 2 * 2, 12)
output = fold(input)
print(output.size())

# Without Learnable Parameters
m = nn.InstanceNorm2d(100)
# With Learnable Parameters
m = nn.InstanceNorm2d(100, affine=True)
print(m)
input = torch.randn(20, 100, 35, 45)
output = m(input)
print(output.shape, output.grad_fn)

lrn = nn.LocalResponseNorm(2)
signal_2d = torch.randn(32, 5, 24, 24)
signal_4d = torch.randn(16, 5, 7, 7, 7, 7)
output_2d = lrn(signal_2d)
output_4d = lrn(signal_4d)
print(lrn, output_2d.shape, output_4d.shape)

# an EmbeddingBag module containing 10 tensors of size 3
embedding_sum = nn.EmbeddingBag(10, 3, mode="sum")
# a batch of 2 samples of 4 indices each
input = torch.tensor([1, 2, 4, 5, 4, 3, 2, 9], dtype=torch.long)
offsets = torch.tensor([0, 4], dtype=torch.long)
print(embedding_sum(input, offsets))
# Example with padding_idx
embedding_sum = nn.EmbeddingBag(10, 3, mode="sum", padding_idx=2)
input = torch.tensor([2, 2, 2, 2, 4, 3, 2, 9], dtype=torch.long)
offsets = torch.tensor([0, 4], dtype=torch.long)
print(embedding_sum(input, offsets))
# An EmbeddingBag can be loaded from an Embedding like so
embedding = nn.Embedding(10, 3, padding_idx=2)
embedding_sum = nn.EmbeddingBag.from_pretrained(embedding.weight, padding_idx=embedding.padding_idx, mode="sum")
print(embedding_sum)
# FloatTensor containing pretrained weights
weight = torch.FloatTensor([[1, 2.3, 3], [4, 5.1, 6.3]])
embeddingbag = nn.EmbeddingBag.from_pretrained(weight)
# Get embeddings for index 1
input = torch.LongTensor([[1, 0]])
print(embeddingbag(input))
