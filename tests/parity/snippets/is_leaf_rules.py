import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
c = torch.tensor([3.0, 4.0])

cases = {
    "x": x,
    "c": c,
    "c * 2": c * 2,
    "x * 2": x * 2,
    "x.detach()": x.detach(),
    "(x * 2).detach()": (x * 2).detach(),
    "x[0]": x[0],
    "x.clone()": x.clone(),
    "torch.ones(2, requires_grad=True)": torch.ones(2, requires_grad=True),
    "torch.ones(2, requires_grad=True) * 2": torch.ones(2, requires_grad=True) * 2,
    "torch.rand(2, requires_grad=True) * 2": torch.rand(2, requires_grad=True) * 2,
    "torch.randn(3, requires_grad=True)": torch.randn(3, requires_grad=True),
    "x.double()": x.double(),
}
for name, t in cases.items():
    print(f"{name:40} is_leaf={t.is_leaf!s:5} requires_grad={t.requires_grad!s:5} grad_fn={t.grad_fn}")

y = torch.rand(2, requires_grad=True) * 2
(y * 3).sum().backward()
print(y.is_leaf, y.grad_fn.name())
