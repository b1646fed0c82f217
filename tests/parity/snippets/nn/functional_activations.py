import torch
import torch.nn as nn
import torch.nn.functional as F

x = torch.tensor([[-2.0, -0.5, 0.0, 1.0]], requires_grad=True)
print(F.relu(x))
print(F.sigmoid(x))
print(torch.sigmoid(x))
print(F.softmax(x, dim=1))
print(F.log_softmax(x, dim=-1))
print(nn.ReLU()(x))
print(nn.Sigmoid()(x))
print(nn.Tanh()(x))
print(nn.Softmax(dim=1)(x))
y = nn.Sequential(nn.ReLU(), nn.Sigmoid())(x)
print(y)
y.sum().backward()
print(x.grad)
print(F.pad(torch.ones(1, 1, 2, 2), (1, 0, 0, 1)))
print(nn.Flatten()(torch.arange(8.0).reshape(2, 2, 2)))
