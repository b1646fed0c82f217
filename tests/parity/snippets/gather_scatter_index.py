import torch

x = torch.arange(12.0).view(3, 4).requires_grad_()
g = x.gather(1, torch.tensor([[0, 0], [1, 0], [3, 3]]))
print(g, g.grad_fn.name(), g.grad_fn._saved_dim, g.grad_fn._saved_index)
g.sum().backward()
print(x.grad)
print(torch.gather(x, 0, torch.tensor([[2, 1, 0, 2]])))
print(x.detach().scatter(1, torch.tensor([[0], [1], [2]]), 9.0))
print(
    torch.zeros(3, 5).scatter_(0, torch.tensor([[0, 1, 2, 0, 0], [2, 0, 0, 1, 2]]), torch.arange(1.0, 11.0).view(2, 5))
)
print(torch.zeros(3, dtype=torch.int64).scatter_add(0, torch.tensor([0, 0, 2]), torch.tensor([1, 2, 3])))
s = torch.ones(1, 4, requires_grad=True)
y = x.scatter(0, torch.tensor([[2, 1, 0, 1]]), s)
print(y.grad_fn.name(), x.scatter(1, torch.tensor([[0]]), 1.0).grad_fn.name())
y.sum().backward()
print(s.grad, x.grad)
z = x.scatter_add(1, torch.tensor([[0, 0]]), s[:, :2])
print(z, z.grad_fn.name())
print(x.take(torch.tensor([[0, 11], [5, 5]])), x.take(torch.tensor([1])).grad_fn.name())
for bad in (
    lambda: x.gather(0, torch.tensor([[5]])),
    lambda: x.gather(0, torch.tensor([[1.0]])),
    lambda: x.gather(0, torch.tensor([1])),
    lambda: x.gather(0, torch.tensor([[0, 1, 2, 0, 1]])),
    lambda: x.scatter(1, torch.tensor([[0], [9]]), 1.0),
    lambda: x.scatter_add(1, torch.tensor([[0], [1]]), torch.ones(1, 1)),
):
    try:
        bad()
    except RuntimeError as error:
        print("RuntimeError:", error)
try:
    x.take(torch.tensor([12]))
except IndexError as error:
    print("IndexError:", error)
