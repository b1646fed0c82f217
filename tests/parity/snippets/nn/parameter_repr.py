import torch
import torch.nn as nn

p = nn.Parameter(torch.tensor([1.0, 2.0]))
print(p)
print(repr(p))
print(p.requires_grad, p.is_leaf, p.grad_fn)
print(type(p).__name__, isinstance(p, torch.Tensor), isinstance(p, nn.Parameter))
frozen = nn.Parameter(torch.tensor([[0.5, -1.0]]), requires_grad=False)
print(frozen)
print(nn.Parameter(torch.tensor(3.0)))
print(nn.Parameter(torch.tensor([1.0], dtype=torch.float64)))
print(p.shape, p.dtype)
print(str(p))
