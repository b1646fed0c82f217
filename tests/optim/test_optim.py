"""``optim.SGD`` and ``optim.Adam`` against PyTorch: trajectories from the same start, state and
state_dict, param groups, reprs, errors, zero_grad, and the in-place error of ``step()`` between two
``backward()`` calls that share a graph.
"""

import numpy as np
import pytest

import minitorch

pytestmark = pytest.mark.parity


def raised(call):
    """``(exception type name, message)`` raised by ``call()``, or None."""
    try:
        call()
    except Exception as error:  # noqa: BLE001 - compared with torch's
        return type(error).__name__, str(error)
    return None


def _problem(lib):
    """Parameters of a small regression network and a loss over fixed data (same values for both libraries)."""
    rng = np.random.default_rng(0)
    w1, b1 = rng.standard_normal((5, 3)), rng.standard_normal(5)
    w2, b2 = rng.standard_normal((2, 5)), rng.standard_normal(2)
    x, y = lib.tensor(rng.standard_normal((16, 3)).astype(np.float32)), lib.tensor(rng.standard_normal((16, 2)))
    params = [lib.nn.Parameter(lib.tensor(v.astype(np.float32))) for v in (w1, b1, w2, b2)]

    def loss():
        hidden = lib.tanh(x @ params[0].t() + params[1])
        return ((hidden @ params[2].t() + params[3] - y.float()) ** 2).mean()

    return params, loss


def _trajectory(lib, optimizer_name, kwargs, steps=20, groups=False):
    params, loss = _problem(lib)
    given = [{"params": params[:2]}, {"params": params[2:], "lr": 0.03}] if groups else params
    optimizer = getattr(lib.optim, optimizer_name)(given, **kwargs)
    for _ in range(steps):
        optimizer.zero_grad()
        loss().backward()
        optimizer.step()
    return [p.detach().numpy().copy() for p in params], optimizer


VARIANTS = [
    ("SGD", {"lr": 0.1}),
    ("SGD", {"lr": 0.1, "momentum": 0.9}),
    ("SGD", {"lr": 0.05, "momentum": 0.9, "dampening": 0.3}),
    ("SGD", {"lr": 0.05, "momentum": 0.8, "nesterov": True}),
    ("SGD", {"lr": 0.1, "weight_decay": 0.05}),
    ("SGD", {"lr": 0.05, "momentum": 0.9, "nesterov": True, "weight_decay": 0.01}),
    ("SGD", {"lr": 0.01, "maximize": True}),
    ("Adam", {"lr": 0.01}),
    ("Adam", {"lr": 0.02, "betas": (0.8, 0.95), "eps": 1e-6}),
    ("Adam", {"lr": 0.01, "weight_decay": 0.1}),
    ("Adam", {"lr": 0.01, "amsgrad": True}),
    ("Adam", {"lr": 0.01, "weight_decay": 0.1, "decoupled_weight_decay": True}),
    ("Adam", {"lr": 0.01, "maximize": True}),
]


@pytest.mark.parametrize("groups", [False, True])
@pytest.mark.parametrize("name, kwargs", VARIANTS)
def test_twenty_steps_follow_torch(torch, name, kwargs, groups):
    ours, _ = _trajectory(minitorch, name, kwargs, groups=groups)
    theirs, _ = _trajectory(torch, name, kwargs, groups=groups)
    for mine, reference in zip(ours, theirs):
        np.testing.assert_allclose(mine, reference, rtol=0, atol=1e-5)


@pytest.mark.parametrize("name, kwargs", [VARIANTS[1], VARIANTS[7], VARIANTS[10]])
def test_state_and_state_dict_match_torch(torch, name, kwargs):
    _, ours = _trajectory(minitorch, name, kwargs, steps=3)
    _, theirs = _trajectory(torch, name, kwargs, steps=3)
    mine, reference = ours.state_dict(), theirs.state_dict()
    assert mine["param_groups"] == reference["param_groups"]
    assert list(mine["state"]) == list(reference["state"])
    for index, state in reference["state"].items():
        assert list(mine["state"][index]) == list(state)
        for key, value in state.items():
            assert mine["state"][index][key].shape == value.shape
            np.testing.assert_allclose(mine["state"][index][key].numpy(), value.numpy(), rtol=1e-4, atol=1e-6)
    assert repr(ours) == repr(theirs)


def test_sgd_without_momentum_keeps_no_state(torch):
    for lib in (minitorch, torch):
        _, optimizer = _trajectory(lib, "SGD", {"lr": 0.1}, steps=2)
        assert optimizer.state_dict()["state"] == {}


def test_repr_defaults_and_param_groups(torch):
    for name in ("SGD", "Adam"):
        ours = getattr(minitorch.optim, name)(_problem(minitorch)[0])
        theirs = getattr(torch.optim, name)(_problem(torch)[0])
        assert repr(ours) == repr(theirs)
        assert ours.defaults == theirs.defaults
        assert list(ours.param_groups[0]) == list(theirs.param_groups[0])
        extra = {"lr": 0.5}
        ours.add_param_group({"params": minitorch.nn.Parameter(minitorch.ones(1)), **extra})
        theirs.add_param_group({"params": torch.nn.Parameter(torch.ones(1)), **extra})
        assert repr(ours) == repr(theirs)


def _errors(lib):
    params = _problem(lib)[0]
    optim = lib.optim
    return {
        "lr": lambda: optim.SGD(params, lr=-1),
        "momentum": lambda: optim.SGD(params, lr=0.1, momentum=-1),
        "weight decay": lambda: optim.SGD(params, lr=0.1, weight_decay=-1),
        "nesterov": lambda: optim.SGD(params, lr=0.1, nesterov=True),
        "nesterov dampening": lambda: optim.SGD(params, lr=0.1, momentum=0.9, nesterov=True, dampening=0.1),
        "empty": lambda: optim.SGD([], lr=0.1),
        "single tensor": lambda: optim.SGD(params[0], lr=0.1),
        "non-leaf": lambda: optim.SGD([params[0] * 2], lr=0.1),
        "not a tensor": lambda: optim.SGD([1], lr=0.1),
        "two groups": lambda: optim.SGD([{"params": params[:1]}, {"params": params[:1]}], lr=0.1),
        "adam lr": lambda: optim.Adam(params, lr=-1),
        "adam eps": lambda: optim.Adam(params, eps=-1),
        "adam beta0": lambda: optim.Adam(params, betas=(1.0, 0.9)),
        "adam beta1": lambda: optim.Adam(params, betas=(0.9, 1.0)),
        "adam weight decay": lambda: optim.Adam(params, weight_decay=-1),
    }


def test_errors_match_torch(torch):
    ours, theirs = _errors(minitorch), _errors(torch)
    for name, call in theirs.items():
        expected = raised(call)
        assert expected is not None, name
        assert raised(ours[name]) == expected, name


def test_parameters_without_grad_are_skipped_and_zero_grad(torch):
    for lib in (minitorch, torch):
        params, loss = _problem(lib)
        frozen = params[0].detach().numpy().copy()
        params[0].requires_grad_(False)
        optimizer = lib.optim.Adam(params, lr=0.1)
        loss().backward()
        optimizer.step()
        assert np.array_equal(params[0].detach().numpy(), frozen) and params[0]._version == 0
        assert params[1]._version == 1 and 0 not in optimizer.state_dict()["state"]
        optimizer.zero_grad(set_to_none=False)
        assert params[1].grad is not None and not params[1].grad.numpy().any()
        optimizer.zero_grad()
        assert all(p.grad is None for p in params)


def test_step_between_two_backwards_raises_torchs_error(torch):
    """The classic mistake: a second backward through a graph whose saved weights step() changed."""
    def attempt(lib):
        net = lib.nn.Sequential(lib.nn.Linear(2, 3), lib.nn.Tanh(), lib.nn.Linear(3, 1))
        optimizer = lib.optim.SGD(net.parameters(), lr=0.1)
        out = net(lib.ones(4, 2))
        out.sum().backward(retain_graph=True)
        optimizer.step()
        return raised(lambda: (out * 2).sum().backward())

    expected = attempt(torch)
    assert expected is not None and "modified by an inplace operation" in expected[1]
    assert attempt(minitorch) == expected


def test_step_between_two_backwards_through_conv2d(torch):
    def attempt(lib):
        conv = lib.nn.Conv2d(1, 1, 2)
        optimizer = lib.optim.SGD(conv.parameters(), lr=0.1)
        out = conv(lib.ones(1, 1, 3, 3))
        out.sum().backward(retain_graph=True)
        optimizer.step()
        return raised(lambda: (out * 2).sum().backward())

    assert attempt(minitorch) == attempt(torch) != None  # noqa: E711


def test_closure_and_step_in_place(torch):
    for lib in (minitorch, torch):
        params, loss = _problem(lib)
        optimizer = lib.optim.SGD(params, lr=0.1)

        def closure(optimizer=optimizer, loss=loss):
            optimizer.zero_grad()
            value = loss()
            value.backward()
            return value

        before = id(params[0])
        returned = optimizer.step(closure)
        assert returned.grad_fn is not None and id(params[0]) == before and params[0].is_leaf
