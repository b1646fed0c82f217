import torch

print(torch.zeros(size=(2, 3)), torch.ones(size=[2]), torch.empty(size=(0,)).shape)
out = torch.empty(3)
result = torch.zeros((2, 3), out=out)
print(result is out, out)
print(torch.ones(2, out=torch.empty(2, dtype=torch.int64)))
try:
    torch.zeros(2, dtype=torch.float64, out=torch.empty(2))
except RuntimeError as error:
    print("RuntimeError:", error)
print(
    torch.full((2, 2), 7),
    torch.full((2,), 1.5, dtype=torch.int32),
    torch.full((2,), True),
    torch.full(size=(1,), fill_value=2.5),
)
print(torch.ones(2, requires_grad=True, dtype=torch.float64), torch.zeros(()), torch.zeros([]))
try:
    torch.zeros(-1)
except RuntimeError as error:
    print("RuntimeError:", error)
print(torch.arange(5, 0, -1), torch.arange(0.5, 3), torch.arange(1, 2.5, 0.5), torch.arange(start=1, end=4))
print(torch.arange(3, dtype=torch.float64), torch.arange(torch.tensor(3)), torch.arange(0, 1, 0.1).shape)
for bad in ((0, 1, 0), (1, 0, 1)):
    try:
        torch.arange(*bad)
    except RuntimeError as error:
        print("RuntimeError:", error)
print(torch.linspace(0, 1, 5), torch.linspace(0, 10, steps=5, dtype=torch.int64), torch.linspace(-1, 1, 1))
print(torch.linspace(0, 1, steps=7))
print(torch.logspace(0, 2, 3), torch.logspace(0, 3, 4, base=2), torch.logspace(-1, 1, 3, dtype=torch.float64))
print(torch.eye(2, 3, dtype=torch.int32), torch.eye(3)[1])
x = torch.tensor([1, 2], dtype=torch.int32)
print(x.new_ones(2), x.new_zeros((2, 2)), x.new_full((2,), 3.7), x.new_empty(2).shape, x.new_tensor([1.5, 2]))
f = torch.tensor([1.0])
print(f.new_tensor([1, 2]), f.new_ones(2, dtype=torch.float64, requires_grad=True), x.new_ones(size=(1,)))
print(torch.zeros_like(x, dtype=torch.float32), torch.ones_like(f), torch.full_like(x, 4), torch.empty_like(f).shape)
print(torch.tril(torch.ones(3, 3), -1), torch.triu(torch.ones(2, 3), diagonal=1))
print(torch.diag(torch.tensor([1, 2]), 1), torch.diag(torch.arange(12.0).view(3, 4), -1))
a = torch.as_tensor([1, 2]), torch.as_tensor(f), torch.as_tensor(f, dtype=torch.float64)
print(a[0], a[1] is f, a[2])
