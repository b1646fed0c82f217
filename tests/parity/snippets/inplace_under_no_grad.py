import torch

w = torch.tensor([1.0, 2.0], requires_grad=True)
loss = (w * w).sum()
loss.backward()
print(w.grad)

with torch.no_grad():
    w -= 0.1 * w.grad
print(w, w.is_leaf, w.requires_grad, w._version)

with torch.no_grad():
    w.add_(1)
    w.mul_(0.5)
    w.zero_()
    w.fill_(2.0)
    w.clamp_(0, 1)
print(w, w.grad_fn, w._version)

v = w - 0.1 * w.grad
print(v.is_leaf, v.grad_fn.name())

with torch.no_grad():
    y = w * 2
    y.add_(1)
print(y, y.requires_grad)
