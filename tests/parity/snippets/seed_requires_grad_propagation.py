import torch

x = torch.ones(1)
print(x.requires_grad)

y = torch.ones(1)
z = x + y
print(z.requires_grad)

try:
    z.backward()
except RuntimeError as e:
    print("RuntimeError:", e)

w = torch.ones(1, requires_grad=True)
print(w.requires_grad)

total = w + z
print(total.requires_grad)
total.backward()
print(w.grad)
print(z.grad == x.grad == y.grad == None)  # noqa: E711  (as in the original example)
print(z.grad, x.grad, y.grad)
