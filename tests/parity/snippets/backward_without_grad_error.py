import torch

x = torch.ones(2)
y = (x * 2).sum()
print(y.requires_grad, y.grad_fn)
try:
    y.backward()
except Exception as e:
    print(type(e).__name__, e)

w = torch.ones(2, requires_grad=True)
with torch.no_grad():
    z = (w * 2).sum()
try:
    z.backward()
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.autograd.grad(z, w)
except Exception as e:
    print(type(e).__name__, e)
d = (w * 2).sum().detach()
try:
    d.backward()
except Exception as e:
    print(type(e).__name__, e)
