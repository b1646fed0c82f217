import torch
import torch.nn as nn
import torch.nn.functional as F

x = torch.arange(16.0).reshape(1, 1, 4, 4).requires_grad_()
p = nn.MaxPool2d(2)(x)
print(p, p.shape)
p.sum().backward()
print(x.grad)
print(F.max_pool2d(x, kernel_size=3, stride=1))
print(F.max_pool2d(x, 2, stride=2, padding=1).shape)

z = nn.ZeroPad2d((1, 0, 2, 0))(torch.ones(1, 1, 2, 2))
print(z)
print(F.pad(torch.ones(1, 2, 2), (1, 1)).shape)
print(nn.Flatten()(torch.zeros(2, 3, 4, 5)).shape)
print(nn.Flatten(0, 1)(torch.zeros(2, 3, 4)).shape)
print(torch.flatten(torch.zeros(2, 3, 4), 1).shape)
