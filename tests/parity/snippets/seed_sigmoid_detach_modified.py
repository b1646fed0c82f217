import torch

a = torch.tensor([1, 2, 3.], requires_grad=True)
print(a.grad)
out = a.sigmoid()
print(out)

c = out.detach()
print(c)

c.zero_()
print(c)
print(out)

try:
    out.sum().backward()
except RuntimeError as e:
    print(e)
