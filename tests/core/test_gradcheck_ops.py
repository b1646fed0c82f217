"""Every differentiable op's backward formula agrees with finite differences (float64)."""

import numpy as np
import pytest

import minitorch as torch
from minitorch.autograd import gradcheck


def leaf(*shape, low=-2.0, high=2.0, seed=0):
    """A float64 leaf that requires grad, with values away from kinks (0 for abs/relu)."""
    values = np.random.default_rng(seed).uniform(low, high, size=shape)
    values = np.where(np.abs(values) < 0.1, 0.5, values)
    return torch.tensor(values, dtype=torch.float64, requires_grad=True)


UNARY = {
    "neg": lambda x: -x,
    "exp": torch.exp,
    "log": lambda x: torch.log(x.abs() + 0.5),
    "sqrt": lambda x: (x * x + 1).sqrt(),
    "abs": torch.abs,
    "sigmoid": torch.sigmoid,
    "tanh": torch.tanh,
    "relu": torch.relu,
    "clamp": lambda x: x.clamp(-1, 1),
    "clamp_min": lambda x: x.clamp(min=0.3),
    "pow_scalar": lambda x: x ** 3,
    "rpow": lambda x: 2 ** x,
    "reciprocal": lambda x: 1 / (x.abs() + 1),
    "rsub": lambda x: 1 - x,
    "sum": lambda x: x.sum(),
    "sum_dim": lambda x: x.sum(1),
    "sum_keepdim": lambda x: x.sum((0, 1), keepdim=True),
    "mean": lambda x: x.mean(),
    "mean_dim": lambda x: x.mean(-1, keepdim=True),
    "max": lambda x: x.max(),
    "max_dim": lambda x: x.max(1).values,
    "min_dim": lambda x: x.min(0, keepdim=True)[0],
    "view": lambda x: x.view(3, 2),
    "reshape_copy": lambda x: x.t().reshape(6),
    "transpose": lambda x: x.transpose(0, 1),
    "permute": lambda x: x.unsqueeze(0).permute(2, 0, 1),
    "t": lambda x: x.t(),
    "squeeze": lambda x: x.unsqueeze(1).squeeze(),
    "unsqueeze": lambda x: x.unsqueeze(-1),
    "expand": lambda x: x[:, :1].expand(2, 4),
    "flatten": lambda x: x.flatten(),
    "select": lambda x: x[1],
    "slice": lambda x: x[:, 1:3],
    "step_slice": lambda x: x[:, ::2],
    "index": lambda x: x[[1, 0, 1]],
    "mask": lambda x: x[x > 0],
    "unbind": lambda x: x.unbind(1)[2],
    "clone": lambda x: x.clone(),
}


@pytest.mark.parametrize("name", sorted(UNARY))
def test_unary_ops(name):
    assert gradcheck(UNARY[name], (leaf(2, 3),))


BINARY = {
    "add": lambda a, b: a + b,
    "add_alpha": lambda a, b: torch.add(a, b, alpha=2.5),
    "sub": lambda a, b: a - b,
    "mul": lambda a, b: a * b,
    "div": lambda a, b: a / (b.abs() + 1),
    "pow_tensor": lambda a, b: (a.abs() + 0.5) ** b,
    "maximum": torch.maximum,
    "minimum": torch.minimum,
    "where": lambda a, b: torch.where(a > b, a, b),
    "cat": lambda a, b: torch.cat([a, b], 0),
    "stack": lambda a, b: torch.stack([a, b], 0),
}


@pytest.mark.parametrize("name", sorted(BINARY))
def test_binary_ops_with_broadcasting(name):
    a, b = leaf(2, 3, seed=1), leaf(1, 3, seed=2)
    if name in ("stack",):
        b = leaf(2, 3, seed=2)
    assert gradcheck(BINARY[name], (a, b))


@pytest.mark.parametrize("shapes", [((3,), (3,)), ((2, 3), (3,)), ((3,), (3, 4)), ((2, 3), (3, 4)),
                                    ((5, 2, 3), (3, 4)), ((5, 2, 3), (5, 3, 4)), ((2, 3), (5, 3, 4))])
def test_matmul_in_every_form(shapes):
    a, b = leaf(*shapes[0], seed=3), leaf(*shapes[1], seed=4)
    assert gradcheck(torch.matmul, (a, b))


def test_inplace_ops_have_correct_gradients():
    def f(x, y):
        z = x * 1
        z.mul_(y)
        z.add_(y, alpha=2)
        z[0] = z[1] * 3
        z[:, 1].mul_(2)
        z.sigmoid_()
        return z

    assert gradcheck(f, (leaf(2, 3, seed=5), leaf(2, 3, seed=6)))


def test_copy_into_a_view_of_a_non_leaf():
    def f(x, y):
        z = x.clone()
        z[:, 0].copy_(y)
        return z * z

    assert gradcheck(f, (leaf(2, 3, seed=7), leaf(2, seed=8)))


def test_gradcheck_catches_a_wrong_formula(monkeypatch):
    from minitorch.ops import pointwise

    monkeypatch.setattr(pointwise.ExpBackward0, "apply", lambda self, grad: (grad * 2,))
    assert not gradcheck(torch.exp, (leaf(3),), raise_exception=False)


def test_dtype_conversion_sends_the_gradient_back_in_the_input_dtype():
    a = torch.tensor([1.0, 2.0], requires_grad=True)
    (a.double() * 3).sum().backward()
    assert a.grad.dtype is torch.float32
    assert a.grad.tolist() == [3.0, 3.0]
