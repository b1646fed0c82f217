import torch
import torch.nn.functional as F

# With square kernels and equal stride
filters = torch.randn(8, 4, 3, 3)
weiths = torch.nn.Parameter(torch.randn(8, 4, 3, 3))
inputs = torch.randn(1, 4, 5, 5)
out = F.conv2d(inputs, weiths, stride=2, padding=1)
print(out.shape)
con2d = torch.nn.Conv2d(4, 8, 3, stride=2, padding=1)
out_2 = con2d(inputs)
print(out_2.shape)
print(out.requires_grad, out.grad_fn.name(), out_2.grad_fn.name())
print(weiths.shape, type(weiths).__name__, weiths.requires_grad)
