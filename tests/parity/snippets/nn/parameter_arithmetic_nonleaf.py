import torch
import torch.nn as nn

p = nn.Parameter(torch.tensor([1.0, 2.0]))
doubled = p * 2
print(doubled)
print(type(doubled).__name__, doubled.is_leaf, doubled.grad_fn.name())
print(isinstance(doubled, nn.Parameter))
doubled.sum().backward()
print(p.grad)
print(type(p.detach()).__name__)
print(type(p.data).__name__)
print(type(p.clone()).__name__)
print(type(p[0]).__name__)
q = nn.Parameter(p * 2)
print(q, q.is_leaf)
