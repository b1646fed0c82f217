# Mirrors: PyTorch docs, "torch.autograd.grad", "Tensor.register_hook" and "Tensor.retain_grad" examples (https://pytorch.org/docs/stable/generated/torch.Tensor.register_hook.html)
import torch

v = torch.tensor([0.0, 0.0, 0.0], requires_grad=True)
h = v.register_hook(lambda grad: grad * 2)
v.backward(torch.tensor([1.0, 2.0, 3.0]))
print(v.grad)
h.remove()

x = torch.tensor([2.0, 3.0], requires_grad=True)
y = x**2
z = (y * 3).sum()
(gx,) = torch.autograd.grad(z, x, retain_graph=True)
print(gx)
(gy,) = torch.autograd.grad(z, y)
print(gy)

a = torch.tensor([1.0, 2.0], requires_grad=True)
b = a * 2
b.retain_grad()
c = b.sum()
c.backward()
print(b.grad, b.is_leaf, b.retains_grad)

u = torch.tensor([1.0, 2.0], requires_grad=True)
w = u * 3
try:
    torch.autograd.grad(w.sum(), [u, torch.ones(2, requires_grad=True)])
except RuntimeError as e:
    print(e)
print(torch.autograd.grad((u * 3).sum(), [u, torch.ones(2, requires_grad=True)], allow_unused=True))
print(torch.autograd.grad((u * 3).sum(), [u, torch.ones(2, requires_grad=True)], materialize_grads=True))
