import torch

print(torch.arange(5))
print(torch.arange(1, 4))
print(torch.arange(0, 1, 0.25))
print(torch.arange(5.0))
print(torch.arange(10, 0, -3))
print(torch.arange(3, dtype=torch.float32))
print(torch.arange(4).dtype, torch.arange(4.0).dtype, torch.arange(0, 2, 0.5).dtype)
print(torch.arange(6).reshape(2, 3))
print(torch.arange(0, 1, 0.1))
print(torch.arange(0.0, 3.0, requires_grad=True))
