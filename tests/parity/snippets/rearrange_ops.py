import torch

x = torch.arange(12.0).view(3, 4).requires_grad_()
for name, y in [
    ("flip", x.flip(0, 1)),
    ("flip list", torch.flip(x, [0])),
    ("fliplr", x.fliplr()),
    ("flipud", x.flipud()),
    ("roll", x.roll(1)),
    ("roll dims", x.roll((1, -1), (0, 1))),
    ("roll keyword", torch.roll(x, shifts=1, dims=1)),
    ("repeat", x.repeat(1, 2)),
    ("tile", x.tile((2,))),
    ("repeat_interleave", x.repeat_interleave(2, dim=0)),
    ("tril", x.tril()),
    ("triu", torch.triu(x, 1)),
]:
    print(name, y, y.grad_fn.name(), y._is_view())
print(x.repeat(1, 2, 1).shape, torch.arange(3).repeat(2, 2), torch.arange(2).tile((2, 2)))
print(torch.arange(3).repeat_interleave(torch.tensor([1, 2, 0])), torch.repeat_interleave(torch.tensor([2, 1])))
print(x.repeat_interleave(2).shape, x.repeat_interleave(torch.tensor([1, 0, 2]), dim=0).grad_fn.name())
print(
    torch.hstack([torch.tensor(1.0), torch.tensor([2.0, 3.0])]), torch.vstack([torch.tensor([1.0, 2.0]), torch.ones(2)])
)
print(
    torch.dstack([torch.tensor([1.0, 2.0]), torch.tensor([2.0, 3.0])]),
    torch.column_stack([torch.tensor([1.0, 2.0]), torch.ones(2, 2)]),
)
print(torch.hstack([x, x]).grad_fn.name(), torch.vstack([x, x]).shape, torch.row_stack([x[0], x[1]]).shape)
a, b = torch.tensor([1.0, 2.0], requires_grad=True), torch.tensor([3.0, 4.0, 5.0])
o = torch.outer(a, b)
print(o, o.grad_fn.name(), torch.ger(a, b).shape, torch.outer(torch.tensor([1, 2]), torch.tensor([3, 4])))
c = torch.cross(
    torch.tensor([[1.0, 0.0, 0.0], [1.0, 2.0, 3.0]]), torch.tensor([[0.0, 1.0, 0.0], [4.0, 5.0, 6.0]]), dim=1
)
print(c, torch.linalg.cross(torch.tensor([1.0, 0.0, 0.0]), torch.tensor([0.0, 0.0, 1.0])))
print(torch.cross(x[:, :3], x[:, 1:], dim=1).grad_fn.name())
d1 = torch.diag(a)
d2 = torch.diag(x, 1)
print(d1, d1.grad_fn.name(), d2, d2.grad_fn.name())
(d2.sum() + x.flip(0)[0, 0] * 10).backward()
print(x.grad)
try:
    x.repeat(2)
except RuntimeError as error:
    print("RuntimeError:", error)
try:
    torch.arange(3).fliplr()
except RuntimeError as error:
    print("RuntimeError:", error)
