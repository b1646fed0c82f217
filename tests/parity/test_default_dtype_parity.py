"""torch.set_default_dtype against real torch: with float64 (or float16) as the default, the factories, Python
floats, int-to-float promotion, printing, nn layers' parameters, random draws and a training step give what
torch gives. Each test switches both libraries' default and restores float32 afterwards, even on failure."""

import warnings

import pytest

import minitorch

pytestmark = pytest.mark.parity


@pytest.fixture
def default_dtype(torch):
    """A function that makes ``name`` the default dtype of minitorch and torch; float32 again afterwards."""

    def switch(name):
        minitorch.set_default_dtype(getattr(minitorch, name))
        torch.set_default_dtype(getattr(torch, name))

    try:
        yield switch
    finally:
        minitorch.set_default_dtype(minitorch.float32)
        torch.set_default_dtype(torch.float32)


def _text(value) -> str:
    return repr(value).replace("minitorch", "torch")


FACTORIES = {
    "python_float": lambda t: t.tensor(1.5),
    "mixed_list": lambda t: t.tensor([1, 2.5]),
    "empty_list": lambda t: t.tensor([]),
    "as_tensor": lambda t: t.as_tensor([0.1, 0.2]),
    "zeros": lambda t: t.zeros(2, 3),
    "ones": lambda t: t.ones(2),
    "empty_dtype": lambda t: t.empty(2).dtype,
    "full_float": lambda t: t.full((2,), 1.5),
    "full_int": lambda t: t.full((2,), 1),
    "arange_float_step": lambda t: t.arange(0, 1, 0.25),
    "arange_int": lambda t: t.arange(3),
    "linspace": lambda t: t.linspace(0, 1, 5),
    "logspace": lambda t: t.logspace(0, 2, 3),
    "eye": lambda t: t.eye(2),
    "legacy_tensor": lambda t: t.Tensor(2, 3).dtype,
    "legacy_float_tensor": lambda t: t.FloatTensor(2).dtype,
    "zeros_like_int": lambda t: t.zeros_like(t.tensor([1, 2]), dtype=t.float),
    "finfo_default": lambda t: t.finfo().eps,
    "type_name": lambda t: t.tensor(2.5).type(),
}

PROMOTION = {
    "int_true_divide": lambda t: t.tensor([1, 2]) / 2,
    "sin_of_ints": lambda t: t.sin(t.tensor([1, 2])),
    "sqrt_of_ints": lambda t: t.tensor([2, 3]).sqrt(),
    "int_times_float": lambda t: t.tensor([1, 2]) * 1.5,
    "int_pow_float": lambda t: t.tensor([2, 3]) ** 0.5,
    "where_numbers": lambda t: t.where(t.tensor([True, False]), 1.0, 0.0),
    "bool_plus_float": lambda t: t.tensor(True) + 1.5,
    "float32_plus_number": lambda t: t.zeros(2, dtype=t.float32) + 1.5,
    "float32_plus_0d_default": lambda t: t.zeros(2, dtype=t.float32) + t.tensor(1.5),
    "float32_plus_1d_default": lambda t: t.zeros(2, dtype=t.float32) + t.tensor([1.5]),
    "result_type": lambda t: t.result_type(t.tensor([1]), 1.0),
    "sum_of_ints_as_float": lambda t: t.tensor([1, 2]).sum(dtype=t.float),
}

PRINTING = {
    "float32_shows_dtype": lambda t: t.tensor([1.0, 2.0], dtype=t.float32),
    "float64_hides_dtype": lambda t: t.tensor([1.0, 2.0], dtype=t.float64),
    "empty_float32": lambda t: t.zeros(0, dtype=t.float32),
    "empty_default": lambda t: t.zeros(0, 2),
    "requires_grad": lambda t: t.tensor([1.0, 2.0], requires_grad=True) * 2,
    "parameter": lambda t: t.nn.Parameter(t.ones(2)),
    "tenth": lambda t: t.tensor([0.1, 0.2]) * 3,
}


@pytest.mark.parametrize("name", sorted(FACTORIES))
def test_factories(torch, default_dtype, name):
    default_dtype("float64")
    assert _text(FACTORIES[name](minitorch)) == _text(FACTORIES[name](torch))


@pytest.mark.parametrize("name", sorted(PROMOTION))
def test_promotion(torch, default_dtype, name):
    default_dtype("float64")
    assert _text(PROMOTION[name](minitorch)) == _text(PROMOTION[name](torch))


@pytest.mark.parametrize("name", sorted(PRINTING))
def test_printing(torch, default_dtype, name):
    default_dtype("float64")
    assert _text(PRINTING[name](minitorch)) == _text(PRINTING[name](torch))


@pytest.mark.parametrize("name", ["python_float", "mixed_list", "ones", "linspace", "type_name"])
def test_float16_default(torch, default_dtype, name):
    default_dtype("float16")
    assert minitorch.get_default_dtype() is minitorch.float16
    assert _text(FACTORIES[name](minitorch)) == _text(FACTORIES[name](torch))


def _random_draws(t):
    t.manual_seed(0)
    return [t.rand(3), t.randn(3), t.randn(20), t.empty(4).uniform_(-1, 1), t.normal(0.0, 1.0, size=(2,))]


def test_random_draws_are_float64(torch, default_dtype):
    default_dtype("float64")
    assert [_text(x) for x in _random_draws(minitorch)] == [_text(x) for x in _random_draws(torch)]


def _layers(t):
    t.manual_seed(0)
    linear = t.nn.Linear(2, 3)
    out = linear(t.tensor([[1.0, -2.0]]))
    others = [t.nn.Conv2d(1, 1, 2).weight, t.nn.BatchNorm1d(2).running_var, t.nn.LayerNorm(2).weight,
              t.nn.Embedding(2, 2).weight, t.nn.PReLU().weight]
    return [linear.weight, linear.bias, out] + others


def test_nn_parameters_drawn_in_float64(torch, default_dtype):
    default_dtype("float64")
    assert [_text(x) for x in _layers(minitorch)] == [_text(x) for x in _layers(torch)]


def _training(t, optimizer_name):
    t.manual_seed(0)
    model = t.nn.Sequential(t.nn.Linear(2, 4), t.nn.Tanh(), t.nn.Linear(4, 1))
    optimizer = getattr(t.optim, optimizer_name)(model.parameters(), lr=0.1)
    x, y = t.randn(8, 2), t.randn(8, 1)
    losses = []
    for _ in range(3):
        optimizer.zero_grad()
        loss = t.nn.functional.mse_loss(model(x), y)
        loss.backward()
        optimizer.step()
        losses.append(loss)
    steps = [state["step"].dtype for state in optimizer.state.values() if "step" in state]
    return [_text(v) for v in losses + [model[0].weight, model[2].bias] + steps]


@pytest.mark.parametrize("optimizer_name", ["SGD", "Adam", "RMSprop"])
def test_training_step(torch, default_dtype, optimizer_name):
    default_dtype("float64")
    assert _training(minitorch, optimizer_name) == _training(torch, optimizer_name)


def _error(call):
    try:
        call()
    except Exception as error:  # noqa: BLE001 (the error itself is what is compared)
        return type(error).__name__, str(error)
    return None


@pytest.mark.parametrize("argument", ["int32", "int64", "bool", "complex64", "a string"])
def test_set_default_dtype_refuses(torch, default_dtype, argument):
    def call(t):
        return _error(lambda: t.set_default_dtype(getattr(t, argument, argument)))

    assert call(minitorch) == call(torch)
    assert minitorch.get_default_dtype() is minitorch.float32


def test_set_default_tensor_type(torch, default_dtype):
    def use(t):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            t.set_default_tensor_type(t.DoubleTensor)
            first = (t.get_default_dtype(), t.tensor(1.5), t.Tensor(1).dtype)
            t.set_default_tensor_type("torch.FloatTensor")
            errors = [_error(lambda a=a: t.set_default_tensor_type(a)) for a in (t.IntTensor, 3, "torch.Foo")]
        return [_text(v) for v in first] + [_text(t.get_default_dtype())] + errors

    assert use(minitorch) == use(torch)


def test_set_default_tensor_type_warns_deprecation():
    minitorch._legacy._warned.clear()
    try:
        with pytest.warns(UserWarning, match=r"set_default_tensor_type\(\) is deprecated as of PyTorch 2\.1"):
            minitorch.set_default_tensor_type(minitorch.DoubleTensor)
        assert minitorch.get_default_dtype() is minitorch.float64
    finally:
        minitorch.set_default_dtype(minitorch.float32)
