import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x * 2
d = y.detach()
print(d, d.requires_grad, d.is_leaf, d.grad_fn)
print(d.data_ptr() == y.data_ptr())
print(d.untyped_storage().data_ptr() == y.untyped_storage().data_ptr())
print(y._version, d._version)
d[0] = 100.0
print(y)
print(y._version, d._version)
d.add_(1)
print(y, y._version)

c = y.detach().clone()
c[1] = -5.0
print(y, c)
print(c.data_ptr() == y.data_ptr())

d.requires_grad_()
(d * 3).sum().backward()
print(d.grad, x.grad)
