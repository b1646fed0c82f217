import torch

x = torch.tensor([[[1.0], [2.0], [3.0]]], requires_grad=True)
print(x.shape)
for name, make in [
    ("x.squeeze()", lambda: x.squeeze()),
    ("x.squeeze(0)", lambda: x.squeeze(0)),
    ("x.squeeze(-1)", lambda: x.squeeze(-1)),
    ("x.squeeze(1)", lambda: x.squeeze(1)),
    ("x.unsqueeze(0)", lambda: x.unsqueeze(0)),
    ("x.unsqueeze(-1)", lambda: x.unsqueeze(-1)),
    ("torch.squeeze(x)", lambda: torch.squeeze(x)),
    ("torch.unsqueeze(x, 1)", lambda: torch.unsqueeze(x, 1)),
]:
    x.grad = None
    y = make()
    (y * 2).sum().backward()
    print(name, y.shape, y.grad_fn.name(), x.grad.shape)
print(x.squeeze())
print(torch.tensor(5.0).unsqueeze(0))
try:
    x.unsqueeze(4)
except Exception as e:
    print(type(e).__name__, e)
