import torch

x = torch.tensor([0.5, 1.0, 2.0], requires_grad=True)
for name, make in [
    ("exp", lambda: x.exp()),
    ("torch.exp", lambda: torch.exp(x)),
    ("log", lambda: x.log()),
    ("torch.log", lambda: torch.log(x)),
    ("sqrt", lambda: x.sqrt()),
    ("torch.sqrt", lambda: torch.sqrt(x)),
]:
    x.grad = None
    y = make()
    y.sum().backward()
    print(name, y, x.grad)

print(torch.tensor([-1.0, 0.0]).log())
print(torch.tensor([-1.0, 0.0]).sqrt())
print(torch.tensor([100.0]).exp())
print(torch.tensor([1, 2]).exp())
