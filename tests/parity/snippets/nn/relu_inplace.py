import torch
import torch.nn as nn

x = torch.tensor([-1.0, 2.0, -3.0, 4.0], requires_grad=True)
h = x * 2
out = nn.ReLU(inplace=True)(h)
print(out is h, out, h._version)
out.sum().backward()
print(x.grad)

x.grad = None
s = x.sigmoid()
r = nn.ReLU(inplace=True)(s)
print(r.grad_fn.name())
try:
    r.sum().backward()
except RuntimeError as e:
    print("RuntimeError", e)

x.grad = None
e = x.exp()
nn.ReLU(inplace=True)(e)
try:
    e.sum().backward()
except RuntimeError as err:
    print("RuntimeError", err)
try:
    nn.ReLU(inplace=True)(x)
except RuntimeError as err:
    print("RuntimeError", err)
