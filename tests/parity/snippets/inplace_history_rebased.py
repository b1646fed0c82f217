import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x * 2
print(y.grad_fn.name(), y._version)
y.add_(1)
print(y.grad_fn.name(), y._version)
print(y.grad_fn.next_functions[0][0].name())
y.mul_(2)
print(y.grad_fn.name(), y._version)
y.sum().backward()
print(x.grad)

x.grad = None
z = x * 1
z[0] = 0.0
print(z, z.grad_fn.name())
z.sum().backward()
print(x.grad)

x.grad = None
base = x * 1
view = base[1:]
view.mul_(3)
print(base, base.grad_fn.name())
print(view, view.grad_fn.name())
base.sum().backward()
print(x.grad)

plain = torch.zeros(3)
plain[1] = x[0] * 5
print(plain, plain.requires_grad, plain.is_leaf, plain.grad_fn.name())
plain.sum().backward()
print(x.grad)
