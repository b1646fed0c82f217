import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
for name, make in [
    ("(x + 1).sum()", lambda: (x + 1).sum()),
    ("(x * 2).sum()", lambda: (x * 2).sum()),
    ("(x * x).sum()", lambda: (x * x).sum()),
    ("x.sum() * 3", lambda: x.sum() * 3),
    ("x.exp().sum()", lambda: x.exp().sum()),
    ("x.relu().sum()", lambda: x.relu().sum()),
    ("x.view(2, 1).sum()", lambda: x.view(2, 1).sum()),
]:
    x.grad = None
    out = make()
    out.backward()
    try:
        out.backward()
        print(name, "twice ok, grad", x.grad)
    except RuntimeError as e:
        print(name, "second backward fails:", str(e)[:48])
