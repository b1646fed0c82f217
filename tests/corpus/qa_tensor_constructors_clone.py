# Mirrors: well-known Q&A, "What is the difference between torch.tensor and torch.Tensor?" (https://stackoverflow.com/questions/51911749) and "clone() vs copy_() vs deepcopy" (https://stackoverflow.com/questions/55266154)
import copy

import torch

print(torch.Tensor([1, 2, 3]), torch.Tensor([1, 2, 3]).dtype)
print(torch.tensor([1, 2, 3]), torch.tensor([1, 2, 3]).dtype)
print(torch.Tensor(2, 3).shape)
print(torch.tensor(2), torch.tensor(2).shape)
print(torch.Tensor().shape, torch.tensor([]).shape)
try:
    torch.tensor(2, 3)
except TypeError as e:
    print("TypeError:", e)

a = torch.tensor([1.0, 2.0], requires_grad=True)
b = a.clone()
print(b, b.requires_grad, b.is_leaf, b.grad_fn)
c = torch.empty(2)
c.copy_(a)
print(c, c.grad_fn)
d = a.detach().clone()
print(d, d.requires_grad)
e = copy.deepcopy(a)
print(e, e.requires_grad, e.is_leaf)
a.data[0] = 5.0
print(a, b, c, d, e)
f = torch.tensor(a)
print(f)
g = a.new_tensor([3.0, 4.0])
print(g, g.requires_grad)
h = torch.as_tensor([1, 2], dtype=torch.float32)
print(h)
print(torch.from_numpy(a.detach().numpy()).dtype)
