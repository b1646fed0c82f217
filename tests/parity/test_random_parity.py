"""Seeded random numbers equal torch's bit for bit: the same seed gives the same bytes in every dtype.

Each test seeds both libraries, draws the same thing, and compares the raw bytes (so -0.0, NaN and
the last bit all count). Seeds, sizes below, at and above 16 (the normal kernel changes there), odd
sizes, dtypes and ranges vary.
"""

import math

import numpy as np
import pytest

import minitorch

SEEDS = (0, 1, 7, 42, 1234, 2**32 + 5, 2**63 - 1)
SIZES = ((1,), (5,), (15,), (16,), (17,), (3, 11), (64,), (7, 13))
FLOATS = ("float32", "float64")


def _same(ours, theirs):
    ours, theirs = ours.detach().numpy(), theirs.detach().numpy()
    assert ours.dtype == theirs.dtype and ours.shape == theirs.shape
    assert ours.tobytes() == theirs.tobytes(), f"\nminitorch {ours.ravel()[:8]}\ntorch     {theirs.ravel()[:8]}"


def _both(torch, seed, draw):
    """Run ``draw(library)`` after seeding each library with ``seed``; compare the results' bytes."""
    torch.manual_seed(seed)
    theirs = draw(torch)
    minitorch.manual_seed(seed)
    ours = draw(minitorch)
    for mine, real in zip(ours if isinstance(ours, tuple) else (ours,),
                          theirs if isinstance(theirs, tuple) else (theirs,)):
        _same(mine, real)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("dtype", FLOATS)
def test_rand_and_randn(torch, seed, size, dtype):
    _both(torch, seed, lambda lib: (lib.rand(*size, dtype=getattr(lib, dtype)),
                                    lib.randn(*size, dtype=getattr(lib, dtype)),
                                    lib.randn(size, dtype=getattr(lib, dtype))))


@pytest.mark.parametrize("seed", SEEDS[:4])
@pytest.mark.parametrize("dtype", FLOATS)
@pytest.mark.parametrize("low, high", [(0.0, 1.0), (-2.5, 3.1), (-1 / 3, 1 / 7), (10.0, 1e6), (5.0, 5.0)])
def test_uniform_(torch, seed, dtype, low, high):
    _both(torch, seed, lambda lib: tuple(lib.empty(n, dtype=getattr(lib, dtype)).uniform_(low, high)
                                         for n in (3, 16, 33)))


@pytest.mark.parametrize("seed", SEEDS[:4])
@pytest.mark.parametrize("dtype", FLOATS)
@pytest.mark.parametrize("mean, std", [(0.0, 1.0), (0.5, 2.3), (-1.1, 0.01), (3.0, 0.0)])
def test_normal_(torch, seed, dtype, mean, std):
    _both(torch, seed, lambda lib: tuple(lib.empty(n, dtype=getattr(lib, dtype)).normal_(mean, std)
                                         for n in (1, 3, 16, 31, 100)))


@pytest.mark.parametrize("seed", SEEDS[:3])
def test_normal_keeps_the_second_value_of_a_pair_for_the_next_call(torch, seed):
    """Small tensors draw normals in pairs; an odd count leaves one waiting, used first by the next draw."""
    _both(torch, seed, lambda lib: (lib.randn(3), lib.randn(1), lib.randn(20), lib.randn(5, dtype=lib.float64),
                                    lib.randn(2)))


@pytest.mark.parametrize("seed", SEEDS[:3])
def test_non_contiguous_targets_fill_in_memory_order(torch, seed):
    _both(torch, seed, lambda lib: (lib.zeros(8, 4).t().normal_(), lib.zeros(5, 4).t().uniform_(),
                                    lib.zeros(4, 6)[:, ::2].normal_(), lib.zeros(3, 7).t().random_(0, 100)))


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("low, high", [(0, 2), (0, 10), (-5, 3), (0, 2**31), (0, 2**32), (-2**40, 7), (3, 2**62)])
def test_randint(torch, seed, low, high):
    _both(torch, seed, lambda lib: (lib.randint(low, high, (9,)), lib.randint(low, high, (2, 3))))


@pytest.mark.parametrize("seed", SEEDS[:3])
@pytest.mark.parametrize("dtype", ["int64", "float32", "float64"])
def test_randint_dtypes_and_forms(torch, seed, dtype):
    _both(torch, seed, lambda lib: (lib.randint(10, (4,), dtype=getattr(lib, dtype)),
                                    lib.randint(3, 9, size=(5,)), lib.randint(7, size=(3,)),
                                    lib.randint_like(lib.zeros(6, dtype=getattr(lib, dtype)), 4),
                                    lib.randint_like(lib.zeros(6), 2, 30)))


@pytest.mark.parametrize("seed", SEEDS[:4])
@pytest.mark.parametrize("dtype", ["int64", "float32", "float64", "bool"])
def test_random_(torch, seed, dtype):
    _both(torch, seed, lambda lib: (lib.zeros(7, dtype=getattr(lib, dtype)).random_(),
                                    lib.zeros(7, dtype=getattr(lib, dtype)).random_(2),
                                    lib.zeros(7, dtype=getattr(lib, dtype)).random_(0, 2)))


@pytest.mark.parametrize("seed", SEEDS[:4])
def test_random_ranges(torch, seed):
    _both(torch, seed, lambda lib: (lib.zeros(7, dtype=lib.int64).random_(-3, 3),
                                    lib.zeros(7, dtype=lib.int64).random_(50),
                                    lib.zeros(7, dtype=lib.int64).random_(0, 2**40),
                                    lib.zeros(7).random_(3, 1000)))


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("n", [0, 1, 2, 3, 10, 17, 1000])
def test_randperm(torch, seed, n):
    _both(torch, seed, lambda lib: (lib.randperm(n), lib.randperm(n, dtype=lib.float32)))


@pytest.mark.parametrize("seed", SEEDS[:4])
@pytest.mark.parametrize("p", [0.0, 0.1, 0.5, 0.93, 1.0])
def test_bernoulli_with_a_probability(torch, seed, p):
    _both(torch, seed, lambda lib: (lib.zeros(40).bernoulli_(p), lib.zeros(3, dtype=lib.float64).bernoulli_(p),
                                    lib.bernoulli(lib.zeros(5, 2), p)))


@pytest.mark.parametrize("seed", SEEDS[:4])
@pytest.mark.parametrize("dtype", FLOATS)
def test_bernoulli_of_a_probability_tensor(torch, seed, dtype):
    def draw(lib):
        probabilities = lib.linspace(0, 1, 21, dtype=getattr(lib, dtype))
        return (lib.bernoulli(probabilities), probabilities.bernoulli(),
                lib.zeros(3, 21).bernoulli_(probabilities), lib.zeros(21, dtype=lib.float64).bernoulli_(probabilities))
    _both(torch, seed, draw)


@pytest.mark.parametrize("seed", SEEDS[:4])
@pytest.mark.parametrize("dtype", FLOATS)
def test_exponential_(torch, seed, dtype):
    _both(torch, seed, lambda lib: (lib.empty(20, dtype=getattr(lib, dtype)).exponential_(),
                                    lib.empty(3, dtype=getattr(lib, dtype)).exponential_(2.5)))


@pytest.mark.parametrize("seed", SEEDS[:4])
def test_torch_normal_forms(torch, seed):
    _both(torch, seed, lambda lib: (lib.normal(2, 3, size=(4,)), lib.normal(lib.arange(5.0), 2.0),
                                    lib.normal(lib.zeros(20), lib.arange(1.0, 21.0)),
                                    lib.normal(1.5, lib.ones(3, dtype=lib.float64)),
                                    lib.normal(lib.ones(2, 3), lib.ones(3))))


@pytest.mark.parametrize("seed", SEEDS[:4])
def test_like_factories(torch, seed):
    _both(torch, seed, lambda lib: (lib.rand_like(lib.zeros(3, 4)), lib.randn_like(lib.zeros(20, dtype=lib.float64)),
                                    lib.rand_like(lib.zeros(2), dtype=lib.float64)))


@pytest.mark.parametrize("seed", SEEDS)
def test_linear_and_conv2d_start_with_torchs_weights(torch, seed):
    _both(torch, seed, lambda lib: (lib.nn.Linear(2, 3).weight, lib.nn.Linear(2, 3).bias,
                                    lib.nn.Linear(300, 17).weight, lib.nn.Conv2d(3, 8, 3).weight,
                                    lib.nn.Conv2d(1, 2, (5, 3), bias=True).bias))


INITS = [
    ("uniform_", {"a": -1.0, "b": 2.0}), ("normal_", {"mean": 0.3, "std": 2.0}),
    ("kaiming_uniform_", {}), ("kaiming_uniform_", {"a": math.sqrt(5)}),
    ("kaiming_normal_", {"mode": "fan_out", "nonlinearity": "relu"}),
    ("xavier_uniform_", {}), ("xavier_normal_", {"gain": 2.0}),
]


@pytest.mark.parametrize("seed", SEEDS[:4])
@pytest.mark.parametrize("name, kwargs", INITS)
@pytest.mark.parametrize("shape", [(5, 7), (2, 3), (8, 4, 3, 3)])
def test_init_functions(torch, seed, name, kwargs, shape):
    _both(torch, seed, lambda lib: getattr(lib.nn.init, name)(lib.empty(*shape), **kwargs))


@pytest.mark.parametrize("seed", SEEDS[:4])
@pytest.mark.parametrize("p", [0.1, 0.3, 0.5, 0.123, 0.9])
def test_dropout_masks(torch, seed, p):
    x = np.arange(1.0, 61.0).reshape(6, 10)

    def draw(lib):
        data = lib.tensor(x, dtype=lib.float32)
        return (lib.nn.functional.dropout(data, p), lib.nn.Dropout(p)(data),
                lib.nn.functional.dropout(lib.tensor(x), p))
    _both(torch, seed, draw)


@pytest.mark.parametrize("seed", SEEDS)
def test_generators_are_independent_of_the_default_one(torch, seed):
    def draw(lib):
        generator = lib.Generator().manual_seed(seed + 1)
        return (lib.randn(3, generator=generator), lib.rand(20, generator=generator), lib.randn(2),
                lib.randperm(9, generator=generator), lib.randint(0, 5, (4,), generator=generator),
                lib.empty(17).normal_(generator=generator), lib.empty(4).uniform_(generator=generator))
    _both(torch, seed, draw)


def test_a_new_generator_has_torchs_default_seed(torch):
    assert minitorch.Generator().initial_seed() == torch.Generator().initial_seed()
    _same(minitorch.rand(5, generator=minitorch.Generator()), torch.rand(5, generator=torch.Generator()))


@pytest.mark.parametrize("seed", [0, -1, 2**64 - 1, -(2**63)])
def test_initial_seed_of_any_seed(torch, seed):
    torch.manual_seed(seed)
    minitorch.manual_seed(seed)
    assert minitorch.initial_seed() == torch.initial_seed()
    _same(minitorch.rand(3), torch.rand(3))


@pytest.mark.parametrize("draws", [0, 1, 5, 700])
def test_rng_state_bytes_are_torchs_and_load_both_ways(torch, draws):
    """After any number of draws (and with a normal waiting in the cache) the 5056 state bytes are equal."""
    torch.manual_seed(3)
    minitorch.manual_seed(3)
    torch.rand(draws)
    minitorch.rand(draws)
    torch.randn(1)
    minitorch.randn(1)
    theirs, ours = torch.get_rng_state(), minitorch.get_rng_state()
    assert ours._data.tobytes() == theirs.numpy().tobytes()
    torch.randn(40)
    minitorch.manual_seed(99)
    minitorch.set_rng_state(minitorch.from_numpy(theirs.numpy().copy()))
    _same(minitorch.randn(1), torch.set_rng_state(theirs) or torch.randn(1))
    _same(minitorch.randn(40), torch.randn(40))


def test_random_seed_is_not_reproducible_but_consistent(torch):
    chosen = minitorch.seed()
    assert minitorch.initial_seed() == chosen
    torch.manual_seed(chosen)
    _same(minitorch.rand(4), torch.rand(4))


@pytest.mark.parametrize("seed", SEEDS[:3])
@pytest.mark.parametrize("bounds", [(0.5, 2.0, -1.0, 3.0), (0.0, 1.0, 1.0, 1.5)])
def test_trunc_normal_rejects_as_torch_does(torch, seed, bounds):
    """Wide bounds redraw normals outside them; narrow ones (under 30% of the mass) take uniform proposals."""
    mean, std, a, b = bounds
    torch.manual_seed(seed)
    theirs = torch.nn.init.trunc_normal_(torch.empty(40), mean=mean, std=std, a=a, b=b)
    minitorch.manual_seed(seed)
    ours = minitorch.nn.init.trunc_normal_(minitorch.empty(40), mean=mean, std=std, a=a, b=b)
    np.testing.assert_allclose(ours.numpy(), theirs.numpy(), rtol=1e-5, atol=1e-6)


RANDOM_FILLS = [("uniform_", ()), ("normal_", ()), ("bernoulli_", ()), ("bernoulli_", (0.3,)), ("random_", ()),
                ("random_", (5,)), ("random_", (1, 5)), ("exponential_", ())]


@pytest.mark.parametrize("method, args", RANDOM_FILLS)
def test_random_fills_of_a_tensor_that_requires_grad_record_torchs_node(torch, method, args):
    def draw(lib):
        x = lib.ones(3, requires_grad=True)
        y = x * 2
        getattr(y, method)(*args)
        y.sum().backward()
        return y.grad_fn.name(), y.grad_fn.next_functions[0][0].name(), x.grad.tolist(), y._version
    assert draw(minitorch) == draw(torch)


def test_normal_and_bernoulli_of_tensors_that_require_grad(torch):
    def draw(lib):
        mean, std = lib.zeros(3, requires_grad=True), lib.ones(3, requires_grad=True)
        outputs = [lib.normal(mean, std), lib.normal(mean, 2.0), lib.normal(1.0, std),
                   lib.bernoulli(lib.full((3,), 0.5, requires_grad=True))]
        sum(o.sum() for o in outputs).backward()
        return [o.grad_fn.name() for o in outputs], mean.grad.tolist(), std.grad.tolist()
    torch.manual_seed(0)
    theirs = draw(torch)
    minitorch.manual_seed(0)
    assert draw(minitorch) == theirs


def test_empty_tensors_draw_nothing(torch):
    _both(torch, 0, lambda lib: (lib.randn(0, 3), lib.rand(0), lib.randperm(0), lib.randint(5, (0,)),
                                 lib.empty(0).normal_(), lib.randn(3)))


@pytest.mark.parametrize("seed", SEEDS[:3])
def test_random_from_a_start_to_the_end_of_the_dtype(torch, seed):
    _both(torch, seed, lambda lib: (lib.zeros(5, dtype=lib.int64).random_(-(2**63), None),
                                    lib.zeros(5, dtype=lib.int64).random_(2**40, None),
                                    lib.zeros(5, dtype=lib.float64).random_(3, None)))
