import torch
import torch.nn as nn

a = nn.Parameter(torch.tensor([1.0, 2.0]))
b = nn.Parameter(torch.tensor([3.0]))
opt = torch.optim.SGD([a, b], lr=1.0)
(a * 2).sum().backward()
print(a.grad, b.grad)
opt.step()
print(a.detach(), b.detach(), b._version)
opt.zero_grad()
print(a.grad, b.grad)
(a * 3).sum().backward()
opt.zero_grad(set_to_none=False)
print(a.grad, b.grad)

c = torch.tensor([1.0], requires_grad=True) * 2
try:
    torch.optim.SGD([c], lr=0.1)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.optim.SGD(torch.ones(2, requires_grad=True), lr=0.1)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.optim.SGD([], lr=0.1)
except Exception as e:
    print(type(e).__name__, e)
