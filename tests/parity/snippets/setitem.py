import torch

x = torch.tensor([1.0, 2.0, 3.0, 4.0], requires_grad=True)
y = x * 1
y[0] = 10.0
y[1:3] = torch.tensor([20.0, 30.0])
y[y > 25] = -1.0
print(y, y.grad_fn.name(), y._version)
y.sum().backward()
print(x.grad)

m = torch.zeros(2, 3)
m[0] = torch.tensor([1.0, 2.0, 3.0])
m[:, 1] = 7.0
m[1, 2] = 9
m[[0, 1], [0, 0]] = torch.tensor([-1.0, -2.0])
print(m, m._version)
m[1] = 5
print(m)

k = torch.zeros(4, dtype=torch.int64)
k[1] = 2.9
print(k)
try:
    m[0] = torch.ones(2)
except Exception as e:
    print(type(e).__name__, e)
