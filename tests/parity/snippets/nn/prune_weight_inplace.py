import torch
import torch.nn as nn

conv = nn.Conv2d(2, 3, 1)
try:
    conv.weight[0] = 0
except RuntimeError as e:
    print("RuntimeError", e)
try:
    conv.bias.zero_()
except RuntimeError as e:
    print("RuntimeError", e)
with torch.no_grad():
    conv.weight[0] = 0
    conv.bias.zero_()
print(conv.weight[0], conv.weight.is_leaf, conv.weight.requires_grad)
print(conv.bias, conv.weight._version, conv.bias._version)
print(conv.weight.grad_fn, type(conv.weight).__name__)
