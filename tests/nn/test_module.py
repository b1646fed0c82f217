"""``Module``, ``Parameter``, ``Sequential`` and ``ModuleList`` against PyTorch: registration, order,
reprs, modes, gradients, state dicts, hooks and error texts. Each structure is built twice by the same
function, once with ``torch.nn`` and once with ``minitorch.nn``, and the two are compared.
"""

import pytest
from nn_test_helpers import raised

import minitorch

pytestmark = pytest.mark.parity


def build_net(lib):
    """A small network with a parameter, nested containers, a buffer and a module without bias."""
    nn = lib.nn

    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.scale = nn.Parameter(lib.ones(1))
            self.features = nn.Sequential(nn.Conv2d(3, 4, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten())
            self.blocks = nn.ModuleList([nn.Linear(16, 16) for _ in range(3)] + [nn.Tanh(), nn.Tanh()])
            self.head = nn.Linear(16, 2, bias=False)
            self.register_buffer("running", lib.zeros(2))
            self.register_buffer("scratch", lib.zeros(1), persistent=False)
            self.not_a_parameter = lib.ones(3)

        def forward(self, x):
            x = self.features(x)
            for block in self.blocks:
                x = block(x)
            return self.head(x) * self.scale

    return Net()


@pytest.fixture
def nets(torch):
    return build_net(minitorch), build_net(torch)


def test_nested_repr_is_torchs(nets):
    ours, theirs = nets
    assert repr(ours) == repr(theirs)


def test_parameter_order_names_and_shapes(nets):
    ours, theirs = nets
    assert [(n, tuple(p.shape)) for n, p in ours.named_parameters()] == [
        (n, tuple(p.shape)) for n, p in theirs.named_parameters()]
    assert [n for n, _ in ours.named_buffers()] == [n for n, _ in theirs.named_buffers()]
    assert [n for n, _ in ours.named_modules()] == [n for n, _ in theirs.named_modules()]
    assert [n for n, _ in ours.named_children()] == [n for n, _ in theirs.named_children()]
    assert list(ours.state_dict()) == list(theirs.state_dict())
    assert len(list(ours.parameters())) == len(list(theirs.parameters()))


def test_shared_modules_and_parameters_are_listed_once(torch):
    def build(lib):
        layer = lib.nn.Linear(2, 2)
        return lib.nn.Sequential(layer, lib.nn.ReLU(), layer)

    ours, theirs = build(minitorch), build(torch)
    for method in ("named_parameters", "named_modules", "named_children"):
        assert [n for n, _ in getattr(ours, method)()] == [n for n, _ in getattr(theirs, method)()]
    assert list(ours.state_dict()) == list(theirs.state_dict())


def test_parameter_repr_and_arithmetic(torch):
    for lib in (minitorch, torch):
        assert lib.nn.Parameter is not None
    for values, requires_grad in [([1.0, 2.0], True), ([[1.5, -2.0]], False)]:
        ours = minitorch.nn.Parameter(minitorch.tensor(values), requires_grad=requires_grad)
        theirs = torch.nn.Parameter(torch.tensor(values), requires_grad=requires_grad)
        assert repr(ours) == repr(theirs)
        assert str(ours) == str(theirs)
        doubled, expected = ours * 2, theirs * 2
        assert type(doubled).__name__ == type(expected).__name__ == "Tensor"
        assert repr(doubled) == repr(expected)
        assert doubled.is_leaf == expected.is_leaf
    assert repr(minitorch.nn.Parameter()) == repr(torch.nn.Parameter())
    assert repr(minitorch.nn.Parameter(minitorch.ones(2, dtype=minitorch.float64))) == repr(
        torch.nn.Parameter(torch.ones(2, dtype=torch.float64)))


def test_parameter_shares_memory_and_version_with_its_tensor(torch):
    for lib in (minitorch, torch):
        data = lib.zeros(2)
        param = lib.nn.Parameter(data)
        data.add_(1)
        assert param._version == 1
        assert param.data_ptr() == data.data_ptr()
        assert param.is_leaf and param.requires_grad
        assert type(param.detach()).__name__ == "Tensor"


def test_only_parameters_register(nets):
    ours, theirs = nets
    assert "not_a_parameter" not in dict(ours.named_parameters())
    ours.extra = minitorch.nn.Parameter(minitorch.zeros(1))
    theirs.extra = type(theirs.scale)(theirs.scale.detach().clone())
    assert [n for n, _ in ours.named_parameters()] == [n for n, _ in theirs.named_parameters()]
    del ours.extra
    del theirs.extra
    assert [n for n, _ in ours.named_parameters()] == [n for n, _ in theirs.named_parameters()]


def _registration_errors(lib):
    nn = lib.nn

    class NoInit(nn.Module):
        def __init__(self, value):
            self.value = value

    def set_attr(name, value):
        module = nn.Linear(2, 2)
        module.register_buffer("buf", lib.ones(1))
        setattr(module, name, value)

    linear = nn.Linear(2, 2)
    return {
        "tensor as parameter": lambda: set_attr("weight", lib.zeros(2, 2)),
        "long tensor as parameter": lambda: set_attr("weight", lib.zeros(2, dtype=lib.int64)),
        "int as parameter": lambda: set_attr("bias", 3),
        "int as buffer": lambda: set_attr("buf", 3),
        "parameter before init": lambda: NoInit(nn.Parameter(lib.ones(1))),
        "module before init": lambda: NoInit(nn.Linear(1, 1)),
        "missing attribute": lambda: linear.foo,
        "buffer with dot": lambda: linear.register_buffer("a.b", lib.ones(1)),
        "empty buffer name": lambda: linear.register_buffer("", lib.ones(1)),
        "buffer over attribute": lambda: linear.register_buffer("weight", lib.ones(1)),
        "buffer not a tensor": lambda: linear.register_buffer("x", 3),
        "buffer name not str": lambda: linear.register_buffer(3, lib.ones(1)),
        "parameter with dot": lambda: linear.register_parameter("a.b", None),
        "tensor registered as parameter": lambda: linear.register_parameter("x", lib.ones(1)),
        "module with dot": lambda: linear.add_module("a.b", nn.ReLU()),
        "module not a module": lambda: linear.add_module("c", 3),
        "no forward": lambda: nn.Module()(1),
        "train with int": lambda: linear.train(1),
        "parameter of ints": lambda: nn.Parameter(lib.tensor([1, 2])),
    }


def test_registration_errors_match_torch(torch):
    ours, theirs = _registration_errors(minitorch), _registration_errors(torch)
    for name in theirs:
        expected = raised(theirs[name])
        assert expected is not None, name
        assert raised(ours[name]) == expected, name


def test_sequential_indexing_and_slicing(torch):
    def build(lib):
        nn = lib.nn
        return nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 3), nn.Tanh(), nn.Linear(3, 1))

    ours, theirs = build(minitorch), build(torch)
    for index in (0, 2, -1, slice(1, 3), slice(None, None, 2), slice(3, 5)):
        assert repr(ours[index]) == repr(theirs[index])
    assert repr(minitorch.nn.Sequential(*ours[3:5])) == repr(torch.nn.Sequential(*theirs[3:5]))
    assert len(ours) == len(theirs)
    for index in (5, -6, "a"):
        assert raised(lambda i=index: ours[i]) == raised(lambda i=index: theirs[i])
    del ours[1]
    del theirs[1]
    assert repr(ours) == repr(theirs)
    ours.append(minitorch.nn.Sigmoid())
    theirs.append(torch.nn.Sigmoid())
    assert repr(ours) == repr(theirs)


def test_sequential_from_ordered_dict_and_module_list(torch):
    from collections import OrderedDict

    def build(lib):
        nn = lib.nn
        named = nn.Sequential(OrderedDict([("fc", nn.Linear(1, 1)), ("act", nn.ReLU())]))
        blocks = nn.ModuleList([nn.ReLU(), nn.Tanh(), nn.ReLU()])
        blocks.insert(1, nn.Sigmoid())
        blocks.extend([nn.Sequential(nn.Linear(2, 2)), nn.Sequential(nn.Linear(2, 2))])
        return named, blocks

    (named, blocks), (t_named, t_blocks) = build(minitorch), build(torch)
    assert repr(named) == repr(t_named)
    assert repr(named.fc) == repr(t_named.fc)
    assert repr(blocks) == repr(t_blocks)
    assert repr(blocks[1:]) == repr(t_blocks[1:])
    assert raised(lambda: blocks[9]) == raised(lambda: t_blocks[9])
    assert repr(minitorch.nn.ModuleList()) == repr(torch.nn.ModuleList())
    assert repr(minitorch.nn.Sequential()) == repr(torch.nn.Sequential())


def test_train_eval_zero_grad_and_requires_grad(torch, nets):
    for net, lib in zip(nets, (minitorch, torch)):
        assert net.eval() is net
        assert not any(module.training for module in net.modules())
        assert net.train() is net and all(module.training for module in net.modules())
        net(lib.ones(2, 3, 4, 4)).sum().backward()
        assert all(p.grad is not None for p in net.parameters())
        net.zero_grad(set_to_none=False)
        assert all(float(p.grad.abs().sum()) == 0 and not p.grad.requires_grad for p in net.parameters())
        net.zero_grad()
        assert all(p.grad is None for p in net.parameters())
        assert net.requires_grad_(False) is net
        assert not any(p.requires_grad for p in net.parameters())


def test_eval_mode_still_records_gradients(torch):
    for lib in (minitorch, torch):
        net = lib.nn.Sequential(lib.nn.Linear(2, 2), lib.nn.Dropout(0.5)).eval()
        out = net(lib.ones(1, 2))
        assert out.requires_grad and out.grad_fn.name() == "AddmmBackward0"


def test_state_dict_round_trip_and_errors(torch):
    def build(lib):
        return lib.nn.Linear(2, 1)

    ours, theirs = build(minitorch), build(torch)
    state = theirs.state_dict()
    values = {key: minitorch.tensor(value.numpy()) for key, value in state.items()}
    assert repr(ours.load_state_dict(values)) == repr(theirs.load_state_dict(state))
    assert repr(ours.state_dict()) == repr(theirs.state_dict())
    assert ours.weight._version == 2 and theirs.weight._version == 2  # init, then the copy
    for net in (ours, theirs):
        assert type(net.state_dict()["weight"]).__name__ == "Tensor"
        assert not net.state_dict()["weight"].requires_grad
    bad = [
        lambda lib: {"weight": lib.zeros(1, 2)},
        lambda lib: {"weight": lib.zeros(1, 2), "bias": lib.zeros(1), "x": lib.zeros(1)},
        lambda lib: {"weight": lib.zeros(2, 2), "x": lib.zeros(1)},
    ]
    for make in bad:
        assert raised(lambda m=make: ours.load_state_dict(m(minitorch))) == raised(
            lambda m=make: theirs.load_state_dict(m(torch)))
    assert repr(ours.load_state_dict({"weight": minitorch.zeros(1, 2)}, strict=False)) == repr(
        theirs.load_state_dict({"weight": torch.zeros(1, 2)}, strict=False))


def test_forward_hooks(torch):
    for lib in (minitorch, torch):
        layer, seen = lib.nn.Linear(2, 1), []

        def record(module, inputs, output, seen=seen):
            seen.append((module, len(inputs)))

        handle = layer.register_forward_hook(record)
        layer(lib.ones(2))
        handle.remove()
        layer(lib.ones(2))
        assert seen == [(layer, 1)]
        handle = layer.register_forward_hook(lambda module, inputs, output: output * 0)
        assert float(layer(lib.ones(2)).detach().sum()) == 0
        handle.remove()
        handle = layer.register_forward_pre_hook(lambda module, inputs: (inputs[0] * 0,))
        assert float(layer(lib.ones(2)).detach().sum()) == float(layer.bias.detach().sum())
        handle.remove()


def test_dtype_conversion_keeps_the_parameter_objects(torch):
    for lib in (minitorch, torch):
        layer = lib.nn.Linear(2, 2)
        layer(lib.ones(2)).sum().backward()
        weight = layer.weight
        assert layer.double() is layer and layer.weight is weight
        assert layer.weight.dtype == layer.bias.grad.dtype == lib.float64 and layer.weight._version == 1
        assert layer.to(lib.float32).weight.dtype == lib.float32
        assert layer.to("cpu") is layer and layer.cpu() is layer
        assert raised(layer.cuda) == ("AssertionError", "Torch not compiled with CUDA enabled")
