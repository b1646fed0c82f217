# Mirrors: PyTorch docs, "torch.autograd.functional.jacobian" and "vjp" examples (https://pytorch.org/docs/stable/generated/torch.autograd.functional.jacobian.html)
import torch
from torch.autograd.functional import jacobian, vjp


def exp_reducer(x):
    return x.exp().sum(dim=1)


inputs = torch.tensor([[0.0, 0.5], [1.0, -1.0]])
print(jacobian(exp_reducer, inputs))
print(jacobian(exp_reducer, inputs).shape)


def exp_adder(x, y):
    return 2 * x.exp() + 3 * y


inputs = (torch.tensor([0.0, 1.0]), torch.tensor([1.0, 2.0]))
print(jacobian(exp_adder, inputs))


def adder(x, y):
    return 2 * x + 3 * y


v = torch.ones(2)
print(vjp(adder, (torch.tensor([1.0, 2.0]), torch.tensor([3.0, 4.0])), v))
print(vjp(exp_reducer, torch.tensor([[0.0, 1.0], [2.0, 0.5]]), torch.ones(2)))
