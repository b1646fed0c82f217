import warnings

import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
h = x * 3
h.retain_grad()
y = (h * h).sum()
y.backward()
print(h.grad)
print(x.grad)
print(h.retains_grad, x.retains_grad, y.retains_grad)
print(h.is_leaf, h.grad_fn.name())

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print(y.grad)
print(len(caught), caught[0].category.__name__)

x.retain_grad()
print(x.retains_grad)
