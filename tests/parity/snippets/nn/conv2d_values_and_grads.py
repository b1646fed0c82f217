import torch
import torch.nn.functional as F

x = torch.arange(32.0).reshape(1, 2, 4, 4).requires_grad_()
w = (torch.arange(36.0).reshape(2, 2, 3, 3) / 8 - 2).requires_grad_()
b = torch.tensor([0.5, -1.0], requires_grad=True)

out = F.conv2d(x, w, b, padding=1)
print(out)
print(out.grad_fn.name())
(out * torch.arange(32.0).reshape(1, 2, 4, 4)).sum().backward()
print(x.grad)
print(w.grad)
print(b.grad)

x.grad = w.grad = None
out2 = F.conv2d(x, w[:, :1], stride=2, dilation=1, groups=2)
print(out2)
out2.sum().backward()
print(x.grad)
print(w.grad[:, :1])
