import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.weight = nn.Parameter(torch.tensor([1.0, 2.0]))
        self.scale = torch.tensor([3.0])
        self.layer = nn.Linear(2, 1)
        self.register_buffer("running", torch.zeros(2))
        self.derived = nn.Parameter(torch.ones(1)) * 2

    def forward(self, x):
        return self.layer(x * self.weight)


net = Net()
print([name for name, _ in net.named_parameters()])
print([name for name, _ in net.named_buffers()])
print([name for name, _ in net.named_children()])
print(type(net.derived).__name__, net.derived.is_leaf)
print(len(list(net.parameters())))

try:
    net.weight = torch.tensor([5.0, 6.0])
except Exception as e:
    print(type(e).__name__, e)
net.weight = nn.Parameter(torch.tensor([5.0, 6.0]))
print(net.weight)
net.weight = None
print(net.weight, [name for name, _ in net.named_parameters()])
del net.layer
print([name for name, _ in net.named_parameters()])
try:
    print(net.layer)
except Exception as e:
    print(type(e).__name__, e)
