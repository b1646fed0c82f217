# Mirrors: d2l.ai, Builders' Guide, 6.5 "Custom Layers" (https://d2l.ai/chapter_builders-guide/custom-layer.html)
import torch
from torch import nn
from torch.nn import functional as F


class CenteredLayer(nn.Module):
    def __init__(self):
        super().__init__()

    def forward(self, X):
        return X - X.mean()


layer = CenteredLayer()
print(layer(torch.tensor([1.0, 2, 3, 4, 5])))
net = nn.Sequential(nn.Linear(8, 128), CenteredLayer())
Y = net(torch.ones(4, 8))
print(Y.mean().abs() < 1e-6)


class MyLinear(nn.Module):
    def __init__(self, in_units, units):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(in_units, units) * 0.5)
        self.bias = nn.Parameter(torch.zeros(units))

    def forward(self, X):
        linear = torch.matmul(X, self.weight.data) + self.bias.data
        return F.relu(linear)


linear = MyLinear(5, 3)
print(linear.weight)
print(linear(torch.tensor([[1.0, -2.0, 0.5, 0.0, 1.0], [0.0, 0.0, 0.0, 0.0, -1.0]])))
net = nn.Sequential(MyLinear(64, 8), MyLinear(8, 1))
print(net(torch.ones(2, 64)))
print(net)
