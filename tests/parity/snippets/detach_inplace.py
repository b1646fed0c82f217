import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 2
print(y.is_leaf, y.grad_fn.name())
r = y.detach_()
print(r is y)
print(y, y.is_leaf, y.requires_grad, y.grad_fn)

v = (x * 3).view(2)
try:
    v.detach_()
except Exception as e:
    print(type(e).__name__, e)

leaf = torch.tensor([1.0], requires_grad=True)
leaf.detach_()
print(leaf.requires_grad, leaf.is_leaf)
