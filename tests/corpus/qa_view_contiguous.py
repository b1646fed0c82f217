# Mirrors: well-known Q&A, "What does .contiguous() do in PyTorch?" and "view vs reshape" (https://stackoverflow.com/questions/48915810)
import torch

x = torch.arange(12).view(3, 4)
print(x.is_contiguous(), x.stride())
y = x.t()
print(y.is_contiguous(), y.stride())
try:
    y.view(-1)
except RuntimeError as err:
    print("RuntimeError:", err)
print(y.contiguous().view(-1))
print(y.reshape(-1))
print(y.reshape(-1).data_ptr() == y.data_ptr(), x.view(-1).data_ptr() == x.data_ptr())
z = x.view(2, 6)
z[0, 0] = 100
print(x)
print(x.view(4, -1).shape, x.view(-1, 2, 2).shape)
try:
    x.view(5, -1)
except RuntimeError as err:
    print("RuntimeError:", err)
p = torch.arange(24).reshape(2, 3, 4).permute(2, 0, 1)
print(p.shape, p.stride(), p.is_contiguous())
print(p.contiguous().stride())
print(x.transpose(0, 1).flatten())
print(torch.arange(6).view(2, 3).unsqueeze(1).expand(2, 4, 3).stride())
