import torch

a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
b = torch.tensor([4.0, 5.0], requires_grad=True)
for indexing in ("ij", "xy"):
    grids = torch.meshgrid(a, b, indexing=indexing)
    print(indexing, grids, [g.stride() for g in grids], [g._is_view() for g in grids])
gx, gy = torch.meshgrid([a, b], indexing="ij")
(gx * gy).sum().backward()
print(a.grad, b.grad)
print(torch.broadcast_to(a, (2, 3)), a.broadcast_to(2, 3).stride())
print(torch.broadcast_tensors(a.view(3, 1), b), torch.broadcast_tensors(a, torch.tensor(1.0))[1].stride())
print(
    torch.atleast_1d(torch.tensor(1.0)),
    torch.atleast_2d(a),
    torch.atleast_3d(a).shape,
    torch.atleast_3d(torch.ones(2, 3)).shape,
)
print(torch.atleast_2d(a, b)[1].shape, torch.atleast_2d(a).grad_fn.name(), torch.atleast_1d(a) is a)
x = torch.arange(12.0).view(3, 4).requires_grad_()
d = x.diagonal()
print(d, d.grad_fn.name(), d.stride(), d._is_view(), torch.diagonal(x, 1), torch.diagonal(x, -1), x.diagonal(5).shape)
print(torch.arange(24.0).view(2, 3, 4).diagonal(0, 1, 2), torch.arange(24.0).view(2, 3, 4).diagonal(1, 0, 2).stride())
(d * torch.tensor([1.0, 2.0, 3.0])).sum().backward()
print(x.grad)
v = torch.zeros(3, 3)
v.diagonal().fill_(7)
print(v)
t = x.trace()
print(
    t,
    t.grad_fn.name(),
    torch.trace(torch.arange(9).view(3, 3)),
    torch.diag_embed(a),
    torch.diag_embed(a).grad_fn.name(),
)
r = x.rot90()
print(r, r.grad_fn.name(), torch.rot90(x, 2, [0, 1]), torch.rot90(x, -1, (1, 0)).shape)
print(x.unflatten(1, (2, 2)).shape, x.unflatten(-1, (2, -1)).stride(), torch.unflatten(x, 0, (3, 1)).shape)
print(torch.take_along_dim(x, torch.tensor([[0], [3], [2]]), 1), torch.take_along_dim(x, torch.tensor([11, 0])))
print(torch.take_along_dim(x, torch.tensor([[1, 0, 2, 1]]), dim=0), x.argmax(1, keepdim=True))
print(torch.take_along_dim(x, x.argmax(1, keepdim=True), dim=1).grad_fn.name())
try:
    torch.meshgrid(a, b, indexing="yx")
except RuntimeError as error:
    print("RuntimeError:", error)
try:
    x.diagonal(0, 1, 1)
except RuntimeError as error:
    print("RuntimeError:", error)
