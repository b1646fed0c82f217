"""torch.multinomial against real torch: after the same seed, the same indices, with and without replacement,
for float32/float64/float16 weights, 1-d and 2-d (also transposed) inputs, a generator, out=; and the same
errors. Indices only: nothing here prints a float."""

import pytest

import minitorch

pytestmark = pytest.mark.parity


def _weights(t, dtype):
    t.manual_seed(0)
    w = t.rand(4, 7)
    w[1, 3] = 0
    return w.to(getattr(t, dtype))


DRAWS = {
    "one_sample": lambda t, w: t.multinomial(w, 1),
    "one_sample_replacement": lambda t, w: t.multinomial(w, 1, True),
    "five_without": lambda t, w: t.multinomial(w, 5),
    "all_without": lambda t, w: t.multinomial(w, 7),
    "with_replacement": lambda t, w: t.multinomial(w, 30, replacement=True),
    "row_with_replacement": lambda t, w: t.multinomial(w[0], 200, replacement=True),
    "method": lambda t, w: w[2].multinomial(3),
    "transposed_without": lambda t, w: t.multinomial(w.t(), 3),
    "transposed_with": lambda t, w: t.multinomial(w.t(), 3, True),
    "tiny_weights": lambda t, w: t.multinomial(t.tensor([1e-30, 1.0, 1e-30, 0.0]), 50, True),
    "forty_categories": lambda t, w: t.multinomial(t.rand(40), 40),
}


@pytest.mark.parametrize("dtype", ["float32", "float64", "float16"])
@pytest.mark.parametrize("name", sorted(DRAWS))
def test_same_indices_after_the_same_seed(torch, name, dtype):
    def draw(t):
        w = _weights(t, dtype)
        return [DRAWS[name](t, w).tolist() for _ in range(2)]

    assert draw(minitorch) == draw(torch)


def test_generator_and_out(torch):
    def draw(t):
        g = t.Generator().manual_seed(5)
        p = t.tensor([0.2, 0.3, 0.5])
        out = t.empty(0, dtype=t.long)
        t.multinomial(t.ones(2, 4), 2, generator=g, out=out)
        result = t.multinomial(p, 10, True, generator=g), t.multinomial(p, 3, generator=g), out
        return [(x.tolist(), str(x.dtype), x.requires_grad) for x in result]

    assert draw(minitorch) == draw(torch)


def test_result_never_requires_grad(torch):
    def draw(t):
        t.manual_seed(1)
        x = t.multinomial(t.ones(3, requires_grad=True), 2)
        return x.tolist(), x.requires_grad, x.grad_fn

    assert draw(minitorch) == draw(torch)


ERRORS = {
    "zero_dim": lambda t: t.multinomial(t.tensor(0.5), 1),
    "three_dims": lambda t: t.multinomial(t.ones(2, 2, 2), 1),
    "integer_weights": lambda t: t.multinomial(t.tensor([1, 2]), 1),
    "no_samples": lambda t: t.multinomial(t.ones(3), 0),
    "too_many_without": lambda t: t.multinomial(t.ones(3), 4),
    "negative": lambda t: t.multinomial(t.tensor([1.0, -1.0]), 1),
    "negative_with": lambda t: t.multinomial(t.tensor([1.0, -1.0]), 2, True),
    "infinite_with": lambda t: t.multinomial(t.tensor([1.0, float("inf")]), 2, True),
    "nan": lambda t: t.multinomial(t.tensor([1.0, float("nan")]), 1),
    "nan_with": lambda t: t.multinomial(t.tensor([float("nan"), 1.0]), 2, True),
    "second_row_with": lambda t: t.multinomial(t.tensor([[1.0, 1.0], [float("inf"), -1.0]]), 2, True),
    "zero_sum": lambda t: t.multinomial(t.tensor([0.0, 0.0]), 1),
    "zero_sum_with": lambda t: t.multinomial(t.tensor([0.0, 0.0]), 2, True),
    "zero_row": lambda t: t.multinomial(t.tensor([[0.0, 0.0], [1.0, 1.0]]), 1),
    "no_categories": lambda t: t.multinomial(t.zeros(2, 0), 1),
    "float_out": lambda t: t.multinomial(t.ones(3), 2, out=t.zeros(2)),
    "float_count": lambda t: t.multinomial(t.ones(3), 2.0),
}


def _outcome(call):
    try:
        return repr(call()).replace("minitorch", "torch")
    except (RuntimeError, TypeError) as error:
        return type(error).__name__, str(error)


@pytest.mark.parametrize("name", sorted(ERRORS))
def test_errors(torch, name):
    assert _outcome(lambda: ERRORS[name](minitorch)) == _outcome(lambda: ERRORS[name](torch))


def test_empty_result(torch):
    assert _outcome(lambda: minitorch.multinomial(minitorch.ones(0, 3), 2)) == _outcome(
        lambda: torch.multinomial(torch.ones(0, 3), 2))
