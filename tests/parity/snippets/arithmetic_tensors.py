import torch

a = torch.tensor([1.0, -2.0, 3.0], requires_grad=True)
b = torch.tensor([4.0, 5.0, -0.5], requires_grad=True)

for name, make in [
    ("a + b", lambda: a + b),
    ("a - b", lambda: a - b),
    ("a * b", lambda: a * b),
    ("a / b", lambda: a / b),
    ("a.add(b, alpha=2)", lambda: a.add(b, alpha=2)),
    ("a.sub(b)", lambda: a.sub(b)),
    ("a.mul(b)", lambda: a.mul(b)),
    ("a.div(b)", lambda: a.div(b)),
    ("torch.add(a, b)", lambda: torch.add(a, b)),
]:
    a.grad = b.grad = None
    y = make()
    y.sum().backward()
    print(name, y)
    print("  a.grad", a.grad, "b.grad", b.grad)
