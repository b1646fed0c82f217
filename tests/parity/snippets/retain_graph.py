import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
y = (x * x).sum()
y.backward(retain_graph=True)
print(x.grad)
y.backward()
print(x.grad)
try:
    y.backward()
except Exception as e:
    print(type(e).__name__, e)

x.grad = None
z = (x + 1).sum()
z.backward()
z.backward()
print(x.grad)

x.grad = None
e = x.exp().sum()
e.backward()
try:
    e.backward()
except Exception as err:
    print(type(err).__name__, err)
