import torch

print(torch.tensor(3.25))
print(torch.tensor(-2))
print(torch.tensor([1.5, -2.25, 3.0]))
print(torch.tensor([[1.0, 2.0], [3.0, 4.5]]))
print(torch.arange(12.0).reshape(2, 3, 2))
print(torch.arange(16).reshape(2, 2, 2, 2))
print(torch.tensor([[1], [2]]))
print(torch.zeros(1, 1, 1))
print(torch.tensor([[True, False], [False, True]]))
print(torch.tensor([[-1.5, 2.0]], dtype=torch.float64))
print(torch.tensor([1.0, 2.0, 3.0]).reshape(3, 1))
