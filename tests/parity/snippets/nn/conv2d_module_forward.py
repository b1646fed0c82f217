import torch
import torch.nn as nn

conv = nn.Conv2d(1, 2, kernel_size=2, stride=1, padding=0)
with torch.no_grad():
    conv.weight.copy_(torch.tensor([[[[1.0, 0.0], [0.0, -1.0]]], [[[0.5, 0.5], [0.5, 0.5]]]]))
    conv.bias.fill_(1.0)
image = torch.tensor([[[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]]]])
out = conv(image)
print(out)
out.mean().backward()
print(conv.weight.grad)
print(conv.bias.grad)
print(conv.weight.shape, conv.bias.shape, conv.kernel_size, conv.stride, conv.padding)
fan_in = 1 * 2 * 2
fresh = nn.Conv2d(1, 2, 2)
print(bool((fresh.weight.abs() <= 1 / fan_in**0.5).all()), bool((fresh.bias.abs() <= 1 / fan_in**0.5).all()))
