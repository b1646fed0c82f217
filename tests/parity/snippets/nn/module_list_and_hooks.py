import torch
import torch.nn as nn


class Stack(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.ModuleList([nn.Linear(2, 2) for _ in range(3)])

    def forward(self, x):
        for layer in self.layers:
            x = layer(x)
        return x


net = Stack()
with torch.no_grad():
    for i, layer in enumerate(net.layers):
        layer.weight.copy_(torch.eye(2) * (i + 1))
        layer.bias.fill_(float(i))
print(len(net.layers), [name for name, _ in net.named_parameters()])


def report(module, inputs, output):
    print("hook:", type(module).__name__, inputs[0], output)


handle = net.layers[1].register_forward_hook(report)
print(net(torch.tensor([[1.0, -1.0]])))
handle.remove()
print(net(torch.tensor([[1.0, -1.0]])))
net.layers.append(nn.ReLU())
print(net.layers)
print(net.layers[-1], len(net.layers))
