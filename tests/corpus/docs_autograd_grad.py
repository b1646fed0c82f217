# Mirrors: PyTorch docs, "torch.autograd.grad" and "torch.autograd.backward", allow_unused and grad_outputs (https://pytorch.org/docs/stable/generated/torch.autograd.grad.html)
import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = torch.tensor([4.0, 5.0, 6.0], requires_grad=True)
z = (x * y).sum()
gx, gy = torch.autograd.grad(z, (x, y))
print(gx, gy)
u = torch.tensor(1.0, requires_grad=True)
out = x.pow(2)
print(torch.autograd.grad(out, x, grad_outputs=torch.ones_like(out), retain_graph=True))
try:
    torch.autograd.grad(out.sum(), [x, u], retain_graph=True)
except RuntimeError as err:
    print("RuntimeError:", err)
print(torch.autograd.grad(out.sum(), [x, u], allow_unused=True, retain_graph=True))
print(torch.autograd.grad(out.sum(), [x, u], allow_unused=True, materialize_grads=True))
a = torch.tensor([2.0], requires_grad=True)
b = a * 3
torch.autograd.backward([b], [torch.tensor([1.0])])
print(a.grad)
try:
    torch.autograd.grad((x * 2), x)
except RuntimeError as err:
    print("RuntimeError:", err)
print(x.grad, y.grad)
