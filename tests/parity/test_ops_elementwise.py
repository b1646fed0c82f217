"""Element-wise math against real torch: values, dtypes, grad_fn names, gradients, errors, in-place and out=."""

import warnings

import numpy as np
import pytest

import minitorch

pytestmark = pytest.mark.parity

UNARY = ("sin cos tan asin arcsin acos arccos atan arctan sinh cosh asinh arcsinh acosh arccosh atanh "
         "arctanh exp2 expm1 log2 log10 log1p rsqrt sign sgn floor ceil round trunc fix frac erf erfc erfinv "
         "lgamma digamma deg2rad rad2deg sinc square nan_to_num logit").split()
BINARY = "atan2 arctan2 hypot fmod remainder fmax fmin xlogy copysign float_power true_divide floor_divide".split()
# acosh needs inputs >= 1: it gets the same values shifted by 1.5
VALUES = [-2.5, -1.0, -0.7, -0.0, 0.0, 0.3, 0.5, 1.5, 2.5, 3.0, float("nan"), float("inf"), -float("inf")]
INTS = [-3, -1, 0, 1, 2, 7]


def _values(name, values):
    return [v + 1.5 for v in values] if name in ("acosh", "arccosh") else values


def outcome(lib, fn):
    """What ``fn(lib)`` gives: ('ok', tensor) or ('error', type name, message)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return ("ok", fn(lib))
    except Exception as error:  # noqa: BLE001 (the error itself is what is compared)
        return ("error", type(error).__name__, str(error))


def assert_same(ours, theirs, rtol=2e-6):
    """Same error, or same dtype, shape and values (to ``rtol``, nan where torch has nan)."""
    assert ours[0] == theirs[0], (ours, theirs)
    if ours[0] == "error":
        assert ours[1:] == theirs[1:]
        return
    a, b = ours[1], theirs[1]
    assert str(a.dtype) == str(b.dtype)
    assert tuple(a.shape) == tuple(b.shape)
    np.testing.assert_allclose(a.detach().numpy().astype(float), b.detach().numpy().astype(float), rtol=rtol,
                               atol=1e-30, equal_nan=True)


def both(torch, fn):
    return outcome(minitorch, fn), outcome(torch, fn)


@pytest.mark.parametrize("name", UNARY)
@pytest.mark.parametrize("dtype", ["float32", "float64", "int64", "bool"])
def test_unary_values_and_dtypes(torch, name, dtype):
    values = {"int64": INTS, "bool": [True, False]}.get(dtype, _values(name, VALUES))
    ours, theirs = both(torch, lambda lib: getattr(lib, name)(lib.tensor(values, dtype=getattr(lib, dtype))))
    assert_same(ours, theirs, rtol=2e-6 if dtype != "float32" or name != "erfinv" else 2e-5)


@pytest.mark.parametrize("name", UNARY)
def test_unary_grad_fn_and_gradient(torch, name):
    values = _values(name, [-0.7, -0.2, 0.3, 0.6])
    if name in ("log2", "log10", "rsqrt", "lgamma", "digamma", "logit"):
        values = [0.2, 0.35, 0.6, 0.9]

    def run(lib):
        x = lib.tensor(values, dtype=lib.float64, requires_grad=True)
        y = getattr(lib, name)(x)
        y.backward(lib.tensor([1.0, 2.0, -1.0, 0.5], dtype=lib.float64))
        return y.grad_fn.name(), x.grad

    (_, (our_name, our_grad)), (_, (their_name, their_grad)) = both(torch, run)
    assert our_name == their_name
    their_grad = torch.zeros(4, dtype=torch.float64) + their_grad  # sgn's gradient is a ZeroTensor
    np.testing.assert_allclose(our_grad.tolist(), their_grad.tolist(), rtol=1e-9, equal_nan=True)


@pytest.mark.parametrize("name", UNARY[:-3])
def test_unary_in_place_and_out(torch, name):
    values = _values(name, [-0.7, -0.2, 0.3, 0.6])

    def in_place(lib):
        x = lib.tensor(values)
        return getattr(x, name + "_")()

    def out(lib):
        target = lib.empty(3)
        result = getattr(lib, name)(lib.tensor(values), out=target)
        return result if result is target else None

    assert_same(*both(torch, in_place))
    assert_same(*both(torch, out))
    assert_same(*both(torch, lambda lib: getattr(lib.tensor([1, 2]), name + "_")()))
    assert_same(*both(torch, lambda lib: getattr(lib, name)(lib.tensor([0.5], requires_grad=True),
                                                            out=lib.empty(1))))


@pytest.mark.parametrize("name", BINARY)
@pytest.mark.parametrize("kinds", [("float32", "float32"), ("float64", "float32"), ("int64", "int64"),
                                   ("float32", "number"), ("int64", "number"), ("int64", "float_number")])
def test_binary_values_and_dtypes(torch, name, kinds):
    def run(lib):
        a = lib.tensor([-2.5, -1.0, 0.0, 0.5, 3.0, 7.0], dtype=getattr(lib, kinds[0]))
        if kinds[1] == "number":
            b = 2
        elif kinds[1] == "float_number":
            b = 1.5
        else:
            b = lib.tensor([1.5, -2.0, 2.0, 0.25, -1.0, 3.0], dtype=getattr(lib, kinds[1]))
        return getattr(lib, name)(a, b), getattr(a, name)(b)

    ours, theirs = both(torch, lambda lib: run(lib)[0])
    assert_same(ours, theirs)
    ours, theirs = both(torch, lambda lib: run(lib)[1])
    assert_same(ours, theirs)


@pytest.mark.parametrize("name", [n for n in BINARY if n != "floor_divide"])
@pytest.mark.parametrize("scalar_other", [False, True])
def test_binary_grad_fn_and_gradients(torch, name, scalar_other):
    def run(lib):
        a = lib.tensor([[0.3, -0.6, 1.7]], dtype=lib.float64, requires_grad=True)
        b = 0.7 if scalar_other else lib.tensor([[0.5], [-1.2]], dtype=lib.float64, requires_grad=True)
        y = getattr(lib, name)(a, b)
        y.sum().backward()
        return y.grad_fn.name(), a.grad, None if scalar_other else b.grad

    ours, theirs = both(torch, run)
    assert ours[0] == theirs[0], (ours, theirs)
    if ours[0] == "error":
        assert ours[1:] == theirs[1:]
        return
    ours, theirs = ours[1], theirs[1]
    assert ours[0] == theirs[0]
    for mine, real in zip(ours[1:], theirs[1:]):
        if real is not None:
            np.testing.assert_allclose(mine.numpy(), real.numpy(), rtol=1e-9)


CALLS = {
    "div_trunc": lambda lib, a, b: lib.div(a, b, rounding_mode="trunc"),
    "div_floor": lambda lib, a, b: lib.div(a, b, rounding_mode="floor"),
    "div_floor_number": lambda lib, a, b: a.div(-2, rounding_mode="floor"),
    "div_bad_mode": lambda lib, a, b: lib.div(a, b, rounding_mode="round"),
    "lerp_number": lambda lib, a, b: lib.lerp(a, b, 0.3),
    "lerp_tensor": lambda lib, a, b: lib.lerp(a, b, b.abs() / 10),
    "addcmul": lambda lib, a, b: lib.addcmul(a, a, b, value=0.5),
    "addcdiv": lambda lib, a, b: lib.addcdiv(a, a, b, value=2),
    "clamp_min": lambda lib, a, b: lib.clamp_min(a, 0.2),
    "clamp_max": lambda lib, a, b: a.clamp_max(0.2),
    "round_decimals": lambda lib, a, b: lib.round(a * 123.456, decimals=2),
    "round_negative_decimals": lambda lib, a, b: lib.round(a * 123.456, decimals=-1),
    "logit_eps": lambda lib, a, b: lib.logit(a, eps=0.1),
    "nan_to_num_args": lambda lib, a, b: lib.nan_to_num(a / 0, nan=1.0, posinf=2.0),
    "multiply": lambda lib, a, b: lib.multiply(a, b),
    "subtract": lambda lib, a, b: lib.subtract(a, b, alpha=2),
    "mod_operator": lambda lib, a, b: a % 0.7,
    "floordiv_operator": lambda lib, a, b: a // b,
}


@pytest.mark.parametrize("name", sorted(CALLS))
def test_ops_with_arguments(torch, name):
    def run(lib):
        a = lib.tensor([0.3, -0.6, 1.7, 0.0], dtype=lib.float64, requires_grad=True)
        b = lib.tensor([0.5, -1.2, 3.0, 2.0], dtype=lib.float64, requires_grad=True)
        y = CALLS[name](lib, a, b)
        y.sum().backward()
        return y, y.grad_fn.name(), a.grad, b.grad

    ours, theirs = both(torch, run)
    assert ours[0] == theirs[0], (ours, theirs)
    if ours[0] == "error":
        assert ours[1:] == theirs[1:]
        return
    assert ours[1][1] == theirs[1][1]
    for mine, real in zip((ours[1][0], *ours[1][2:]), (theirs[1][0], *theirs[1][2:])):
        assert (mine is None) == (real is None)
        if real is not None:
            np.testing.assert_allclose(mine.detach().numpy(), real.detach().numpy(), rtol=1e-9, equal_nan=True)


@pytest.mark.parametrize("name", ["div_trunc", "div_floor"])
def test_rounded_division_of_integers(torch, name):
    def run(lib):
        a, b = lib.tensor([7, -7, 6, -6, 0]), lib.tensor([2, 2, -4, -4, 3])
        return CALLS[name](lib, a, b)

    assert_same(*both(torch, run))
    assert_same(*both(torch, lambda lib: lib.div(lib.tensor([1]), 0, rounding_mode="floor")))


def test_out_resize_warning_is_torchs(torch):
    messages = []
    for lib in (minitorch, torch):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            lib.sin(lib.tensor([0.5, 1.0]), out=lib.empty(3))
        messages.append([str(w.message) for w in caught])
    assert messages[0] == messages[1]


SPECIAL = ["erf", "erfc", "erfinv", "digamma", "psi", "gammaln", "exp2", "expm1", "log1p", "sinc", "expit", "logit"]


@pytest.mark.parametrize("name", SPECIAL)
def test_special_namespace(torch, name):
    def run(lib):
        x = lib.tensor([0.1, 0.45, 0.8], dtype=lib.float64, requires_grad=True)
        y = getattr(lib.special, name)(x)
        y.sum().backward()
        return y, y.grad_fn.name(), x.grad

    (_, ours), (_, theirs) = both(torch, run)
    assert ours[1] == theirs[1]
    np.testing.assert_allclose(ours[0].tolist(), theirs[0].tolist(), rtol=1e-12)
    np.testing.assert_allclose(ours[2].tolist(), theirs[2].tolist(), rtol=1e-9)
    assert_same(*both(torch, lambda lib: getattr(lib.special, name)(1.0)))


def test_special_functions_with_arguments(torch):
    assert_same(*both(torch, lambda lib: lib.special.xlogy(lib.tensor([0.0, 2.0]), 3.0)))
    assert_same(*both(torch, lambda lib: lib.special.round(lib.tensor([0.125, 2.5]), decimals=1)))
    assert_same(*both(torch, lambda lib: lib.special.logsumexp(lib.tensor([[0.5, 2.0]]), 1)))
    assert_same(*both(torch, lambda lib: lib.special.softmax(lib.tensor([[0.5, 2.0]]), 1)))
    assert_same(*both(torch, lambda lib: lib.min(lib.tensor([0.5, 2.0]), lib.tensor([1.0, 1.0]))))
