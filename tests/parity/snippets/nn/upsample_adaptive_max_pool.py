"""F.interpolate / nn.Upsample (nearest, 1-d and 2-d, size or scale factor) and F.adaptive_max_pool2d /
nn.AdaptiveMaxPool2d: printing, values, grad_fn names, gradients, indices."""

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
input = torch.arange(1, 5, dtype=torch.float32).view(1, 1, 2, 2).requires_grad_()
m = nn.Upsample(scale_factor=2, mode='nearest')
print(m, nn.Upsample(size=(3, 4)), nn.Upsample(scale_factor=(2, 1.5)))
out = m(input)
print(out)
(out * torch.arange(16.).view(1, 1, 4, 4)).sum().backward()
print(input.grad)
print(F.interpolate(input, size=(3, 3), mode='nearest'))
print(F.interpolate(input, scale_factor=1.5))
x = torch.randn(2, 3, 5, requires_grad=True)
y = F.interpolate(x, size=8)
print(y, y.grad_fn)
y.sum().backward()
print(x.grad)
print(F.interpolate(torch.randn(1, 2, 7, 5), scale_factor=0.5).shape)
print(F.interpolate(torch.randn(1, 2, 7, 5), size=(3, 9))[0, 0])
m = nn.AdaptiveMaxPool2d((2, 3))
x = torch.randn(1, 2, 5, 7, requires_grad=True)
out = m(x)
print(m, out, out.grad_fn)
out.sum().backward()
print(x.grad[0, 0])
print(F.adaptive_max_pool2d(torch.randn(2, 4, 4), 2, return_indices=True))
print(nn.AdaptiveMaxPool2d((None, 2))(torch.randn(1, 1, 3, 4)).shape)
print(nn.AdaptiveMaxPool2d(3)(torch.randn(1, 1, 8, 9)).shape)
print(F.adaptive_max_pool2d(torch.tensor([[[1., 3.], [3., 2.]]]), 1, return_indices=True))
