import torch
from torch.autograd import Variable

v = Variable(torch.tensor([1.0, 2.0]), requires_grad=True)
print(v, type(v).__name__, v.is_leaf)
y = (v * v).sum()
y.backward()
print(v.grad)
v.grad.data.zero_()
print(v.grad)
print(Variable(torch.ones(2)))
print(v.data, v.data.requires_grad)
v.data.add_(1)
print(v)
