"""``nn.functional`` against PyTorch: softmax, losses, padding and max pooling (values, gradients, graph,
saved attributes, errors), and finite-difference checks of every backward node written for them.
"""

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nn_test_helpers import assert_close, node_names, raised

import minitorch
import minitorch.nn.functional as F
from minitorch.autograd import gradcheck

pytestmark = pytest.mark.parity


def _both(torch, *arrays, grad=(True,)):
    """Each array as (minitorch, torch) tensors; ``grad[i]`` says whether the i-th requires grad."""
    flags = list(grad) + [False] * (len(arrays) - len(grad))
    return [(minitorch.tensor(a, requires_grad=g), torch.tensor(a, requires_grad=g)) for a, g in zip(arrays, flags)]


def _compare(torch, call, operands, rng, tol=1e-10):
    """Run ``call`` with both libraries; compare values, graph and the gradients of grad-requiring operands."""
    ours = call(minitorch.nn.functional, *[pair[0] for pair in operands])
    theirs = call(torch.nn.functional, *[pair[1] for pair in operands])
    assert_close(ours, theirs, rtol=tol, atol=tol)
    assert node_names(ours) == node_names(theirs)
    if theirs.requires_grad:
        seed = rng.standard_normal(tuple(theirs.shape))
        ours.backward(minitorch.tensor(seed))
        theirs.backward(torch.tensor(seed))
        for mine, reference in operands:
            if reference.requires_grad:
                assert_close(mine.grad, reference.grad, rtol=tol, atol=tol)
    return ours, theirs


@pytest.mark.parametrize("dim", [0, 1, -1, None])
@pytest.mark.parametrize("name", ["softmax", "log_softmax"])
def test_softmax_family(torch, rng, name, dim):
    operands = _both(torch, rng.standard_normal((3, 4)) * 10)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ours, theirs = _compare(torch, lambda f, x: getattr(f, name)(x, dim), operands, rng)
    assert ours.grad_fn is None or ours.grad_fn._saved_dim == theirs.grad_fn._saved_dim


def test_softmax_errors_and_implicit_dim_warning(torch):
    for lib in (minitorch, torch):
        with pytest.warns(UserWarning, match="Implicit dimension choice for softmax"):
            lib.nn.functional.softmax(lib.ones(2, 3))
    for call in [lambda lib: lib.nn.functional.softmax(lib.tensor([1, 2]), 0),
                 lambda lib: lib.nn.functional.log_softmax(lib.tensor([[1, 2]]), 0),
                 lambda lib: lib.nn.functional.softmax(lib.ones(2, 3), 2)]:
        assert raised(lambda c=call: c(minitorch)) == raised(lambda c=call: c(torch)) != None  # noqa: E711


LOSSES = {
    "mse": (lambda f, x, t: f.mse_loss(x, t), "real"),
    "mse sum": (lambda f, x, t: f.mse_loss(x, t, reduction="sum"), "real"),
    "mse none": (lambda f, x, t: f.mse_loss(x, t, reduction="none"), "real"),
    "bce": (lambda f, x, t: f.binary_cross_entropy(x.sigmoid(), t), "prob"),
    "bce none": (lambda f, x, t: f.binary_cross_entropy(x.sigmoid(), t, reduction="none"), "prob"),
    "bce weight": (lambda f, x, t: f.binary_cross_entropy(x.sigmoid(), t, weight=t * 0 + 2), "prob"),
    "bce logits": (lambda f, x, t: f.binary_cross_entropy_with_logits(x, t), "prob"),
    "bce logits sum": (lambda f, x, t: f.binary_cross_entropy_with_logits(x, t, reduction="sum"), "prob"),
    "bce logits pos_weight": (lambda f, x, t: f.binary_cross_entropy_with_logits(
        x, t, weight=t * 0 + 0.5, pos_weight=t[0] * 0 + 3), "prob"),
    "cross entropy": (lambda f, x, t: f.cross_entropy(x, t), "class"),
    "cross entropy sum": (lambda f, x, t: f.cross_entropy(x, t, reduction="sum"), "class"),
    "cross entropy none": (lambda f, x, t: f.cross_entropy(x, t, reduction="none"), "class"),
    "cross entropy weight": (lambda f, x, t: f.cross_entropy(x, t, weight=x[0].detach() * 0 + 1.5), "class"),
    "cross entropy ignore": (lambda f, x, t: f.cross_entropy(x, t, ignore_index=1), "class"),
    "cross entropy probs": (lambda f, x, t: f.cross_entropy(x, f.softmax(t, 1)), "real"),
    "cross entropy probs none": (lambda f, x, t: f.cross_entropy(x, f.softmax(t, 1), reduction="none"), "real"),
    "nll": (lambda f, x, t: f.nll_loss(f.log_softmax(x, 1), t), "class"),
    "nll none": (lambda f, x, t: f.nll_loss(x, t, reduction="none"), "class"),
}


def _target(kind, rng):
    if kind == "class":
        return np.array([0, 2, 1, 1, 3])
    if kind == "prob":
        return rng.random((5, 4))
    return rng.standard_normal((5, 4))


@pytest.mark.parametrize("name", LOSSES)
def test_losses_match_torch(torch, rng, name):
    call, kind = LOSSES[name]
    operands = _both(torch, rng.standard_normal((5, 4)), _target(kind, rng))
    ours, theirs = _compare(torch, call, operands, rng)
    for attribute in ("_saved_reduction", "_saved_ignore_index"):
        if hasattr(theirs.grad_fn, attribute):
            assert getattr(ours.grad_fn, attribute) == getattr(theirs.grad_fn, attribute)


@pytest.mark.parametrize("shape, target", [
    ((4,), np.array(2)),
    ((2, 3, 4), np.array([[0, 1, 2, 0], [1, 1, 1, 2]])),
    ((2, 3, 2, 2), np.array([[[0, 1], [2, 0]], [[1, 1], [2, 2]]])),
    ((2, 3, 2, 1, 2), np.array([[[[0, 1]], [[2, 0]]], [[[1, 1]], [[2, 2]]]])),
])
@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
def test_cross_entropy_unbatched_and_spatial(torch, rng, shape, target, reduction):
    operands = _both(torch, rng.standard_normal(shape), target)
    _compare(torch, lambda f, x, t: f.cross_entropy(x, t, reduction=reduction), operands, rng)


def test_losses_with_targets_that_require_grad(torch, rng):
    for call in (lambda f, x, t: f.mse_loss(x, t), lambda f, x, t: f.binary_cross_entropy(x.sigmoid(), t),
                 lambda f, x, t: f.binary_cross_entropy_with_logits(x, t)):
        operands = _both(torch, rng.standard_normal((3, 2)), rng.random((3, 2)), grad=(True, True))
        _compare(torch, call, operands, rng)


def test_bce_floors_log_at_minus_100(torch):
    for lib in (minitorch, torch):
        p = lib.tensor([0.0, 1.0], requires_grad=True)
        loss = lib.nn.functional.binary_cross_entropy(p, lib.tensor([1.0, 0.0]))
        loss.backward()
        assert float(loss.detach()) == 100.0
        np.testing.assert_allclose(p.grad.numpy(), [-5e11, 5e11], rtol=1e-6)


LOSS_ERRORS = {
    "bad reduction": lambda t: t.nn.functional.mse_loss(t.ones(2), t.ones(2), reduction="avg"),
    "bce range": lambda t: t.nn.functional.binary_cross_entropy(t.tensor([2.0]), t.tensor([1.0])),
    "bce sizes": lambda t: t.nn.functional.binary_cross_entropy(t.tensor([0.5, 0.5]), t.tensor([1.0])),
    "bce logits sizes": lambda t: t.nn.functional.binary_cross_entropy_with_logits(t.ones(2), t.ones(3)),
    "mse broadcast": lambda t: t.nn.functional.mse_loss(t.ones(2), t.ones(3)),
    "target bounds": lambda t: t.nn.functional.cross_entropy(t.ones(3, 4), t.tensor([0, 5, 1])),
    "negative target": lambda t: t.nn.functional.nll_loss(t.ones(3, 4), t.tensor([0, 1, -1])),
    "batch sizes": lambda t: t.nn.functional.cross_entropy(t.ones(3, 4), t.tensor([0, 1])),
    "float target": lambda t: t.nn.functional.cross_entropy(t.ones(3, 4), t.tensor([0.0, 1, 2])),
    "multi target": lambda t: t.nn.functional.cross_entropy(t.ones(3, 4), t.ones(3, 5)),
    "0-d input": lambda t: t.nn.functional.nll_loss(t.tensor(1.0), t.tensor(1)),
    "weight size": lambda t: t.nn.functional.nll_loss(t.ones(3, 4), t.tensor([0, 1, 2]), weight=t.ones(3)),
}


@pytest.mark.filterwarnings("ignore:Using a target size")
@pytest.mark.parametrize("name", LOSS_ERRORS)
def test_loss_errors_match_torch(torch, name):
    expected = raised(lambda: LOSS_ERRORS[name](torch))
    assert expected is not None
    assert raised(lambda: LOSS_ERRORS[name](minitorch)) == expected


def test_mse_broadcast_warns_and_expands_like_torch(torch, rng):
    (x, tx), (t, tt) = _both(torch, rng.standard_normal(3), rng.standard_normal((2, 1)))
    with pytest.warns(UserWarning, match="Using a target size") as ours_warned:
        ours = F.mse_loss(x, t)
    with warnings.catch_warnings(record=True) as theirs_warned:
        warnings.simplefilter("always")
        theirs = torch.nn.functional.mse_loss(tx, tt)
    assert str(ours_warned[0].message) == str(theirs_warned[0].message)
    assert_close(ours, theirs)
    assert node_names(ours) == node_names(theirs)
    ours.backward()
    theirs.backward()
    assert_close(x.grad, tx.grad)


@pytest.mark.parametrize("pad, value", [((1, 1), 0), ((1, 2, 0, 3), 2.5), ((-1, 1), 0), ((0, 0, -1, 2, 1, 1), -1)])
def test_pad_matches_torch(torch, rng, pad, value):
    operands = _both(torch, rng.standard_normal((2, 3, 4)))
    ours, theirs = _compare(torch, lambda f, x: f.pad(x, pad, value=value), operands, rng)
    assert ours.grad_fn._saved_pad == theirs.grad_fn._saved_pad


PAD_ERRORS = {
    "odd length": lambda t: t.nn.functional.pad(t.ones(1, 2, 3, 3), (1,)),
    "too long": lambda t: t.nn.functional.pad(t.ones(1, 2), (1, 1, 1, 1, 1, 1)),
    "crop too much": lambda t: t.nn.functional.pad(t.ones(1, 2, 3, 3), (-2, -2)),
    "float amount": lambda t: t.nn.functional.pad(t.ones(1, 2, 3, 3), (1.5, 1)),
}


@pytest.mark.parametrize("name", PAD_ERRORS)
def test_pad_errors_match_torch(torch, name):
    expected = raised(lambda: PAD_ERRORS[name](torch))
    assert expected is not None and raised(lambda: PAD_ERRORS[name](minitorch)) == expected


@st.composite
def pool_calls(draw):
    """Shapes and keyword arguments of a valid max_pool2d call."""
    kernel = (draw(st.integers(1, 3)), draw(st.integers(1, 3)))
    dilation = (draw(st.integers(1, 2)), draw(st.integers(1, 2)))
    padding = tuple(draw(st.integers(0, kernel[i] // 2)) for i in (0, 1))
    stride = draw(st.sampled_from([None, (1, 1), (2, 1), (2, 3)]))
    size = [dilation[i] * (kernel[i] - 1) + 1 + draw(st.integers(0, 4)) for i in (0, 1)]
    shape = draw(st.sampled_from([(2, 3), (3,)])) + tuple(size)
    kwargs = {"kernel_size": kernel, "stride": stride, "padding": padding, "dilation": dilation,
              "ceil_mode": draw(st.booleans())}
    return shape, kwargs, draw(st.integers(0, 2**31 - 1))


@settings(max_examples=80, deadline=None)
@given(pool_calls())
def test_max_pool2d_matches_torch(torch, call):
    shape, kwargs, seed = call
    rng = np.random.default_rng(seed)
    values = rng.integers(-3, 4, size=shape).astype(np.float64)  # ties: the first maximum must win, as in torch
    operands = _both(torch, values)
    ours, theirs = F.max_pool2d(operands[0][0], **kwargs), torch.nn.functional.max_pool2d(operands[0][1], **kwargs)
    for name in ("kernel_size", "stride", "padding", "dilation", "ceil_mode"):
        assert getattr(ours.grad_fn, f"_saved_{name}") == getattr(theirs.grad_fn, f"_saved_{name}")
    assert_close(ours.grad_fn._saved_result1, theirs.grad_fn._saved_result1)
    _compare(torch, lambda f, x: f.max_pool2d(x, **kwargs), operands, rng)
    _, indices = F.max_pool2d(operands[0][0], return_indices=True, **kwargs)
    assert_close(indices, torch.nn.functional.max_pool2d(operands[0][1], return_indices=True, **kwargs)[1])


def test_max_pool2d_of_minus_infinity_points_inside_the_input(torch):
    values = np.full((1, 1, 3, 3), -np.inf)
    for lib in (minitorch, torch):
        out, indices = lib.nn.functional.max_pool2d(lib.tensor(values), 2, stride=2, padding=1, return_indices=True)
        assert indices.tolist() == [[[[0, 1], [3, 4]]]]


POOL_ERRORS = {
    "kernel length": lambda t: t.nn.functional.max_pool2d(t.ones(1, 2, 4, 4), (2, 2, 2)),
    "stride length": lambda t: t.nn.functional.max_pool2d(t.ones(1, 2, 4, 4), 2, (1, 1, 1)),
    "padding length": lambda t: t.nn.functional.max_pool2d(t.ones(1, 2, 4, 4), 2, padding=(1, 1, 1)),
    "dilation length": lambda t: t.nn.functional.max_pool2d(t.ones(1, 2, 4, 4), 2, dilation=(1, 1, 1)),
    "dilation zero": lambda t: t.nn.functional.max_pool2d(t.ones(1, 2, 4, 4), 2, dilation=0),
    "stride zero": lambda t: t.nn.functional.max_pool2d(t.ones(1, 2, 4, 4), 2, stride=0),
    "stride negative": lambda t: t.nn.functional.max_pool2d(t.ones(1, 2, 4, 4), 2, stride=-1),
    "padding negative": lambda t: t.nn.functional.max_pool2d(t.ones(1, 2, 4, 4), 2, padding=-1),
    "padding too big": lambda t: t.nn.functional.max_pool2d(t.ones(1, 2, 3, 3), 2, padding=2),
    "output too small": lambda t: t.nn.functional.max_pool2d(t.ones(1, 2, 3, 3), 4),
    "2-d input": lambda t: t.nn.functional.max_pool2d(t.ones(3, 3), 2),
}


@pytest.mark.parametrize("name", POOL_ERRORS)
def test_max_pool2d_errors_match_torch(torch, name):
    expected = raised(lambda: POOL_ERRORS[name](torch))
    assert expected is not None and raised(lambda: POOL_ERRORS[name](minitorch)) == expected


GRADCHECKS = {
    "softmax": lambda x, t: F.softmax(x, 1),
    "log_softmax": lambda x, t: F.log_softmax(x, 0),
    "mse": lambda x, t: F.mse_loss(x, t),
    "bce": lambda x, t: F.binary_cross_entropy(x.sigmoid(), t.sigmoid(), reduction="sum"),
    "bce logits": lambda x, t: F.binary_cross_entropy_with_logits(x, t.sigmoid(), pos_weight=minitorch.ones(4) * 3),
    "cross entropy": lambda x, t: F.cross_entropy(x, minitorch.tensor([0, 2, 1])),
    "cross entropy probs": lambda x, t: F.cross_entropy(x, F.softmax(t, 1)),
    "cross entropy spatial": lambda x, t: F.cross_entropy(x.view(1, 3, 2, 2), minitorch.tensor([[[0, 2], [1, 1]]]),
                                                          weight=minitorch.tensor([0.5, 1.0, 2.0])),
    "nll weighted": lambda x, t: F.nll_loss(x + t, minitorch.tensor([0, 2, 1]),
                                            weight=minitorch.tensor([1.0, 2, 3, 4])),
    "pad": lambda x, t: F.pad(x, (1, -1, 2, 0), value=3.0),
    "max_pool2d": lambda x, t: F.max_pool2d(x.view(1, 1, 3, 4), 2, stride=1, padding=1),
    "linear": lambda x, t: F.linear(x, t, t[0]),
    "dropout": lambda x, t: F.dropout(x, 0.0) * F.dropout(t, 1.0),
}


@pytest.mark.parametrize("name", GRADCHECKS)
def test_gradcheck(name):
    rng = np.random.default_rng(3)
    x = minitorch.tensor(rng.standard_normal((3, 4)), requires_grad=True)
    t = minitorch.tensor(rng.standard_normal((3, 4)) if name != "linear" else rng.standard_normal((4, 4)),
                         requires_grad=True)
    assert gradcheck(GRADCHECKS[name], (x, t))
