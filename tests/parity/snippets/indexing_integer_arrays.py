import torch

x = torch.tensor([10.0, 20.0, 30.0, 40.0], requires_grad=True)
y = x[[0, 2]]
print(y, y.grad_fn.name())
y.sum().backward()
print(x.grad)

x.grad = None
idx = torch.tensor([3, 3, 0])
z = x[idx]
print(z)
z.sum().backward()
print(x.grad)

m = torch.arange(9.0).reshape(3, 3).requires_grad_()
rows = m[[0, 2]]
print(rows)
picked = m[[0, 1, 2], [2, 1, 0]]
print(picked, picked.grad_fn.name())
picked.sum().backward()
print(m.grad)

mask = x > 15
print(mask)
print(x[mask], x[mask].grad_fn.name())
print(m[m > 4])
try:
    x[[4]]
except Exception as e:
    print(type(e).__name__, e)
