import torch

x = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
for row in x:
    print(row, row.grad_fn.name())
total = sum(row.sum() for row in x)
print(total, total.grad_fn.name())
total.backward()
print(x.grad)

parts = [x[0, 0], x[1, 1]]
s = sum(parts)
print(s, s.grad_fn.name())
print(len(x), abs(torch.tensor([-1.5, 2.0])))
print(max(torch.tensor([3.0, 7.0, 5.0])))
print(list(torch.tensor([1, 2, 3])))
print([float(v) for v in torch.tensor([0.5, 1.5])])
print(round(torch.tensor(2.567).item(), 2))
print(torch.tensor(3.0) > 2, bool(torch.tensor(3.0) > 2))
print(x.tolist() == [[1.0, 2.0], [3.0, 4.0]])
print(torch.equal(x, x.clone()), torch.allclose(x, x + 1e-9))
