"""The generator without torch: mt19937's published values, the transforms worked out by hand, the errors.

The mt19937 word values are public reference values (the C++ standard fixes the 10000th word of the
default-seeded engine; the first words for seed 0 are those of every mt19937 implementation). The
tensors' values are derived from those words with the transforms written out in each test.
"""

import math

import numpy as np
import pytest

import minitorch
from minitorch import _random, _random_avx_math
from minitorch._random_fma import fma

SEED_0_WORDS = [2357136044, 2546248239, 3071714933, 3626093760]


def test_the_engine_is_the_standard_mt19937():
    words = minitorch.Generator().manual_seed(5489).random32(10000)
    assert words[0] == 3499211612
    assert words[-1] == 4123659995  # [rand.predef]: the 10000th value of std::mt19937 is 4123659995
    assert minitorch.Generator().manual_seed(0).random32(4).tolist() == SEED_0_WORDS


def test_a_64_bit_word_is_two_words_high_half_first():
    (word,) = minitorch.Generator().manual_seed(0).random64(1).tolist()
    assert word == SEED_0_WORDS[0] * 2**32 + SEED_0_WORDS[1]


def test_rand_keeps_24_bits_of_a_word_and_float64_53_bits_of_two():
    minitorch.manual_seed(0)
    assert minitorch.rand(2).tolist() == [(w % 2**24) / 2**24 for w in SEED_0_WORDS[:2]]
    minitorch.manual_seed(0)
    assert minitorch.rand(1, dtype=minitorch.float64).item() == ((SEED_0_WORDS[0] * 2**32 + SEED_0_WORDS[1])
                                                                 % 2**53) / 2**53


def test_randint_is_a_word_modulo_the_span_plus_low():
    minitorch.manual_seed(0)
    assert minitorch.randint(-3, 7, (4,)).tolist() == [w % 10 - 3 for w in SEED_0_WORDS]


def test_randperm_swaps_position_i_with_i_plus_a_word_modulo_the_rest():
    minitorch.manual_seed(0)
    order = [0, 1, 2, 3]
    for i, word in enumerate(SEED_0_WORDS[:3]):
        j = i + word % (4 - i)
        order[i], order[j] = order[j], order[i]
    assert minitorch.randperm(4).tolist() == order


def test_uniform_scales_then_shifts():
    minitorch.manual_seed(0)
    value = minitorch.empty(1, dtype=minitorch.float64).uniform_(2.0, 6.0).item()
    unit = ((SEED_0_WORDS[0] * 2**32 + SEED_0_WORDS[1]) % 2**53) / 2**53
    assert value == pytest.approx(unit * 4.0 + 2.0, abs=1e-15)


def test_small_normal_draws_come_in_pairs_and_keep_the_second_for_later():
    minitorch.manual_seed(5)
    four = minitorch.randn(4, dtype=minitorch.float64).tolist()
    minitorch.manual_seed(5)
    three_then_one = minitorch.randn(3, dtype=minitorch.float64).tolist() + minitorch.randn(1).double().tolist()
    assert three_then_one[:3] == four[:3]
    assert three_then_one[3] == pytest.approx(four[3], rel=1e-7)  # the cached value, now rounded to float32


def test_the_first_normal_is_box_muller_of_two_uniforms():
    minitorch.manual_seed(0)
    u1, u2 = minitorch.rand(2, dtype=minitorch.float64).tolist()
    minitorch.manual_seed(0)
    expected = math.sqrt(-2 * math.log1p(-u2)) * math.cos(2 * math.pi * u1)
    assert minitorch.randn(1, dtype=minitorch.float64).item() == expected


def test_manual_seed_restarts_and_a_new_generator_has_torchs_default_seed():
    generator = minitorch.Generator()
    assert generator.initial_seed() == 67280421310721
    first = minitorch.randn(20, generator=generator)
    assert generator.manual_seed(67280421310721) is generator
    assert minitorch.randn(20, generator=generator).equal(first)
    assert repr(generator).startswith("<torch._C.Generator object at 0x")
    assert str(generator.device) == "cpu"


def test_seeds_wrap_like_unsigned_64_bit_numbers():
    minitorch.manual_seed(-1)
    assert minitorch.initial_seed() == 2**64 - 1
    with pytest.raises(ValueError, match="Overflow when unpacking long long"):
        minitorch.manual_seed(2**64)
    with pytest.raises(RuntimeError, match="manual_seed expected a long, but got float"):
        minitorch.Generator().manual_seed(1.5)


def test_state_round_trip_includes_the_cached_normal():
    minitorch.manual_seed(11)
    minitorch.randn(3)
    state = minitorch.get_rng_state()
    assert state._data.dtype == np.uint8 and state._data.shape == (5056,)
    after = minitorch.randn(7)
    minitorch.manual_seed(0)
    minitorch.set_rng_state(state)
    assert minitorch.randn(7).equal(after)


def test_state_errors():
    with pytest.raises(TypeError, match="RNG state must be a torch.ByteTensor"):
        minitorch.set_rng_state(minitorch.zeros(5056))
    with pytest.raises(RuntimeError, match="Expected a CPUGeneratorImplState of size 5056 but found the input "
                                           "RNG state size to be 10"):
        minitorch.set_rng_state(minitorch.from_numpy(np.zeros(10, dtype=np.uint8)))
    with pytest.raises(RuntimeError, match="Invalid mt19937 state"):
        minitorch.set_rng_state(minitorch.from_numpy(np.zeros(5056, dtype=np.uint8)))


@pytest.mark.parametrize("call, error, text", [
    (lambda: minitorch.zeros(3).uniform_(1, 0), RuntimeError,
     "uniform_ expects to return a [from, to) range, but found from=1 > to=0"),
    (lambda: minitorch.zeros(3).normal_(0, -1), RuntimeError, "normal expects std >= 0.0, but found std -1"),
    (lambda: minitorch.zeros(3).bernoulli_(1.5), RuntimeError, "bernoulli_ expects p to be in [0, 1], but got p=1.5"),
    (lambda: minitorch.zeros(3).random_(5, 3), RuntimeError,
     "random_ expects 'from' to be less than 'to', but got from=5 >= to=3"),
    (lambda: minitorch.zeros(3).exponential_(0), RuntimeError,
     "exponential_ expects lambda > 0.0, but found lambda=0"),
    (lambda: minitorch.randperm(-1), RuntimeError, "Trying to create tensor with negative dimension -1: [-1]"),
    (lambda: minitorch.rand(2, dtype=minitorch.int64), NotImplementedError,
     "\"check_uniform_bounds\" not implemented for 'Long'"),
    (lambda: minitorch.zeros(2, dtype=minitorch.int64).normal_(), NotImplementedError,
     "\"normal_kernel_cpu\" not implemented for 'Long'"),
    (lambda: minitorch.normal(minitorch.zeros(2), -1.0), RuntimeError, "normal expects std >= 0.0, but found std -1"),
])
def test_errors_are_torchs(call, error, text):
    with pytest.raises(error) as raised:
        call()
    assert str(raised.value) == text


def test_random_fills_bump_the_version_and_record_no_graph():
    x = minitorch.zeros(4)
    x.normal_().uniform_().bernoulli_(0.5).random_(3)
    assert x._version == 4 and x.grad_fn is None
    with pytest.raises(RuntimeError, match="a leaf Variable that requires grad"):
        minitorch.zeros(2, requires_grad=True).uniform_()


def test_fused_multiply_add_rounds_once():
    assert fma(np.array([0.1]), 10.0, -1.0)[0] == 2.0**-54  # 0.1 is 0.1 + 2**-54 / 10 in binary
    assert fma(np.array([0.1], dtype=np.float32), np.float32(10), np.float32(-1))[0] == np.float32(2.0**-26)
    assert np.float32(0.1) * np.float32(10) - np.float32(1) == 0  # the unfused result loses it


def test_the_vector_kernels_log_and_sincos_are_close_to_exact():
    x = np.linspace(1e-6, 1, 20001, dtype=np.float32)
    exact = np.log(x.astype(np.float64))
    ulp = np.spacing(np.abs(exact).astype(np.float32)).astype(np.float64)
    assert np.all(np.abs(_random_avx_math.log(x) - exact) <= 4 * ulp)
    theta = np.linspace(0, 2 * np.pi, 20001, dtype=np.float32)
    sin, cos = _random_avx_math.sincos(theta)
    assert np.max(np.abs(sin - np.sin(theta.astype(np.float64)))) < 2e-7
    assert np.max(np.abs(cos - np.cos(theta.astype(np.float64)))) < 2e-7
    assert _random_avx_math.log(np.array([1.0], dtype=np.float32))[0] == 0
    assert [v[0] for v in _random_avx_math.sincos(np.zeros(1, dtype=np.float32))] == [0, 1]


def test_dropout_mask_is_zero_or_the_rescale():
    minitorch.manual_seed(0)
    out = minitorch.nn.functional.dropout(minitorch.ones(200), 0.3)
    assert set(out.tolist()) == {0.0, float(np.float32(1) / np.float32(0.7))}


def test_random_integers_stay_in_range_for_every_span():
    for low, high in [(0, 1), (-5, 5), (0, 2**28 - 1), (0, 2**28), (-(2**40), 2**40)]:
        values = _random.integers(low, high, (1000,))
        assert values.min() >= low and values.max() < high
