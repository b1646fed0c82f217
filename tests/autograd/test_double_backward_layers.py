"""Double backward (``create_graph=True``) without torch through the layers' ops: convolution, pooling,
layer norm and batch norm. Second derivatives checked by finite differences (``gradgradcheck``), and the
forward values a norm keeps freed after backward as saved tensors are."""

import numpy as np
import pytest

import minitorch
import minitorch.nn.functional as F
from minitorch.autograd import gradgradcheck


def _inputs(*shapes, seed=0):
    random = np.random.default_rng(seed)
    return [minitorch.tensor(random.standard_normal(shape), dtype=minitorch.float64, requires_grad=True)
            for shape in shapes]


def _batch_norm(training):
    def run(x, w, b):
        running_mean, running_var = minitorch.zeros(2, dtype=x.dtype), minitorch.ones(2, dtype=x.dtype) * 1.5
        return F.batch_norm(x, running_mean, running_var, w, b, training=training) ** 2
    return run


LAYERS = {
    "conv2d": (lambda x, w, b: F.conv2d(x, w, b, padding=1) ** 2, [(1, 2, 4, 4), (3, 2, 3, 3), (3,)]),
    "conv2d_strided_grouped": (lambda x, w, b: F.conv2d(x, w, b, stride=2, padding=1, groups=2),
                               [(1, 4, 4, 4), (2, 2, 3, 3), (2,)]),
    "conv2d_dilated_no_bias": (lambda x, w: F.conv2d(x, w, dilation=2, padding=2) ** 2, [(1, 2, 4, 4), (2, 2, 2, 2)]),
    "conv2d_unbatched": (lambda x, w: F.conv2d(x, w).tanh(), [(2, 4, 4), (2, 2, 3, 3)]),
    "conv1d": (lambda x, w, b: F.conv1d(x, w, b, stride=2, padding=1, groups=2), [(1, 4, 7), (4, 2, 3), (4,)]),
    "max_pool2d": (lambda x: F.max_pool2d(x, 2) ** 2, [(1, 2, 4, 4)]),
    "max_pool2d_overlapping": (lambda x: F.max_pool2d(x, 3, stride=1, padding=1) ** 2, [(2, 4, 4)]),
    "avg_pool2d": (lambda x: F.avg_pool2d(x, 2) ** 2, [(1, 2, 4, 4)]),
    "avg_pool2d_padded": (lambda x: F.avg_pool2d(x, 3, 2, 1, count_include_pad=False) ** 2, [(1, 2, 5, 5)]),
    "avg_pool2d_divisor": (lambda x: F.avg_pool2d(x, 2, divisor_override=3) ** 2, [(2, 4, 4)]),
    "adaptive_avg_pool2d": (lambda x: F.adaptive_avg_pool2d(x, (2, 3)) ** 2, [(1, 2, 5, 4)]),
    "layer_norm": (lambda x, w, b: F.layer_norm(x, (4,), w, b) ** 2, [(2, 3, 4), (4,), (4,)]),
    "layer_norm_two_dims": (lambda x: F.layer_norm(x, (3, 4)) ** 2, [(2, 3, 4)]),
    "batch_norm_training": (_batch_norm(True), [(3, 2, 2), (2,), (2,)]),
    "batch_norm_eval": (_batch_norm(False), [(3, 2, 2), (2,), (2,)]),
    "batch_norm_no_affine": (lambda x: F.batch_norm(x, None, None, training=True) ** 2, [(4, 2)]),
}


@pytest.mark.parametrize("name", sorted(LAYERS))
def test_layer_second_derivatives_match_finite_differences(name):
    fn, shapes = LAYERS[name]
    assert gradgradcheck(fn, _inputs(*shapes))


def test_gradient_penalty_through_a_small_cnn_reaches_the_weights():
    # a WGAN-GP style penalty: the gradient of a critic with respect to its input, differentiated again
    x, w = _inputs((2, 1, 5, 5), (2, 1, 3, 3))
    score = F.max_pool2d(F.conv2d(x, w, padding=1).tanh(), 2).mean()
    (grad,) = minitorch.autograd.grad(score, x, create_graph=True)
    penalty = ((grad.flatten(1).norm(2, dim=1) - 1) ** 2).mean()
    penalty.backward()
    assert w.grad.shape == w.shape and float(w.grad.abs().sum()) > 0


def test_max_pool_gradient_of_the_gradient_reads_at_the_maxima():
    # y = sum(maxpool(x) ** 2): dy/dx = 2 * x at each window's maximum, so d(sum(dy/dx))/dx = 2 there, 0 elsewhere
    x = minitorch.tensor([[[[1.0, 5.0], [2.0, 3.0]]]], requires_grad=True)
    (grad,) = minitorch.autograd.grad((F.max_pool2d(x, 2) ** 2).sum(), x, create_graph=True)
    assert grad.grad_fn.name() == "MaxPool2DWithIndicesBackwardBackward0"
    (second,) = minitorch.autograd.grad(grad.sum(), x)
    assert second.tolist() == [[[[0.0, 2.0], [0.0, 0.0]]]]


@pytest.mark.parametrize("training", [True, False])
def test_batch_norm_frees_its_forward_statistics_after_backward(training):
    x, w, b = _inputs((3, 2), (2,), (2,))
    y = F.batch_norm(x, minitorch.zeros(2, dtype=x.dtype), minitorch.ones(2, dtype=x.dtype), w, b, training=training)
    node = y.grad_fn
    y.sum().backward()
    assert node._mean is None and node._invstd is None
    with pytest.raises(RuntimeError, match="Trying to backward through the graph a second time"):
        y.sum().backward()
    with pytest.raises(RuntimeError, match="Trying to backward through the graph a second time"):
        _ = node._saved_weight


def test_batch_norm_keeps_its_statistics_with_retain_graph():
    x, w, b = _inputs((3, 2), (2,), (2,))
    y = F.batch_norm(x, None, None, w, b, training=True)
    y.pow(2).sum().backward(retain_graph=True)
    first = x.grad.clone()
    y.pow(2).sum().backward()
    assert np.allclose(x.grad.numpy(), 2 * first.numpy())


def test_layer_norm_frees_its_forward_statistics_after_backward():
    x, w = _inputs((3, 4), (4,))
    y = F.layer_norm(x, (4,), w)
    node = y.grad_fn
    y.sum().backward()
    assert node._mean is None and node._rstd is None
    with pytest.raises(RuntimeError, match="Trying to backward through the graph a second time"):
        y.sum().backward()
