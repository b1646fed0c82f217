import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)


@torch.no_grad()
def predict(t):
    return t * 2, torch.is_grad_enabled()


@torch.enable_grad()
def train_step(t):
    return t * 2


@torch.no_grad
def bare_decorator(t):
    return t + 1


out, enabled = predict(x)
print(out, out.requires_grad, enabled)
print(torch.is_grad_enabled())
with torch.no_grad():
    inside = train_step(x)
print(inside.requires_grad, inside.grad_fn.name())
print(bare_decorator(x).requires_grad)
print(predict.__name__)


@torch.set_grad_enabled(False)
def frozen(t):
    return t * 3


print(frozen(x).requires_grad, torch.is_grad_enabled())

try:
    with torch.no_grad():
        raise ValueError("boom")
except ValueError as e:
    print("caught", e, torch.is_grad_enabled())
