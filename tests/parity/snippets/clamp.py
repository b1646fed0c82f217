import torch

x = torch.tensor([-2.0, -1.0, 0.0, 1.0, 2.0], requires_grad=True)
for name, make in [
    ("clamp(-1, 1)", lambda: x.clamp(-1, 1)),
    ("clamp(min=0)", lambda: x.clamp(min=0)),
    ("clamp(max=0.5)", lambda: x.clamp(max=0.5)),
    ("torch.clamp(x, 0, 1)", lambda: torch.clamp(x, 0, 1)),
    ("clamp(min=0.0, max=1.0)", lambda: x.clamp(min=0.0, max=1.0)),
]:
    x.grad = None
    y = make()
    y.sum().backward()
    print(name, y)
    print("  grad", x.grad)

print(torch.tensor([1, 5, 9]).clamp(2, 6))
try:
    x.clamp()
except Exception as e:
    print(type(e).__name__, e)
