# Mirrors: PyTorch docs, "Tensor Views" (https://pytorch.org/docs/stable/tensor_view.html)
import torch

t = torch.arange(16.0).reshape(4, 4)
b = t.view(2, 8)
print(t.storage().data_ptr() == b.storage().data_ptr() if hasattr(t, "storage") else True)
print(t.untyped_storage().data_ptr() == b.untyped_storage().data_ptr())
b[0][0] = 3.14
print(t[0][0])

base = torch.tensor([[0, 1], [2, 3]])
print(base.is_contiguous())
t = base.transpose(0, 1)
print(t.is_contiguous())
c = t.contiguous()
print(c.is_contiguous(), c)
print(t._base is base, c._base is None)
v = base[:, 0]
print(v, v._is_view(), v.stride(), base.stride(), t.stride())
e = base.expand(2, 2, 2) if False else base.unsqueeze(0).expand(2, 2, 2)
print(e.shape, e.stride())
print(base.view(-1), base.flatten(), base.reshape(4)._base is base)
