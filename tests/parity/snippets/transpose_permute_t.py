import torch

x = torch.arange(6.0).reshape(2, 3).requires_grad_()
for name, make in [
    ("x.t()", lambda: x.t()),
    ("x.T", lambda: x.T),
    ("x.transpose(0, 1)", lambda: x.transpose(0, 1)),
    ("x.transpose(-1, -2)", lambda: x.transpose(-1, -2)),
    ("torch.transpose(x, 0, 1)", lambda: torch.transpose(x, 0, 1)),
    ("x.permute(1, 0)", lambda: x.permute(1, 0)),
    ("torch.t(x)", lambda: torch.t(x)),
]:
    x.grad = None
    y = make()
    (y * torch.tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])).sum().backward()
    print(name, y.shape, y.grad_fn.name())
    print("  grad", x.grad)

c = torch.arange(24).reshape(2, 3, 4)
print(c.permute(2, 0, 1).shape, c.permute(2, 0, 1)[1])
print(c.transpose(0, 2).shape)
try:
    c.t()
except Exception as e:
    print(type(e).__name__, e)
print(torch.tensor([1.0, 2.0]).t())
try:
    c.permute(0, 1)
except Exception as e:
    print(type(e).__name__, e)
