import torch

print(torch.arange(1001))
print(torch.arange(2000.0))
print(torch.arange(10000.0).reshape(100, 100))
print(torch.arange(1200).reshape(3, 20, 20))
print(torch.ones(1001, requires_grad=True) * 2)
print(torch.arange(1000))
