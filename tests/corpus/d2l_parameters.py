# Mirrors: d2l.ai, Builders' Guide, 6.2 "Parameter Management" and 6.3 "Parameter Initialization" (https://d2l.ai/chapter_builders-guide/parameters.html)
import torch
from torch import nn

torch.manual_seed(0)
net = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))
X = torch.ones(2, 4)
print(net(X).shape)
print(net[2].state_dict().keys())
print(type(net[2].bias).__name__, net[2].bias.shape)
print(net[2].weight.grad is None)
print([(name, param.shape) for name, param in net.named_parameters()])

shared = nn.Linear(8, 8)
net = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), shared, nn.ReLU(), shared, nn.ReLU(), nn.Linear(8, 1))
net(X)
print(net[2].weight.data[0] == net[4].weight.data[0])
net[2].weight.data[0, 0] = 100
print(net[2].weight.data[0] == net[4].weight.data[0])
print(len(list(net.parameters())))


def init_constant(module):
    if type(module) is nn.Linear:
        nn.init.constant_(module.weight, 1)
        nn.init.zeros_(module.bias)


net = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 1))
net.apply(init_constant)
print(net[0].weight.data[0], net[0].bias.data[0])


def init_xavier(module):
    if type(module) is nn.Linear:
        nn.init.xavier_uniform_(module.weight)


def init_42(module):
    if type(module) is nn.Linear:
        nn.init.constant_(module.weight, 42)


net[0].apply(init_xavier)
net[2].apply(init_42)
print(net[2].weight.data)
print(net(X))
net[0].weight.data[:] += 1
net[0].weight.data[0, 0] = 42
print(net[0].weight.data[0])
