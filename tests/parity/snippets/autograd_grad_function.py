import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
w = torch.tensor([2.0, 2.0, 2.0], requires_grad=True)
unused = torch.tensor([1.0], requires_grad=True)

y = (x * x * w).sum()
gx, gw = torch.autograd.grad(y, [x, w])
print(gx, gw)
print(x.grad, w.grad)

(g,) = torch.autograd.grad((x**3).sum(), x)
print(g)

out = torch.autograd.grad((x * w).sum(), inputs=(x,), retain_graph=True)
print(type(out).__name__, len(out), out[0])

try:
    torch.autograd.grad((x * 2).sum(), [x, unused])
except Exception as e:
    print(type(e).__name__, e)

gx, gu = torch.autograd.grad((x * 2).sum(), [x, unused], allow_unused=True)
print(gx, gu)

v = x * 2
print(torch.autograd.grad(v, x, grad_outputs=torch.tensor([1.0, 0.0, -1.0])))
try:
    torch.autograd.grad(v, x)
except Exception as e:
    print(type(e).__name__, e)
