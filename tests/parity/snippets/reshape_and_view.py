import torch

x = torch.arange(6.0, requires_grad=True)
for name, make in [
    ("x.reshape(2, 3)", lambda: x.reshape(2, 3)),
    ("x.view(3, 2)", lambda: x.view(3, 2)),
    ("x.view(-1, 2)", lambda: x.view(-1, 2)),
    ("x.reshape((3, -1))", lambda: x.reshape((3, -1))),
    ("x.view(6)", lambda: x.view(6)),
    ("torch.reshape(x, (1, 6))", lambda: torch.reshape(x, (1, 6))),
]:
    x.grad = None
    y = make()
    (y * torch.arange(6.0).view(y.shape)).sum().backward()
    print(name, y.shape, y.grad_fn.name())
    print(y)
    print("  grad", x.grad)

for bad in [(4, 2), (-1, 4), (-1, -1)]:
    try:
        x.view(*bad)
    except Exception as e:
        print(bad, type(e).__name__, e)
