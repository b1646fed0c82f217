"""Autograd semantics compared live with PyTorch 2.13: the same program, run on both, must agree."""

import numpy as np
import pytest

import minitorch

torch = pytest.importorskip("torch")
pytestmark = pytest.mark.parity


def run_both(program):
    """Run ``program(lib)`` with torch and with minitorch; return both results."""
    return program(torch), program(minitorch)


def grads_of(lib, program):
    x = lib.tensor([[0.5, -1.0, 2.0], [1.5, 0.3, -0.7]], requires_grad=True)
    y = lib.tensor([[1.0, 2.0, -0.5], [0.2, -1.2, 0.9]], requires_grad=True)
    out = program(lib, x, y)
    out.sum().backward()
    return out.detach().numpy().copy(), x.grad.numpy().copy(), y.grad.numpy().copy(), out.grad_fn.name()


PROGRAMS = {
    "inplace_chain": lambda lib, x, y: (x * 1).mul_(y).add_(y, alpha=2).sigmoid_(),
    "setitem_row": lambda lib, x, y: _setitem(x, y),
    "view_mul_": lambda lib, x, y: _view_mul(x, y),
    "copy_into_view": lambda lib, x, y: _copy_view(x, y),
    "index_put": lambda lib, x, y: _index_put(x, y),
    "base_changed_after_view": lambda lib, x, y: _base_then_view(x, y),
}


def _setitem(x, y):
    z = x * 2
    z[0] = y[1] * 3
    return z


def _view_mul(x, y):
    z = x.clone()
    z[:, 1].mul_(y[0, 1])
    return z * y


def _copy_view(x, y):
    z = x.exp()
    w = z * 1
    w[1, :2].copy_(y[0, 1:])
    return w


def _index_put(x, y):
    z = x + 0
    z[[0, 1], [2, 0]] = y[0, :2]
    return z


def _base_then_view(x, y):
    z = x * 1
    v = z[0]
    z.mul_(y)
    return v.unsqueeze(0) * 2 + z


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_inplace_and_view_gradients_match_torch(name):
    expected, got = run_both(lambda lib: grads_of(lib, PROGRAMS[name]))
    for e, g in zip(expected[:3], got[:3]):
        np.testing.assert_allclose(g, e, rtol=1e-5, atol=1e-6)
    assert got[3] == expected[3]


def describe(lib, program):
    """What a learner would print: repr, flags, grad_fn names, errors (type and text)."""
    lines = []
    try:
        for value in program(lib):
            lines.append(repr(value) if not isinstance(value, str) else value)
    except Exception as error:  # the error itself is what we compare
        lines.append(f"{type(error).__name__}: {error}")
    return lines


SCENARIOS = {
    "detach_shares_version": lambda lib: _detach_version(lib),
    "data_has_own_version": lambda lib: _data_version(lib),
    "stale_saved_output": lambda lib: _stale(lib, lambda a: a.sigmoid(), lambda s: s.add_(1)),
    "stale_saved_input": lambda lib: _stale(lib, lambda a: (a * 2).log(), None),
    "stale_via_detach": lambda lib: _stale_detach(lib),
    "second_backward": lambda lib: _second_backward(lib),
    "second_backward_without_saved": lambda lib: _second_backward_add(lib),
    "retain_grad": lambda lib: _retain(lib),
    "hooks": lambda lib: _hooks(lib),
    "autograd_grad": lambda lib: _autograd_grad(lib),
    "no_grad_inplace_on_leaf": lambda lib: _no_grad_leaf(lib),
    "requires_grad_errors": lambda lib: _requires_grad_errors(lib),
    "copy_into_leaf": lambda lib: _copy_leaf(lib),
    "detached_leaf_gets_grad": lambda lib: _detached_leaf(lib),
}


def _detach_version(lib):
    a = lib.tensor([1.0, 2.0], requires_grad=True)
    b = a * 2
    d = b.detach()
    d.zero_()
    return [b, d, b._version, d._version, d.requires_grad, d.is_leaf]


def _data_version(lib):
    a = lib.tensor([1.0, 2.0], requires_grad=True)
    a.data.mul_(3)
    return [a, a._version, a.data._version]


def _stale(lib, forward, edit):
    a = lib.tensor([1.0, 2.0, 3.0], requires_grad=True)
    out = forward(a)
    if edit is None:
        a2 = a * 2
        out = a2.log()
        a2.mul_(2)
    else:
        edit(out)
    out.sum().backward()
    return [a.grad]


def _stale_detach(lib):
    a = lib.tensor([1.0, 2.0], requires_grad=True)
    out = a.exp()
    out.detach().zero_()
    out.sum().backward()
    return [a.grad]


def _second_backward(lib):
    x = lib.tensor([1.0, 2.0], requires_grad=True)
    y = (x * x).sum()
    y.backward()
    y.backward()
    return [x.grad]


def _second_backward_add(lib):
    x = lib.tensor([1.0, 2.0], requires_grad=True)
    y = (x + 1).sum()
    y.backward()
    y.backward()
    return [x.grad]


def _retain(lib):
    x = lib.tensor([1.0, 2.0], requires_grad=True)
    h = x * 3
    h.retain_grad()
    (h * h).sum().backward()
    return [h.grad, x.grad, h.retains_grad, h.is_leaf]


def _hooks(lib):
    x = lib.tensor([1.0, 2.0], requires_grad=True)
    seen = []
    x.register_hook(lambda g: seen.append(g.clone()) or g * 10)
    h = x * 2
    handle = h.register_hook(lambda g: g + 1)
    h.sum().backward()
    handle.remove()
    return [x.grad, seen[0]]


def _autograd_grad(lib):
    x = lib.tensor([1.0, 2.0], requires_grad=True)
    w = lib.tensor([3.0], requires_grad=True)
    y = (x * x).sum()
    (gx, gw) = lib.autograd.grad(y, [x, w], allow_unused=True)
    return [gx, gw, x.grad]


def _no_grad_leaf(lib):
    w = lib.tensor([1.0, 2.0], requires_grad=True)
    with lib.no_grad():
        w.mul_(2)
        w[0] = 5
    out = [w, w._version, w.is_leaf]
    w.add_(1)
    return out


def _requires_grad_errors(lib):
    results = []
    for attempt in (lambda: (lib.tensor([1.0], requires_grad=True) * 2).requires_grad_(False),
                    lambda: lib.tensor([1, 2]).requires_grad_(),
                    lambda: lib.tensor([1.0], requires_grad=True).numpy(),
                    lambda: lib.ones(2) + lib.ones(3),
                    lambda: lib.ones(2).sum().backward(),
                    lambda: lib.ones(2, requires_grad=True).mul(2).backward()):
        try:
            attempt()
        except Exception as error:
            results.append(f"{type(error).__name__}: {error}")
    return results


def _copy_leaf(lib):
    src = lib.tensor([1.0, 2.0], requires_grad=True)
    dst = lib.zeros(2, 2)
    dst.copy_(src)
    (dst * 3).sum().backward()
    return [dst, src.grad]


def _detached_leaf(lib):
    a = lib.tensor([1.0, 2.0], requires_grad=True)
    b = (a * 2).detach()
    b.requires_grad = True
    (b * b).sum().backward()
    return [b.grad, a.grad, b.is_leaf]


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_scenario_prints_the_same(name):
    expected, got = run_both(lambda lib: describe(lib, SCENARIOS[name]))
    assert got == expected
