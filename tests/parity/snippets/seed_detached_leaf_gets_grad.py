import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 3
d = y.detach()
d.requires_grad = True
print(d.is_leaf, d.requires_grad, d.grad_fn)
loss = (d * d).sum() + y.sum()
loss.backward()
print(d.grad)
print(x.grad)
print(y.requires_grad, d.requires_grad)
