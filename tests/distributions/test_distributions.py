"""minitorch.distributions without torch: hand-derived values, shapes, validation, and gradients that agree
with finite differences (gradcheck, float64)."""

import math

import pytest

import minitorch as torch
from minitorch.autograd import gradcheck

D = torch.distributions


def leaf(*values):
    """A float64 leaf that requires grad."""
    return torch.tensor(values, dtype=torch.float64, requires_grad=True)


def close(actual, expected, tol=1e-6):
    return abs(float(actual) - expected) < tol


def test_normal_log_prob_at_the_mean_and_one_scale_away():
    d = D.Normal(torch.tensor([1.0]), torch.tensor([2.0]))
    assert close(d.log_prob(torch.tensor([1.0])), -math.log(2.0) - 0.5 * math.log(2 * math.pi))
    assert close(d.log_prob(torch.tensor([3.0])), -0.5 - math.log(2.0) - 0.5 * math.log(2 * math.pi))


def test_entropies_of_textbook_cases():
    assert close(D.Bernoulli(torch.tensor(0.5)).entropy(), math.log(2))
    assert close(D.Categorical(torch.ones(4)).entropy(), math.log(4))
    assert close(D.Normal(0.0, 1.0).entropy(), 0.5 + 0.5 * math.log(2 * math.pi))
    assert close(D.Uniform(0.0, 4.0).entropy(), math.log(4))
    assert close(D.Exponential(torch.tensor(2.0)).entropy(), 1 - math.log(2))


def test_kl_of_normals():
    same = D.Normal(torch.tensor([0.5]), torch.tensor([2.0]))
    assert close(D.kl_divergence(same, same), 0.0)
    shifted = D.kl_divergence(D.Normal(torch.tensor([0.0]), 1.0), D.Normal(torch.tensor([1.0]), 1.0))
    assert close(shifted, 0.5)  # (mu_p - mu_q)^2 / (2 sigma^2)


def test_shapes_of_samples():
    d = D.Normal(torch.zeros(2, 3), 1.0)
    assert d.batch_shape == (2, 3) and d.event_shape == ()
    assert d.sample().shape == (2, 3) and d.rsample((4, 5)).shape == (4, 5, 2, 3)
    m = D.Multinomial(10, torch.tensor([0.2, 0.3, 0.5]))
    assert m.batch_shape == () and m.event_shape == (3,)
    counts = m.sample((7,))
    assert counts.shape == (7, 3) and counts.dtype == torch.float32
    assert counts.sum(-1).tolist() == [10.0] * 7
    onehot = D.OneHotCategorical(torch.tensor([0.2, 0.8])).sample((5,))
    assert onehot.sum(-1).tolist() == [1.0] * 5
    assert D.Categorical(torch.ones(2, 4)).sample((3,)).shape == (3, 2)
    assert D.Independent(D.Normal(torch.zeros(2, 3), 1.0), 1).batch_shape == (2,)


def test_samples_lie_in_the_support():
    torch.manual_seed(0)
    u = D.Uniform(torch.tensor([-1.0]), torch.tensor([2.0])).sample((200,))
    assert bool(((u >= -1) & (u < 2)).all())
    assert bool((D.Exponential(torch.tensor([3.0])).sample((200,)) >= 0).all())
    b = D.Bernoulli(torch.tensor([0.3])).sample((50,))
    assert set(b.flatten().tolist()) <= {0.0, 1.0}
    c = D.Categorical(torch.tensor([0.0, 1.0, 0.0])).sample((20,))
    assert c.tolist() == [1] * 20
    counts = D.Binomial(torch.tensor([5.0, 80.0, 3.0, 0.0]), torch.tensor([0.3, 0.6, 1.0, 0.5])).sample((100,))
    assert bool(((counts >= 0) & (counts <= torch.tensor([5.0, 80.0, 3.0, 0.0])) & (counts % 1 == 0)).all())
    assert counts[:, 2].tolist() == [3.0] * 100 and counts[:, 3].tolist() == [0.0] * 100


def test_binomial_sample_means_are_near_n_p():
    torch.manual_seed(0)
    counts = D.Binomial(torch.tensor([10.0, 200.0]), torch.tensor([0.2, 0.7])).sample((2000,))
    means = counts.mean(0).tolist()
    assert abs(means[0] - 2.0) < 0.1 and abs(means[1] - 140.0) < 1.0  # standard errors 0.028 and 0.14


def test_gamma_reparameterised_gradient_has_the_mean_s_derivative():
    """E[dx/d alpha] = d E[x] / d alpha = 1 / rate: the implicit gradient averages to it."""
    torch.manual_seed(0)
    for alpha in (0.4, 2.0, 12.0):
        a = torch.tensor(alpha, dtype=torch.float64, requires_grad=True)
        D.Gamma(a, 2.0).rsample((4000,)).mean().backward()
        assert abs(a.grad.item() - 0.5) < 0.02
        assert abs(D.Gamma(alpha, 2.0).sample((4000,)).mean().item() - alpha / 2) < 0.05 * max(alpha, 1)


def test_sample_has_no_history_and_rsample_has():
    loc = torch.zeros(2, requires_grad=True)
    d = D.Normal(loc, 1.0)
    assert d.sample().grad_fn is None and not d.sample().requires_grad
    assert d.rsample().grad_fn.name() == "AddBackward0"


def test_validation_errors():
    with pytest.raises(ValueError, match="Expected parameter scale"):
        D.Normal(0.0, -1.0)
    assert D.Normal(0.0, -1.0, validate_args=False).scale.item() == -1.0
    with pytest.raises(ValueError, match="to be within the support"):
        D.Bernoulli(torch.tensor(0.3)).log_prob(torch.tensor(2.0))
    with pytest.raises(ValueError, match="Either `probs` or `logits`"):
        D.Categorical()
    with pytest.raises(NotImplementedError, match="No KL"):
        D.kl_divergence(D.Normal(0.0, 1.0), D.Categorical(torch.ones(2)))


def test_repr_shows_scalars_and_shapes():
    assert repr(D.Normal(0.0, 1.0)) == "Normal(loc: 0.0, scale: 1.0)"
    assert repr(D.Normal(torch.zeros(2), 1.0)) == "Normal(loc: torch.Size([2]), scale: torch.Size([2]))"
    assert repr(D.constraints.positive) == "GreaterThan(lower_bound=0.0)"


def test_torch_module_paths_under_the_alias():
    from minitorch.run import torch_alias

    with torch_alias():
        from torch.distributions.multinomial import Multinomial
        from torch.distributions.normal import Normal
    assert Multinomial is D.Multinomial and Normal is D.Normal


def seeded(draw):
    """``draw`` after the same seed each time, so that gradcheck sees one function of the parameters."""

    def fn(*args):
        torch.manual_seed(0)
        return draw(*args)

    return fn


GRADCHECKS = {
    "normal_rsample": (seeded(lambda m, s: D.Normal(m, s).rsample((3,))), (leaf(0.5, -1.0), leaf(1.0, 2.0))),
    "normal_log_prob": (lambda m, s, x: D.Normal(m, s).log_prob(x), (leaf(0.5, -1.0), leaf(1.0, 2.0), leaf(0.1, 0.7))),
    "normal_entropy": (lambda s: D.Normal(0.0, s).entropy(), (leaf(0.5, 2.0),)),
    "normal_cdf": (lambda m, s: D.Normal(m, s).cdf(torch.tensor([0.3, 0.2], dtype=torch.float64)),
                   (leaf(0.5, -1.0), leaf(1.0, 2.0))),
    "uniform_rsample": (seeded(lambda lo, hi: D.Uniform(lo, hi).rsample((2,))), (leaf(0.0, -1.0), leaf(1.0, 2.0))),
    "uniform_log_prob": (lambda lo, hi: D.Uniform(lo, hi).log_prob(torch.tensor([0.5, 0.0], dtype=torch.float64)),
                         (leaf(0.0, -1.0), leaf(1.0, 2.0))),
    "exponential_rsample": (seeded(lambda r: D.Exponential(r).rsample((3,))), (leaf(0.5, 2.0),)),
    "exponential_log_prob": (lambda r, x: D.Exponential(r).log_prob(x), (leaf(0.5, 2.0), leaf(0.3, 1.2))),
    "bernoulli_log_prob_probs": (lambda p: D.Bernoulli(p).log_prob(torch.tensor([1.0, 0.0], dtype=torch.float64)),
                                 (leaf(0.3, 0.6),)),
    "bernoulli_entropy_logits": (lambda z: D.Bernoulli(logits=z).entropy(), (leaf(0.3, -1.5),)),
    "categorical_log_prob": (lambda z: D.Categorical(logits=z).log_prob(torch.tensor([0, 2])),
                             (torch.tensor([[0.1, 0.5, -1.0], [2.0, 0.0, 1.0]], dtype=torch.float64,
                                           requires_grad=True),)),
    "categorical_entropy_probs": (lambda p: D.Categorical(p).entropy(), (leaf(0.2, 0.3, 0.5),)),
    "multinomial_log_prob": (lambda p: D.Multinomial(4, p).log_prob(torch.tensor([1.0, 1.0, 2.0], dtype=torch.float64)),
                             (leaf(0.2, 0.3, 0.5),)),
    "gamma_log_prob": (lambda a, r, x: D.Gamma(a, r).log_prob(x), (leaf(0.5, 3.0), leaf(1.0, 2.0), leaf(0.4, 2.5))),
    "gamma_entropy": (lambda a, r: D.Gamma(a, r).entropy(), (leaf(0.5, 3.0), leaf(1.0, 2.0))),
    "gamma_rsample_in_rate": (seeded(lambda r: D.Gamma(torch.tensor([0.5, 3.0], dtype=torch.float64), r).rsample()),
                              (leaf(1.0, 2.0),)),
    "kl_normal": (lambda m, s: D.kl_divergence(D.Normal(m, s), D.Normal(0.0, 1.0)), (leaf(0.5, -1.0), leaf(1.0, 2.0))),
    "independent_log_prob": (lambda m: D.Independent(D.Normal(m, 1.0), 1).log_prob(torch.ones(2, dtype=torch.float64)),
                             (leaf(0.5, -1.0),)),
}


@pytest.mark.parametrize("name", sorted(GRADCHECKS))
def test_gradcheck(name):
    fn, inputs = GRADCHECKS[name]
    assert gradcheck(fn, inputs)
