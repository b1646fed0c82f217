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


def _functional(library):
    return library.nn.functional


ACTIVATIONS = {
    "leaky_relu": lambda F, a: F.leaky_relu(a, 0.2), "elu": lambda F, a: F.elu(a, 1.5), "selu": lambda F, a: F.selu(a),
    "celu": lambda F, a: F.celu(a, 0.7), "gelu": lambda F, a: F.gelu(a),
    "gelu_tanh": lambda F, a: F.gelu(a, approximate="tanh"), "silu": lambda F, a: F.silu(a),
    "mish": lambda F, a: F.mish(a), "softplus": lambda F, a: F.softplus(a, beta=2.0, threshold=1.0),
    "hardtanh": lambda F, a: F.hardtanh(a, -0.5, 0.5), "relu6": lambda F, a: F.relu6(a),
    "logsigmoid": lambda F, a: F.logsigmoid(a), "hardswish": lambda F, a: F.hardswish(a),
    "threshold": lambda F, a: F.threshold(a, 0.1, -2.0),
}


def _activation_run(library, name):
    x = library.tensor([-3.5, -1.2, -0.3, 0.4, 0.8, 2.5, 3.7], dtype=library.float64, requires_grad=True)
    (g,) = library.autograd.grad((ACTIVATIONS[name](_functional(library), x) * x).sum(), x, create_graph=True)
    (h,) = library.autograd.grad((g * g).sum(), x)  # a gradient penalty
    return _tree(g.grad_fn), g.detach().numpy(), h.numpy()


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_activation_gradient_graphs_and_penalty_gradients_match_torch(name):
    graph, grad, penalty = _activation_run(minitorch, name)
    torch_graph, torch_grad, torch_penalty = _activation_run(torch, name)
    assert graph == torch_graph
    np.testing.assert_allclose(grad, torch_grad, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(penalty, torch_penalty, rtol=1e-9, atol=1e-12)


def test_hardsigmoid_refuses_a_second_backward_as_torch():
    def run(library):
        x = library.tensor([0.5, 1.0], requires_grad=True)
        (g,) = library.autograd.grad(_functional(library).hardsigmoid(x).sum(), x, create_graph=True)
        with pytest.raises(RuntimeError) as error:
            g.sum().backward()
        return g.grad_fn.name(), str(error.value)

    assert run(minitorch) == run(torch)


SHAPES = {
    "select": lambda lib, a: a[1] ** 3, "select_last_dim": lambda lib, a: a[:, -1] ** 3,
    "slice": lambda lib, a: a[:, 1:3] ** 3, "slice_step": lambda lib, a: a[::2, 1:] ** 3,
    "narrow": lambda lib, a: a.narrow(1, 1, 2) ** 3, "index": lambda lib, a: a[[0, 1, 0]] ** 3,
    "index_mask": lambda lib, a: a[a > 0.5] ** 3, "index_pairs": lambda lib, a: a[[0, 1], [2, 0]] ** 3,
    "cat": lambda lib, a: lib.cat([a, a * 2], 1) ** 3, "stack": lambda lib, a: lib.stack([a, a * 3]) ** 3,
    "split": lambda lib, a: a.split(2, 1)[1] ** 3 + a.split(2, 1)[0].sum(),
    "split_sizes": lambda lib, a: a.split([1, 3], 1)[1] ** 3, "chunk": lambda lib, a: a.chunk(2, 1)[0] ** 3,
    "unbind": lambda lib, a: a.unbind(0)[1] ** 3 * a.unbind(0)[0],
    "squeeze_dims": lambda lib, a: a.unsqueeze(0).unsqueeze(2).squeeze((0, 1, 2)) ** 3,
    "flip": lambda lib, a: a.flip(0) ** 3 * a, "roll": lambda lib, a: a.roll(1, 1) ** 3 * a,
    "roll_flat": lambda lib, a: a.roll(3) ** 3 * a, "masked_fill": lambda lib, a: a.masked_fill(a > 0.5, 0.0) ** 3,
    "cumsum": lambda lib, a: a.cumsum(1) ** 3, "norm_third_order": lambda lib, a: a.norm(dim=1) ** 3,
}


def _third_order(library, name):
    x = library.tensor([[0.3, 0.7, 0.2, 0.9], [0.6, 0.1, 0.8, 0.4]], dtype=library.float64, requires_grad=True)
    (d1,) = library.autograd.grad(SHAPES[name](library, x).sum(), x, create_graph=True)
    (d2,) = library.autograd.grad((d1 * d1).sum(), x, create_graph=True)
    (d3,) = library.autograd.grad(d2.sum(), x)
    return [_tree(d1.grad_fn), _tree(d2.grad_fn)], [d.detach().numpy() for d in (d1, d2, d3)]


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_indexing_and_joining_gradient_graphs_and_third_derivatives_match_torch(name):
    graphs, values = _third_order(minitorch, name)
    torch_graphs, torch_values = _third_order(torch, name)
    assert graphs == torch_graphs
    for mine, theirs in zip(values, torch_values):
        np.testing.assert_allclose(mine, theirs, rtol=1e-12, atol=1e-15)


def _target(library):
    return library.tensor([1, 0, 2])


REDUCTIONS = {
    "norm": lambda lib, a: a.norm() ** 3, "norm_dim": lambda lib, a: a.norm(dim=1) ** 3,
    "norm_keepdim": lambda lib, a: a.norm(dim=0, keepdim=True) ** 3, "norm_1": lambda lib, a: a.norm(p=1, dim=0) ** 2,
    "vector_norm_3": lambda lib, a: lib.linalg.vector_norm(a, 3) ** 2,
    "vector_norm_1_5": lambda lib, a: lib.linalg.vector_norm(a, 1.5, dim=1) ** 2,
    "vector_norm_half": lambda lib, a: lib.linalg.vector_norm(a, 0.5, dim=1) ** 2,
    "gradient_penalty_norm": lambda lib, a: (a.norm(2, dim=1) - 1) ** 2,
    "cross_entropy": lambda lib, a: lib.nn.functional.cross_entropy(a, _target(lib)) ** 2,
    "cross_entropy_sum": lambda lib, a: lib.nn.functional.cross_entropy(a, _target(lib), reduction="sum") ** 2,
    "cross_entropy_none": lambda lib, a: lib.nn.functional.cross_entropy(a, _target(lib), reduction="none") ** 2,
    "cross_entropy_weight_ignore": lambda lib, a: lib.nn.functional.cross_entropy(
        a, _target(lib), weight=lib.tensor([0.5, 2.0, 1.0, 1.5], dtype=lib.float64), ignore_index=0) ** 2,
    "nll_loss": lambda lib, a: lib.nn.functional.nll_loss(a.log_softmax(1), _target(lib)) ** 2,
    "max": lambda lib, a: a.max() ** 3, "max_dim": lambda lib, a: a.max(1)[0] ** 3,
    "min_dim_keepdim": lambda lib, a: a.min(0, keepdim=True).values ** 3, "amax": lambda lib, a: a.amax(1) ** 3,
    "amin_dims": lambda lib, a: a.amin((0, 1)) ** 3, "amax_keepdim": lambda lib, a: a.amax(0, keepdim=True) ** 3,
    "logsumexp": lambda lib, a: a.logsumexp(1) ** 2,
    "logsumexp_keepdim": lambda lib, a: a.logsumexp(0, keepdim=True) ** 2,
    "var": lambda lib, a: a.var() * a.sum(), "var_dim": lambda lib, a: a.var(1) ** 2,
    "var_keepdim": lambda lib, a: a.var(0, keepdim=True, correction=0) ** 2, "std": lambda lib, a: a.std() ** 3,
    "std_dim": lambda lib, a: a.std(0, unbiased=False) ** 2,
    "bce_with_logits": lambda lib, a: lib.nn.functional.binary_cross_entropy_with_logits(
        a, lib.full_like(a, 0.3)) ** 2,
    "bce_with_logits_weights": lambda lib, a: lib.nn.functional.binary_cross_entropy_with_logits(
        a, lib.full_like(a, 0.3), weight=lib.full_like(a, 2.0),
        pos_weight=lib.tensor([1.5, 0.5, 1.0, 2.0], dtype=lib.float64), reduction="sum") ** 2,
}


def _reduction_run(library, name):
    x = library.tensor([[0.1, 0.7, 0.3, 0.9], [0.6, 0.2, 0.8, 0.4], [0.5, 0.15, 0.35, 0.45]], dtype=library.float64,
                       requires_grad=True)
    (d1,) = library.autograd.grad(REDUCTIONS[name](library, x).sum(), x, create_graph=True)
    (d2,) = library.autograd.grad((d1 * d1 * x).sum(), x)
    return _tree(d1.grad_fn), [d.detach().numpy() for d in (d1, d2)]


@pytest.mark.parametrize("name", sorted(REDUCTIONS))
def test_reduction_and_loss_gradient_graphs_and_second_derivatives_match_torch(name):
    graphs, values = _reduction_run(minitorch, name)
    torch_graphs, torch_values = _reduction_run(torch, name)
    assert graphs == torch_graphs
    for mine, theirs in zip(values, torch_values):
        np.testing.assert_allclose(mine, theirs, rtol=1e-10, atol=1e-13)


REGRESSION_LOSSES = [("smooth_l1_loss", {}, "mean"), ("smooth_l1_loss", {"beta": 0.3}, "none"),
                     ("smooth_l1_loss", {"beta": 0.0}, "sum"), ("huber_loss", {"delta": 0.3}, "mean"),
                     ("huber_loss", {}, "none")]


def _regression_run(library, name, options, reduction):
    x = library.tensor([0.1, 0.9, 0.45, 2.0, 0.7], dtype=library.float64, requires_grad=True)
    t = library.tensor([0.5, 0.5, 0.5, 0.5, 0.6], dtype=library.float64, requires_grad=True)
    loss = getattr(library.nn.functional, name)(x, t, reduction=reduction, **options)
    gx, gt = library.autograd.grad((loss ** 2).sum(), (x, t), create_graph=True)
    hx, ht = library.autograd.grad((gx * gx * x).sum() + (gt * x).sum(), (x, t))
    return [_tree(gx.grad_fn), _tree(gt.grad_fn)], [v.detach().numpy() for v in (gx, gt, hx, ht)]


@pytest.mark.parametrize("case", REGRESSION_LOSSES, ids=str)
def test_smooth_l1_and_huber_gradient_graphs_and_second_derivatives_match_torch(case):
    graphs, values = _regression_run(minitorch, *case)
    torch_graphs, torch_values = _regression_run(torch, *case)
    assert graphs == torch_graphs
    for mine, theirs in zip(values, torch_values):
        np.testing.assert_allclose(mine, theirs, rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("padding_idx", [None, 0])
def test_embedding_gradient_graph_and_second_derivative_match_torch(padding_idx):
    def run(library):
        w = library.tensor(np.arange(12.0).reshape(4, 3) / 10, requires_grad=True)
        y = library.nn.functional.embedding(library.tensor([[1, 0], [3, 1]]), w, padding_idx=padding_idx)
        (g,) = library.autograd.grad((y ** 3).sum(), w, create_graph=True)
        (h,) = library.autograd.grad((g * g).sum(), w)
        return _tree(g.grad_fn), g.detach().numpy(), h.numpy()

    graph, grad, second = run(minitorch)
    torch_graph, torch_grad, torch_second = run(torch)
    assert graph == torch_graph
    np.testing.assert_allclose(grad, torch_grad, rtol=1e-12)
    np.testing.assert_allclose(second, torch_second, rtol=1e-12)
