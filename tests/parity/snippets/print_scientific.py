# exact values: literals and single correctly rounded operations, some on purpose next to a printing threshold
import torch

print(torch.tensor([1e-5, 1.0]))
print(torch.tensor([1e10, 1.0]))
print(torch.tensor([123456789.0]))
print(torch.tensor([1e8, 1e-8]))
print(torch.tensor(1e-10))
print(torch.tensor(1e20))
print(torch.tensor([0.0001, 0.001]))
print(torch.tensor([100000.0, 1.0]))
print(torch.tensor([1e-5, 1e-6, 0.0]))
print(torch.tensor([2e9, -3e9, 1.5]))
print(torch.tensor([[1e-5, 2.0], [3.0, 4e5]]))
print(torch.tensor([1e-4, 1e4], dtype=torch.float64))
print(torch.tensor([123456, 1]))
print(torch.tensor([1e-5, 1.0], requires_grad=True))
