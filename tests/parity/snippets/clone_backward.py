import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
c = x.clone()
print(c, c.is_leaf)
print(c.data_ptr() == x.data_ptr())
(c * c).sum().backward()
print(x.grad)

a = x.clone().detach()
b = x.detach().clone()
print(a, a.requires_grad, a.is_leaf)
print(b, b.requires_grad, b.is_leaf)
print(torch.equal(a, b))

n = torch.tensor([3.0]).clone()
print(n.grad_fn, n.is_leaf)
y = x * 2
yc = y.clone()
print(yc.grad_fn.next_functions[0][0] is y.grad_fn)
