# exact values: literals and single correctly rounded operations, some on purpose next to a printing threshold
import torch

print(torch.arange(30.0) / 7)
print(torch.arange(40))
print(torch.arange(25.0))
print(torch.arange(24.0).reshape(2, 12) * 1000)
print(torch.arange(20.0, requires_grad=True) / 3)
print(torch.arange(16, dtype=torch.float64) * 1e-6)
print(torch.tensor([True, False] * 12))
print(torch.arange(12.0).reshape(3, 4).t() * 123.456)
