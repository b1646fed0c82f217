import torch

# autograd.grad runs only what it needs: the nodes below the requested input are kept.
x = torch.ones(3, requires_grad=True)
y = x * x
z = y * 2
print(torch.autograd.grad(z.sum(), y))
y.sum().backward()
print(x.grad)

# the same input twice
x = torch.ones(3, requires_grad=True)
print(torch.autograd.grad((x * 2).sum(), [x, x]))

# a leaf's hooks apply in autograd.grad, a non-leaf's too
x = torch.ones(3, requires_grad=True)
x.register_hook(lambda g: g * 10)
print(torch.autograd.grad((x * 2).sum(), x), x.grad)
y = torch.ones(3, requires_grad=True) * 2
y.register_hook(lambda g: g * 100)
print(torch.autograd.grad((y * 3).sum(), [y]))

# retain_grad's hook runs in autograd.grad as well
x = torch.ones(3, requires_grad=True)
y = x * 2
y.retain_grad()
print(torch.autograd.grad((y * y).sum(), x), y.grad)

# backward(inputs=non-leaf) runs that node and retains its grad
x = torch.ones(3, requires_grad=True)
y = x * 2
z = y * 3
z.sum().backward(inputs=[y])
print(y.grad, y.retains_grad, x.grad)
try:
    (y * 4).sum().backward()
except RuntimeError as e:
    print(type(e).__name__, str(e)[:60])

# the version of .grad after backward
for name, make in [("x * 2", lambda x: (x * 2).sum()), ("x.sum()", lambda x: x.sum()),
                   ("x + x", lambda x: (x + x).sum()), ("x.mean()", lambda x: x.mean()),
                   ("x + 1", lambda x: (x + 1).sum()), ("x.exp()", lambda x: x.exp().sum()),
                   ("x[0]", lambda x: x[0].sum()), ("x.sum(0)", lambda x: x.sum(0).sum())]:
    x = torch.ones(2, 3, requires_grad=True)
    make(x).backward()
    first = x.grad._version
    make(x).backward()
    print(name, first, x.grad._version)
g = torch.ones(3)
x = torch.ones(3, requires_grad=True)
(x + 0).backward(g)
print("user gradient", x.grad._version, x.grad is g)
x = torch.ones(3, requires_grad=True)
y = x * 2
y.retain_grad()
y.sum().backward()
print("retain_grad", y.grad._version)
