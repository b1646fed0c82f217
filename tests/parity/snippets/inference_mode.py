import torch

x = torch.ones(2, requires_grad=True)
with torch.inference_mode():
    y = x * 2
    print(y.requires_grad, y.is_inference(), torch.is_inference_mode_enabled(), torch.is_grad_enabled())
print(y.requires_grad, y.is_inference(), x.is_inference(), torch.is_inference_mode_enabled())
try:
    (x * y).sum().backward()
except RuntimeError as e:
    print(e)
try:
    y.requires_grad_()
except RuntimeError as e:
    print(e)
try:
    y.add_(1)
except RuntimeError as e:
    print(e)
z = y * 2
print(z.is_inference(), z.requires_grad)
with torch.inference_mode(False):
    print(torch.is_inference_mode_enabled())


@torch.inference_mode()
def f(t):
    return t * 3


print(f(x).is_inference())


@torch.inference_mode
def g(t):
    return t * 3


print(g(x).requires_grad)
print(torch.inference_mode())
with torch.inference_mode():
    w = torch.zeros(2)
    print(w.is_inference())
    w.add_(1)
    print(w)
print(torch.zeros(1).is_inference(), y.clone().is_inference())
print(y)
