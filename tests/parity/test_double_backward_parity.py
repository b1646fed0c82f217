"""Double backward against real torch: the grad_fn names of gradients, Hessian-vector products, a gradient
penalty, hessian() and a third derivative."""

import numpy as np
import pytest

import minitorch

torch = pytest.importorskip("torch")
pytestmark = pytest.mark.parity

CASES = {
    "mul": (lambda a, b: a * b * a, [(2, 3), (3,)]),
    "div": (lambda a, b: a / b, [(3,), (3,)]),
    "pow": (lambda a: a ** 3, [(3,)]),
    "exp_log": (lambda a: a.exp().log() * a, [(3,)]),
    "sqrt_abs": (lambda a: a.abs().sqrt(), [(3,)]),
    "sin_cos": (lambda a: a.sin() * a.cos(), [(3,)]),
    "tanh": (lambda a: a.tanh(), [(3,)]),
    "sigmoid": (lambda a: a.sigmoid(), [(3,)]),
    "relu": (lambda a: a.relu() * a, [(4,)]),
    "mean_dim": (lambda a: a.mean(0) ** 2, [(2, 3)]),
    "views": (lambda a: a.t().unsqueeze(0).squeeze().permute(1, 0).view(6) ** 2, [(2, 3)]),
    "linear": (lambda x, w, b: (x @ w.t() + 0) ** 2 + b, [(2, 3), (4, 3), (4,)]),
    "mse": (lambda a, b: ((a - b) ** 2).mean(), [(3,), (3,)]),
    "mse_loss": (lambda a, b: torch_or_mini(a).nn.functional.mse_loss(a, b), [(3,), (3,)]),
    "softmax": (lambda a: a.softmax(1) * a, [(2, 3)]),
    "log_softmax": (lambda a: a.log_softmax(0) ** 2, [(2, 3)]),
    "addmm": (lambda x, w, b: torch_or_mini(x).nn.functional.linear(x, w, b).sigmoid(), [(2, 3), (4, 3), (4,)]),
}


def torch_or_mini(tensor):
    """The library a tensor comes from (the cases are written once for both)."""
    return minitorch if isinstance(tensor, minitorch.Tensor) else torch


def _tree(node, depth=0):
    if node is None or depth > 3:
        return None if node is None else node.name()
    return (node.name(), tuple(_tree(child, depth + 1) for child, _ in node.next_functions))


def _run(library, name, values):
    fn, _ = CASES[name]
    xs = [library.tensor(v, requires_grad=True) for v in values]
    grads = library.autograd.grad(fn(*xs).sum(), xs, create_graph=True, allow_unused=True)
    second = library.autograd.grad(sum(g.sum() for g in grads if g is not None and g.requires_grad), xs,
                                   allow_unused=True)
    return ([None if g is None else _tree(g.grad_fn) for g in grads],
            [None if g is None else np.round(g.detach().numpy(), 10).tolist() for g in grads],
            [None if g is None else np.round(g.numpy(), 8).tolist() for g in second])


@pytest.mark.parametrize("name", sorted(CASES))
def test_gradient_graphs_and_second_derivatives_match_torch(name):
    random = np.random.default_rng(1)
    values = [np.abs(random.standard_normal(s)) + 0.3 for s in CASES[name][1]]
    assert _run(minitorch, name, values) == _run(torch, name, values)


def _second_order(library):
    w = library.tensor([[0.5, -1.0], [2.0, 0.25]], requires_grad=True)
    x = library.tensor([1.0, -2.0], requires_grad=True)
    v = library.tensor([0.5, 1.0])
    loss = (w @ x).tanh().sum()
    (g,) = library.autograd.grad(loss, x, create_graph=True)
    (hv,) = library.autograd.grad(g, x, v, retain_graph=True)
    penalty = (g * g).sum()
    penalty.backward()
    hess = library.autograd.functional.hessian(lambda t: (t ** 3).sum() * t.sum(), library.tensor([1.0, 2.0]))
    y = library.tensor(1.5, requires_grad=True)
    (d1,) = library.autograd.grad(y ** 3, y, create_graph=True)
    (d2,) = library.autograd.grad(d1, y, create_graph=True)
    (d3,) = library.autograd.grad(d2, y)
    return [str(t) for t in (g, hv, w.grad, x.grad, hess, d3)]


def test_hvp_gradient_penalty_hessian_and_third_derivative_match_torch():
    assert _second_order(minitorch) == _second_order(torch)
