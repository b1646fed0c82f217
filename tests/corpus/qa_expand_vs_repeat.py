# Mirrors: well-known Q&A, "What is the difference between torch.expand() and torch.repeat()?" (https://stackoverflow.com/questions/65900110) and "unsqueeze, squeeze and view(-1)"
import torch

x = torch.tensor([[1], [2], [3]])
print(x.size())
e = x.expand(3, 4)
r = x.repeat(1, 4)
print(e)
print(r)
print(e.stride(), r.stride())
print(e.data_ptr() == x.data_ptr(), r.data_ptr() == x.data_ptr())
print(e.is_contiguous(), r.is_contiguous())
x[0, 0] = 10
print(e[0])
print(r[0])
try:
    e.view(-1)
except RuntimeError as err:
    print(err)
print(e.reshape(-1))
try:
    x.expand(2, 4)
except RuntimeError as err:
    print(err)
print(torch.tensor([1, 2, 3]).expand(2, -1))
print(torch.tensor(7).expand(2, 3))

a = torch.arange(6)
print(a.unsqueeze(0).shape, a.unsqueeze(1).shape, a.unsqueeze(-1).shape)
print(a[None, :, None].shape)
b = torch.zeros(1, 3, 1)
print(b.squeeze().shape, b.squeeze(0).shape, b.squeeze(-1).shape, b.squeeze(1).shape)
w = torch.randn(2, 1, 3, generator=torch.Generator().manual_seed(3), requires_grad=True)
out = w.expand(2, 4, 3)
print(out.grad_fn)
out.sum().backward()
print(w.grad)
out = w.repeat(1, 4, 1)
print(out.grad_fn)
