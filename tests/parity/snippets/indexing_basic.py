import torch

x = torch.arange(12.0).reshape(3, 4).requires_grad_()
for name, make in [
    ("x[0]", lambda: x[0]),
    ("x[-1]", lambda: x[-1]),
    ("x[1, 2]", lambda: x[1, 2]),
    ("x[1:]", lambda: x[1:]),
    ("x[:, 1]", lambda: x[:, 1]),
    ("x[:2, 1:3]", lambda: x[:2, 1:3]),
    ("x[::2]", lambda: x[::2]),
    ("x[0][1:]", lambda: x[0][1:]),
    ("x[:, -1]", lambda: x[:, -1]),
]:
    x.grad = None
    y = make()
    y.sum().backward()
    print(name, y, y.grad_fn.name())
    print("  grad", x.grad)

try:
    x[3]
except Exception as e:
    print(type(e).__name__, e)
try:
    x[0, 0, 0]
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.tensor(1.0)[0]
except Exception as e:
    print(type(e).__name__, e)
