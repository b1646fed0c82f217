import torch
import torch.nn as nn
import torch.nn.functional as F

x = torch.zeros(2, 4, 9, 9)
for kwargs in [
    dict(kernel_size=3),
    dict(kernel_size=3, padding=1),
    dict(kernel_size=3, stride=2),
    dict(kernel_size=3, stride=2, padding=1),
    dict(kernel_size=(3, 1), padding=(1, 0)),
    dict(kernel_size=3, dilation=2),
    dict(kernel_size=3, groups=2),
    dict(kernel_size=5, padding="same"),
    dict(kernel_size=4, padding="valid"),
    dict(kernel_size=1, stride=3),
]:
    conv = nn.Conv2d(4, 6, **kwargs)
    print(kwargs, "->", tuple(conv(x).shape), tuple(conv.weight.shape))
print(F.conv2d(torch.zeros(1, 2, 5, 5), torch.zeros(3, 2, 2, 2)).shape)
print(F.conv2d(torch.zeros(2, 5, 5), torch.zeros(3, 2, 2, 2)).shape)
print(F.conv2d(torch.zeros(1, 4, 6, 6), torch.zeros(4, 1, 3, 3), groups=4).shape)
