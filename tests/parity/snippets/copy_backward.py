import torch

src = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
dst = torch.zeros(3)
out = dst.copy_(src)
print(out is dst, dst, dst.requires_grad, dst.is_leaf)
print(dst.grad_fn.name(), dst._version)
(dst * torch.tensor([1.0, 2.0, 3.0])).sum().backward()
print(src.grad)

row = torch.tensor([1.0, -1.0], requires_grad=True)
grid = torch.zeros(3, 2)
grid.copy_(row)
print(grid)
grid.sum().backward()
print(row.grad)

leaf = torch.zeros(3, requires_grad=True)
try:
    leaf.copy_(src)
except Exception as e:
    print(type(e).__name__, e)
with torch.no_grad():
    leaf.copy_(src)
print(leaf, leaf._version)

ints = torch.zeros(2, dtype=torch.int64)
ints.copy_(torch.tensor([1.7, -2.2]))
print(ints)
try:
    torch.zeros(2).copy_(torch.ones(3))
except Exception as e:
    print(type(e).__name__, e)
