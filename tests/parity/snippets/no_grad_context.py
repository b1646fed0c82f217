import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
print(torch.is_grad_enabled())
with torch.no_grad():
    print(torch.is_grad_enabled())
    y = x * 2
    z = torch.ones(2, requires_grad=True)
    w = x[0]
    v = x.view(2, 1)
print(torch.is_grad_enabled())
print(y, y.requires_grad, y.is_leaf, y.grad_fn)
print(z, z.requires_grad, z.is_leaf)
print(w.requires_grad, v.requires_grad, v._is_view())

before = x * 3
with torch.no_grad():
    after = before + 1
print(before.requires_grad, after.requires_grad)

with torch.no_grad():
    with torch.enable_grad():
        inner = x * 2
        print(torch.is_grad_enabled())
    outer = x * 2
print(inner.requires_grad, outer.requires_grad)
print(type(torch.no_grad()).__name__)
