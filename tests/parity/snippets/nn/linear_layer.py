import torch
import torch.nn as nn
import torch.nn.functional as F

layer = nn.Linear(3, 2)
print(layer.weight.shape, layer.bias.shape, layer.in_features, layer.out_features)
bound = 1 / 3**0.5
print(bool((layer.weight.abs() <= bound).all()), bool((layer.bias.abs() <= bound).all()))
with torch.no_grad():
    layer.weight.copy_(torch.tensor([[1.0, 0.0, -1.0], [0.5, 0.5, 0.5]]))
    layer.bias.copy_(torch.tensor([0.1, -0.1]))
x = torch.tensor([[1.0, 2.0, 3.0], [0.0, -1.0, 1.0]])
y = layer(x)
print(y)
y.sum().backward()
print(layer.weight.grad)
print(layer.bias.grad)
print(F.linear(x, layer.weight, layer.bias))
print(F.linear(x, layer.weight))
print(layer(torch.ones(3)))
print(nn.Linear(3, 2, bias=False).bias)
try:
    layer(torch.ones(2, 4))
except Exception as e:
    print(type(e).__name__, e)
