import torch

x = torch.tensor([-2.0, -0.5, 0.0, 1.5])
print(x.add_(1), x._version)
print(x.sub_(0.5), x._version)
print(x.mul_(2), x._version)
print(x.div_(4), x._version)
print(x.clamp_(-0.5, 0.5), x._version)
print(x.sigmoid_(), x._version)
print(x.fill_(3), x._version)
print(x.zero_(), x._version)
x += 2
x -= torch.tensor([1.0, 0.0, 1.0, 0.0])
x *= torch.tensor(3.0)
x /= 2
print(x, x._version)
x.add_(torch.tensor([1.0, 2.0, 3.0, 4.0]), alpha=10)
print(x)
r = x.mul_(0)
print(r is x)

i = torch.tensor([1, 2, 3])
i += 1
print(i)
try:
    i += 0.5
except Exception as e:
    print(type(e).__name__, e)
try:
    i.div_(2)
except Exception as e:
    print(type(e).__name__, e)
y = torch.tensor([1.0, 2.0])
z = y
z += 1
print(y, z is y)
w = y
w = w + 1
print(y, w is y)
