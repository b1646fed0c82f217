# Mirrors: PyTorch docs, "torch.sort", "torch.argsort", "torch.topk", "torch.kthvalue" and "torch.msort" examples (https://pytorch.org/docs/stable/generated/torch.sort.html)
# expected-to-differ: tie order of sort() without stable=True on more than 16 equal values: torch's CPU kernel uses x86-simd-sort's vectorised networks (AVX2/AVX-512), minitorch the stable order; the values are equal
import torch

torch.manual_seed(0)
x = torch.randn(3, 4)
sorted, indices = torch.sort(x)
print(sorted)
print(indices)
sorted, indices = torch.sort(x, 0)
print(sorted)
print(indices)
x = torch.tensor([0, 1] * 9)
print(x.sort())
print(x.sort(stable=True))

a = torch.randn(4, 4)
print(a)
print(torch.argsort(a, dim=1))

x = torch.arange(1., 6.)
print(x)
print(torch.topk(x, 3))
values, idx = torch.topk(x, 2, largest=False)
print(values, idx)

x = torch.arange(1., 6.)
print(torch.kthvalue(x, 4))
x = torch.arange(1., 7.).resize_(2, 3)
print(x)
print(torch.kthvalue(x, 2, 0, True))

t = torch.randn(3, 4)
print(t)
print(torch.msort(t))
