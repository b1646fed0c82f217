import warnings

import torch

w = torch.tensor([1.0, -2.0], requires_grad=True)
x = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
y = torch.tensor([1.0, 0.0])

for step in range(3):
    loss = ((x @ w - y) ** 2).mean()
    loss.backward()
    print(step, loss, w.grad)
    with torch.no_grad():
        w -= 0.01 * w.grad
    w.grad.zero_()
print(w)

v = torch.tensor([1.0], requires_grad=True)
(v * 2).sum().backward()
v = v - 0.1 * v.grad
print(v, v.is_leaf, v.grad_fn.name())
(v * 2).sum().backward()
with warnings.catch_warnings(record=True):
    warnings.simplefilter("ignore")
    print(v.grad)
