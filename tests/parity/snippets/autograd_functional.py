import torch
from torch.autograd.functional import jacobian, jvp, vjp


def f(x):
    return x**2 * 3


x = torch.tensor([1.0, 2.0, 3.0])
print(jacobian(f, x))


def g(a, b):
    return (a * b, (a + b).sum())


a = torch.tensor([1.0, 2.0])
b = torch.tensor([3.0, 4.0])
J = jacobian(g, (a, b))
print(type(J), len(J), J)
print(jacobian(lambda t: t.sum(), torch.ones(2, 2)))
print(jacobian(lambda t: torch.ones(2), torch.ones(3)))
try:
    jacobian(lambda t: torch.ones(2), torch.ones(3), strict=True)
except Exception as e:
    print(type(e).__name__, e)
print(vjp(f, x, torch.ones(3)))
print(vjp(lambda t: t.sum() * 2, x))
try:
    vjp(f, x)
except Exception as e:
    print(type(e).__name__, e)
print(jvp(f, x, torch.tensor([1.0, 0.0, 1.0])))
print(jvp(g, (a, b), (torch.ones(2), torch.zeros(2))))
try:
    jacobian(lambda t: 3.0, x)
except Exception as e:
    print(type(e).__name__, e)
try:
    jacobian(f, [1.0])
except Exception as e:
    print(type(e).__name__, e)
x2 = torch.tensor([1.0, 2.0], requires_grad=True)
print(jacobian(lambda t: t * 2, x2).requires_grad, vjp(lambda t: t.sum(), x2)[0])
print(jacobian(f, x, vectorize=True))
print(jacobian(lambda t: t.mean(dim=0), torch.ones(2, 3, dtype=torch.float64)).shape)
