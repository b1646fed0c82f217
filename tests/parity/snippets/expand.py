import torch

x = torch.tensor([[1.0], [2.0]], requires_grad=True)
y = x.expand(2, 3)
print(y)
print(y.shape, y.grad_fn.name())
(y * torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])).sum().backward()
print(x.grad)

x.grad = None
z = x.expand(4, -1, 3)
print(z.shape, z.grad_fn.name())
z.sum().backward()
print(x.grad)

v = torch.tensor([1.0, 2.0, 3.0])
print(v.expand(2, 3))
print(v.expand_as(torch.zeros(2, 3)))
try:
    v.expand(2, 4)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.zeros(2, 3).expand(3)
except Exception as e:
    print(type(e).__name__, e)
