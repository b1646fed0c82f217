import torch

print(torch.tensor([1, -20, 300]))
print(torch.tensor([[1, 2], [30, -4]]))
print(torch.tensor([1000000, 2]))
print(torch.tensor([True, False, True]))
print(torch.tensor(True))
print(torch.tensor([[True], [False]]))
print(torch.tensor([-5]))
print(torch.arange(3) * 1000000000000)
print(torch.tensor([1, 2]) > 1)
print(torch.tensor([1.0, 2.0]) == torch.tensor([1.0, 3.0]))
