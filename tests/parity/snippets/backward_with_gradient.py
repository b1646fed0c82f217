import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x * x
try:
    y.backward()
except Exception as e:
    print(type(e).__name__, e)

y.backward(torch.tensor([1.0, 0.1, 0.01]))
print(x.grad)

x.grad = None
y2 = x * 2
y2.backward(gradient=torch.ones(3))
print(x.grad)

x.grad = None
m = (x * 2).view(3, 1)
m.backward(torch.tensor([[1.0], [2.0], [3.0]]))
print(x.grad)

try:
    (x * 2).backward(torch.ones(2))
except Exception as e:
    print(type(e).__name__, e)

s = (x * 2).sum()
s.backward(torch.tensor(2.0))
print(x.grad)
