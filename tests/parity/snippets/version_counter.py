import torch

x = torch.tensor([1.0, 2.0, 3.0])
print(x._version)
x.add_(1)
print(x._version)
x += 1
print(x._version)
x[0] = 10.0
print(x._version)
x.mul_(2).div_(2)
print(x._version)
y = x + 1
print(x._version, y._version)
x.zero_()
x.fill_(0.5)
print(x._version)
x.clamp_(0, 1)
x.sigmoid_()
print(x._version)
x -= 1
x *= 2
x /= 4
print(x._version)
x[1:] = torch.tensor([7.0, 8.0])
print(x._version, x)
x.copy_(torch.ones(3))
print(x._version)
