"""Double backward against real torch through convolution, pooling, layer norm and batch norm: the grad_fn
of each gradient (torch's ``ConvolutionBackwardBackward0``..., its output number and next functions), the
gradients, the second derivatives and a gradient penalty on a small CNN."""

import numpy as np
import pytest

import minitorch

torch = pytest.importorskip("torch")
pytestmark = pytest.mark.parity


def _batch_norm(training):
    def run(library, x, w, b):
        running_mean = library.zeros(3, dtype=x.dtype)
        running_var = library.ones(3, dtype=x.dtype) * 1.5
        return library.nn.functional.batch_norm(x, running_mean, running_var, w, b, training=training)
    return run


CASES = {
    "conv2d": (lambda library, x, w, b: library.nn.functional.conv2d(x, w, b, stride=2, padding=1, groups=2),
               [(2, 4, 5, 5), (6, 2, 3, 3), (6,)]),
    "conv2d_no_bias": (lambda library, x, w: library.nn.functional.conv2d(x, w, dilation=2),
                       [(1, 2, 6, 6), (3, 2, 2, 2)]),
    "conv1d": (lambda library, x, w, b: library.nn.functional.conv1d(x, w, b, stride=2, padding=1, groups=2),
               [(2, 4, 9), (6, 2, 3), (6,)]),
    "max_pool2d": (lambda library, x: library.nn.functional.max_pool2d(x, 3, stride=2, padding=1), [(2, 3, 6, 5)]),
    "avg_pool2d": (lambda library, x: library.nn.functional.avg_pool2d(x, 3, 2, 1, count_include_pad=False),
                   [(2, 3, 6, 5)]),
    "adaptive_avg_pool2d": (lambda library, x: library.nn.functional.adaptive_avg_pool2d(x, (4, 3)), [(2, 3, 6, 5)]),
    "layer_norm": (lambda library, x, w, b: library.nn.functional.layer_norm(x, (5,), w, b), [(2, 3, 5), (5,), (5,)]),
    "layer_norm_no_bias": (lambda library, x, w: library.nn.functional.layer_norm(x, (3, 5), w),
                           [(2, 3, 5), (3, 5)]),
    "batch_norm_training": (_batch_norm(True), [(4, 3, 2), (3,), (3,)]),
    "batch_norm_eval": (_batch_norm(False), [(4, 3, 2), (3,), (3,)]),
}


def _node(node):
    return None if node is None else node.name()


def _run(library, name, values):
    fn, _ = CASES[name]
    xs = [library.tensor(v, requires_grad=True) for v in values]
    grads = library.autograd.grad((fn(library, *xs) ** 3).sum(), xs, create_graph=True)
    graphs = [(g.grad_fn.name(), g.output_nr, [_node(n) for n, _ in g.grad_fn.next_functions]) for g in grads]
    second = library.autograd.grad(sum((g * g).sum() for g in grads), xs)
    return graphs, [g.detach().numpy() for g in grads], [g.numpy() for g in second]


@pytest.mark.parametrize("name", sorted(CASES))
def test_layer_gradient_graphs_and_second_derivatives_match_torch(name):
    random = np.random.default_rng(3)
    values = [random.standard_normal(s) for s in CASES[name][1]]
    graphs, grads, second = _run(minitorch, name, values)
    torch_graphs, torch_grads, torch_second = _run(torch, name, values)
    assert graphs == torch_graphs
    for mine, theirs in zip(grads + second, torch_grads + torch_second):
        np.testing.assert_allclose(mine, theirs, rtol=1e-9, atol=1e-9)


def _penalty(library):
    library.manual_seed(0)
    nn = library.nn
    critic = nn.Sequential(nn.Conv2d(1, 4, 3, padding=1), nn.BatchNorm2d(4), nn.LeakyReLU(0.2), nn.MaxPool2d(2),
                           nn.Conv2d(4, 2, 3), nn.AdaptiveAvgPool2d((2, 1)), nn.Flatten(), nn.LayerNorm(4),
                           nn.Linear(4, 1))
    x = library.rand(3, 1, 8, 8, requires_grad=True)
    (grad,) = library.autograd.grad(critic(x).sum(), x, create_graph=True)
    penalty = ((grad.flatten(1).norm(2, dim=1) - 1) ** 2).mean()
    penalty.backward()
    return [penalty.detach().numpy()] + [None if p.grad is None else p.grad.numpy() for p in critic.parameters()]


def test_gradient_penalty_of_a_small_cnn_matches_torch():
    mine, theirs = _penalty(minitorch), _penalty(torch)
    assert [m is None for m in mine] == [t is None for t in theirs]  # the last bias has no second derivative
    for m, t in zip(mine, theirs):
        if t is not None:
            np.testing.assert_allclose(m, t, rtol=1e-3, atol=1e-5)  # the first bias: rounding noise about 0
