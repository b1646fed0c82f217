import torch

col = torch.tensor([[1.0], [2.0], [3.0]], requires_grad=True)
row = torch.tensor([10.0, 20.0], requires_grad=True)
s = torch.tensor(0.5, requires_grad=True)

out = col * row + s
print(out)
print(out.shape)
out.sum().backward()
print(col.grad)
print(row.grad)
print(s.grad)

a = torch.ones(2, 1, 3, requires_grad=True)
b = torch.ones(4, 1, requires_grad=True)
c = a + b
print(c.shape)
(c * torch.arange(24.0).view(2, 4, 3)).sum().backward()
print(a.grad)
print(b.grad)
print((torch.zeros(3) + torch.zeros(2, 1)).shape)
print((torch.ones(1) * torch.ones(2, 2)).shape)
