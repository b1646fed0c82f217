# Mirrors: PyTorch docs, "nn.Linear", "nn.ReLU", "nn.Softmax", "nn.Flatten" and "nn.Sequential" examples (https://pytorch.org/docs/stable/generated/torch.nn.Linear.html)
from collections import OrderedDict

import torch
import torch.nn as nn

m = nn.Linear(20, 30)
input = torch.randn(128, 20)
output = m(input)
print(output.size())

m = nn.ReLU()
input = torch.tensor([-1.0, 0.0, 2.0])
print(m(input))

m = nn.Softmax(dim=1)
input = torch.tensor([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0]])
print(m(input))

input = torch.ones(32, 1, 5, 5)
m = nn.Flatten()
print(m(input).size())
m = nn.Flatten(0, 2)
print(m(input).size())

model = nn.Sequential(nn.Conv2d(1, 20, 5), nn.ReLU(), nn.Conv2d(20, 64, 5), nn.ReLU())
print(model)
model = nn.Sequential(OrderedDict([
    ("conv1", nn.Conv2d(1, 20, 5)),
    ("relu1", nn.ReLU()),
    ("conv2", nn.Conv2d(20, 64, 5)),
    ("relu2", nn.ReLU()),
]))
print(model)
print(model(torch.ones(1, 1, 12, 12)).shape)
