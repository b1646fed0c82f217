import torch

a = torch.tensor([1.0, 2.0])
print(a.requires_grad, a.is_leaf, a.grad_fn)
a.requires_grad_()
print(a.requires_grad, a.is_leaf)
a.requires_grad_(False)
print(a.requires_grad)
a.requires_grad = True
print(a)

b = a * 2
print(b.requires_grad, b.is_leaf)
try:
    b.requires_grad = False
except Exception as e:
    print(type(e).__name__, e)
try:
    b.requires_grad_(False)
except Exception as e:
    print(type(e).__name__, e)
b.requires_grad_(True)
print(b.requires_grad)

for make in [
    lambda: torch.tensor([1, 2], requires_grad=True),
    lambda: torch.tensor([1, 2]).requires_grad_(),
    lambda: setattr(torch.tensor([True]), "requires_grad", True),
    lambda: torch.arange(3, requires_grad=True),
]:
    try:
        make()
    except Exception as e:
        print(type(e).__name__, e)
print(torch.tensor([1.0], dtype=torch.float64, requires_grad=True))
