import torch

x = torch.arange(6.0).reshape(2, 3)
t = x.t()
print(t.is_contiguous(), x.is_contiguous())
r = t.reshape(6)
print(r)
try:
    t.view(6)
except Exception as e:
    print(type(e).__name__, e)
print(t.contiguous().view(6))

w = torch.arange(6.0, requires_grad=True)
y = w.view(2, 3).t().reshape(-1)
print(y.grad_fn.name(), y)
(y * torch.arange(6.0)).sum().backward()
print(w.grad)
