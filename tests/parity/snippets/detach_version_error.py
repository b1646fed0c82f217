import torch

a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
out = a.sigmoid()
c = out.detach()
c.zero_()
print(out)
print(out._version, c._version)
try:
    out.sum().backward()
except Exception as e:
    print(type(e).__name__, e)

b = torch.tensor([1.0, 2.0], requires_grad=True)
y = b * b
b.detach().mul_(2)
try:
    y.sum().backward()
except Exception as e:
    print(type(e).__name__, e)
