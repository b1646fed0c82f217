# Mirrors: well-known Q&A about common autograd errors: "a leaf Variable that requires grad is being used in an in-place operation", "Can't call numpy() on Tensor that requires grad", "element 0 of tensors does not require grad" (https://stackoverflow.com/questions/55466298)
import torch

w = torch.tensor([1.0, 2.0], requires_grad=True)
try:
    w -= 0.1 * torch.ones(2)
except RuntimeError as e:
    print(e)
with torch.no_grad():
    w -= 0.1 * torch.ones(2)
print(w)

try:
    w.numpy()
except RuntimeError as e:
    print(e)
print(w.detach().numpy())

x = torch.tensor([1.0, 2.0])
loss = (x * 2).sum()
try:
    loss.backward()
except RuntimeError as e:
    print(e)

y = torch.tensor([1.0, 2.0], requires_grad=True)
try:
    (y * 2).backward()
except RuntimeError as e:
    print(e)

try:
    torch.tensor([1, 2], requires_grad=True)
except RuntimeError as e:
    print(e)

z = torch.tensor([3.0], requires_grad=True)
try:
    z.requires_grad = False
    print(z.requires_grad)
    (z * 2).requires_grad = False
except RuntimeError as e:
    print(e)
