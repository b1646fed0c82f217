import torch

x = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], requires_grad=True)
for name, make in [
    ("x.sum()", lambda: x.sum()),
    ("x.sum(0)", lambda: x.sum(0)),
    ("x.sum(dim=1)", lambda: x.sum(dim=1)),
    ("x.sum(1, keepdim=True)", lambda: x.sum(1, keepdim=True)),
    ("x.sum(-1)", lambda: x.sum(-1)),
    ("x.sum((0, 1))", lambda: x.sum((0, 1))),
    ("torch.sum(x)", lambda: torch.sum(x)),
    ("x.mean()", lambda: x.mean()),
    ("x.mean(0)", lambda: x.mean(0)),
    ("x.mean(dim=1, keepdim=True)", lambda: x.mean(dim=1, keepdim=True)),
    ("torch.mean(x, -1)", lambda: torch.mean(x, -1)),
]:
    x.grad = None
    y = make()
    y.backward(torch.ones_like(y))
    print(name, y)
    print("  grad", x.grad)

print(torch.tensor([1, 2, 3]).sum(), torch.tensor([True, True]).sum())
try:
    torch.tensor([1, 2, 3]).mean()
except Exception as e:
    print(type(e).__name__, e)
try:
    x.sum(2)
except Exception as e:
    print(type(e).__name__, e)
