"""Double backward against real torch for the element-wise math table and the ops added after it: the
grad_fn graph of each gradient (torch's formulas, node by node), the gradients and the second derivatives."""

import numpy as np
import pytest

import minitorch

torch = pytest.importorskip("torch")
pytestmark = pytest.mark.parity

TABLE = ["tan", "asin", "acos", "atan", "sinh", "cosh", "asinh", "atanh", "exp2", "expm1", "log2", "log10",
         "log1p", "rsqrt", "erf", "erfc", "erfinv", "lgamma", "deg2rad", "rad2deg", "sinc", "frac", "sin", "cos"]
CASES = {name: (lambda library, a, name=name: getattr(library, name)(a) * a, [(2, 3)]) for name in TABLE}
CASES["acosh"] = (lambda library, a: (a + 1).acosh() * a, [(2, 3)])
CASES["chain"] = (lambda library, a: a.tan().expm1().log1p().rsqrt().erf(), [(3,)])


def _tree(node, depth=0):
    if node is None or depth > 5:
        return None if node is None else node.name()
    return (node.name(), tuple(_tree(child, depth + 1) for child, _ in node.next_functions))


def _run(library, name, values):
    fn, _ = CASES[name]
    xs = [library.tensor(v, requires_grad=True) for v in values]
    grads = library.autograd.grad(fn(library, *xs).sum(), xs, create_graph=True)
    second = library.autograd.grad(sum(g.sum() for g in grads), xs)
    return [_tree(g.grad_fn) for g in grads], [g.detach().numpy() for g in grads], [g.numpy() for g in second]


@pytest.mark.parametrize("name", sorted(CASES))
def test_gradient_graphs_and_second_derivatives_match_torch(name):
    random = np.random.default_rng(2)
    values = [random.uniform(0.2, 0.8, s) for s in CASES[name][1]]
    graphs, grads, second = _run(minitorch, name, values)
    torch_graphs, torch_grads, torch_second = _run(torch, name, values)
    assert graphs == torch_graphs
    for mine, theirs in zip(grads + second, torch_grads + torch_second):
        np.testing.assert_allclose(mine, theirs, rtol=1e-8, atol=1e-12)  # trigamma (lgamma): 2e-9 apart
