import torch

a = torch.tensor([[1.0, 2.0]], requires_grad=True)
b = torch.tensor([[3.0, 4.0], [5.0, 6.0]], requires_grad=True)

c = torch.cat([a, b])
print(c, c.shape)
(c * torch.arange(6.0).view(3, 2)).sum().backward()
print(a.grad, b.grad, sep="\n")

d = torch.cat((b, b), dim=1)
print(d.shape, d.grad_fn.name())

a.grad = None
s = torch.stack([a[0], b[0], b[1]])
print(s, s.shape)
s2 = torch.stack([a[0], b[1]], dim=1)
print(s2)
(s * torch.tensor([[1.0, 1.0], [2.0, 2.0], [3.0, 3.0]])).sum().backward()
print(a.grad)

try:
    torch.cat([a, torch.zeros(1, 3)])
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.stack([a, b])
except Exception as e:
    print(type(e).__name__, e)
print(torch.cat([torch.tensor([1, 2]), torch.tensor([3.5])]))
