import torch

x = torch.arange(12.0).view(3, 4).requires_grad_()
rows = torch.tensor([2, 0, 2])
s = x.index_select(0, rows)
print(s, s.grad_fn.name(), torch.index_select(x, 1, torch.tensor([3])).shape)
s.sum().backward()
print(x.grad)
src = torch.ones(2, 4, requires_grad=True)
a = x.index_add(0, torch.tensor([0, 0]), src, alpha=2)
print(a, a.grad_fn.name())
a.sum().backward()
print(src.grad)
print(x.index_copy(0, torch.tensor([0, 2]), src), x.index_fill(1, torch.tensor([0, 2]), -1))
print(x.index_fill(1, torch.tensor([0]), torch.tensor(2.0)).grad_fn.name())
w = x.detach().clone()
w.index_add_(1, torch.tensor([0, 0]), torch.ones(3, 2))
w.index_copy_(0, torch.tensor([1]), torch.zeros(1, 4))
w.index_fill_(0, torch.tensor([2]), 5)
print(w, w._version)
m = x.masked_fill(x > 5, 0.0)
print(m, m.grad_fn.name(), x.masked_fill(x > 5, torch.tensor(-1.0)).grad_fn.name())
print(x.masked_fill(torch.tensor([True, False, True, False]), 0.5))
print(torch.zeros(4).masked_fill(torch.ones(2, 4, dtype=torch.bool), 1.0))
sel = x.masked_select(x > 6)
print(sel, sel.grad_fn.name(), torch.masked_select(x, torch.tensor([True, False, True, False])))
x.grad = None
(sel * 2).sum().backward()
print(x.grad)
v = x.detach().clone()
v.masked_fill_(v < 3, 100)
print(v)
for bad in (
    lambda: x.masked_fill(torch.tensor([1, 0, 1, 0]), 0.0),
    lambda: x.masked_fill(x > 5, torch.tensor([1.0, 2.0])),
    lambda: x.masked_select(torch.tensor([1, 0, 1, 0])),
    lambda: x.index_select(0, torch.tensor([1.0])),
):
    try:
        bad()
    except RuntimeError as error:
        print("RuntimeError:", error)
for bad in (lambda: x.index_select(0, torch.tensor([[0]])), lambda: x.index_select(0, torch.tensor([5]))):
    try:
        bad()
    except IndexError as error:
        print("IndexError:", error)
