import torch

x = torch.tensor([[1.0, 5.0, 2.0], [7.0, 3.0, 7.0]], requires_grad=True)
m = x.max()
print(m)
m.backward()
print(x.grad)

x.grad = None
values, indices = x.max(dim=1)
print(values, indices)
values.sum().backward()
print(x.grad)

x.grad = None
result = x.max(0, keepdim=True)
print(result)
print(result.values, result.indices)
result.values.sum().backward()
print(x.grad)

print(torch.max(x))
print(torch.max(x, 1))
print(torch.tensor([3, 9, 2]).max())
