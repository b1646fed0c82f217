import torch

a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
out = a.sigmoid()
c = out.data
print(c.requires_grad, c.is_leaf)
c.zero_()
print(out)
print(out._version, c._version)
out.sum().backward()
print(a.grad)

w = torch.tensor([1.0, 2.0], requires_grad=True)
print(w.data)
w.data.mul_(10)
print(w, w._version)
w.data = torch.tensor([5.0, 6.0])
print(w, w.requires_grad, w.is_leaf)
print(w.data.data_ptr() == w.data_ptr())
