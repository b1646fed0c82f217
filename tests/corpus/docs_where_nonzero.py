# Mirrors: PyTorch docs, "torch.where", "torch.nonzero", "torch.masked_select", "torch.argwhere" and "torch.clamp" examples (https://pytorch.org/docs/stable/generated/torch.where.html)
import torch

torch.manual_seed(0)
x = torch.randn(3, 2)
y = torch.ones(3, 2)
print(x)
print(torch.where(x > 0, 1.0, 0.0))
print(torch.where(x > 0, x, y))
x = torch.randn(2, 2, dtype=torch.double)
print(x)
print(torch.where(x > 0, x, 0.))

print(torch.nonzero(torch.tensor([1, 1, 1, 0, 1])))
print(torch.nonzero(torch.tensor([[0.6, 0.0, 0.0, 0.0],
                                  [0.0, 0.4, 0.0, 0.0],
                                  [0.0, 0.0, 1.2, 0.0],
                                  [0.0, 0.0, 0.0, -0.4]])))
print(torch.nonzero(torch.tensor([1, 1, 1, 0, 1]), as_tuple=True))
print(torch.argwhere(torch.tensor([[1, 0, 1], [0, 1, 1]])))

x = torch.randn(3, 4)
mask = x.ge(0.5)
print(mask)
print(torch.masked_select(x, mask))

a = torch.randn(4)
print(a)
print(torch.clamp(a, min=-0.5, max=0.5))
min = torch.linspace(-1, 1, steps=4)
print(torch.clamp(a, min=min))
