import torch
from torch.nn import init  # noqa: F401  (as in the original example)

t1 = torch.tensor([1., 2.], requires_grad=True)
t2 = torch.tensor([2., 3.], requires_grad=True)
v3 = t1 + t2
v3_detached = v3.detach()
v3_detached.data.add_(t1)
print(v3, v3_detached)
print(v3.requires_grad, v3_detached.requires_grad)
