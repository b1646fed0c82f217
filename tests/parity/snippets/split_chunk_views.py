import torch

base = torch.arange(12.0)
x = base.view(3, 4)
parts = x.split(2, dim=1)
print(parts, [p.stride() for p in parts], [p._is_view() for p in parts], parts[1]._base is base)
parts[1][0, 0] = 100
print(x[0], base._version, parts[0]._version)
print(x.split([1, 2]), torch.split(x, 3, dim=1))
print(torch.arange(5).chunk(3), torch.arange(6).chunk(4), x.chunk(2, 1)[1].shape, torch.chunk(x, 5)[2])
print(x.tensor_split(3, dim=1), torch.tensor_split(torch.arange(7), [2, 5]))
print(x.narrow(0, -1, 1), torch.narrow(x, 1, 1, 2).stride(), x.narrow(1, 1, 2)._is_view())
print(
    x.movedim(0, 1).shape,
    torch.zeros(2, 3, 4).movedim(0, -1).stride(),
    torch.zeros(2, 3, 4).moveaxis((0, 1), (2, 0)).shape,
)
print(x.swapaxes(0, 1).stride(), torch.swapdims(x, 0, 1).is_contiguous(), x.swapdims(0, 1)._is_view())
y = torch.zeros(2, 1, 3, 1, requires_grad=True)
sq = y.squeeze((1, 3))
print(sq.shape, sq.grad_fn.name(), sq.grad_fn._saved_dim, y.squeeze((0, 1)).shape, torch.squeeze(y, [1, -1]).shape)
leaf = torch.ones(2, 3, requires_grad=True)
w = leaf * 2
pieces = w.split(1)
print(
    pieces[0].grad_fn.name(),
    pieces[0].grad_fn is pieces[1].grad_fn,
    pieces[1].output_nr,
    pieces[0].grad_fn._saved_split_size,
)
sized = w.split([1, 1])
print(
    sized[0].grad_fn.name(),
    sized[0].grad_fn._saved_split_sizes,
    w.chunk(2)[0].grad_fn.name(),
    w.tensor_split(2)[0].grad_fn.name(),
)
(pieces[1] * 3).sum().backward()
print(leaf.grad)
u = leaf * 1
u.unsqueeze_(0)
print(u.shape, u.grad_fn.name(), u._version)
u.squeeze_()
print(u.shape, u.grad_fn.name())
u.t_()
print(u.shape, u.grad_fn.name(), u.stride())
u.transpose_(0, 1)
print(u.shape, u.grad_fn.name(), u._version)
try:
    leaf.unsqueeze_(0)
except RuntimeError as error:
    print("RuntimeError:", error)
for bad in (lambda: x.split([1, 1]), lambda: x.split(0), lambda: x.chunk(0), lambda: x.narrow(1, 3, 2)):
    try:
        bad()
    except RuntimeError as error:
        print("RuntimeError:", error)
