import torch

x = torch.tensor([1.0, 2.0, 5.0], requires_grad=True)
e = torch.tensor([2.0, 0.5, -1.0], requires_grad=True)

for name, make in [
    ("-x", lambda: -x),
    ("x.neg()", lambda: x.neg()),
    ("x ** 2", lambda: x**2),
    ("x.pow(3)", lambda: x.pow(3)),
    ("x ** 0.5", lambda: x**0.5),
    ("x ** -1", lambda: x**-1),
    ("2 ** x", lambda: 2**x),
    ("x ** e", lambda: x**e),
    ("torch.pow(x, 2)", lambda: torch.pow(x, 2)),
]:
    x.grad = e.grad = None
    y = make()
    y.sum().backward()
    print(name, y)
    print("  x.grad", x.grad, "e.grad", e.grad)
