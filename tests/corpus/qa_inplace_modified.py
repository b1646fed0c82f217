# Mirrors: well-known Q&A, "one of the variables needed for gradient computation has been modified by an inplace operation" (https://stackoverflow.com/questions/53691156)
import torch

a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
b = a.sigmoid()
b.mul_(2)
try:
    b.sum().backward()
except RuntimeError as err:
    print("RuntimeError:", err)

a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
b = a * 2
c = b ** 2
b += 1
try:
    c.sum().backward()
except RuntimeError as err:
    print("RuntimeError:", err)

a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
b = a * 2
c = b ** 2
b = b + 1
c.sum().backward()
print(a.grad)

x = torch.ones(3, requires_grad=True)
y = torch.relu(x * 3)
y[0] = 0
try:
    y.sum().backward()
except RuntimeError as err:
    print("RuntimeError:", err)
print(x.grad)
print(y._version, y.grad_fn)

w = torch.nn.Parameter(torch.ones(2))
try:
    w += 1
except RuntimeError as err:
    print("RuntimeError:", err)
with torch.no_grad():
    w += 1
print(w)
