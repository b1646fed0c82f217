"""torch.distributions against real torch: after the same seed the same samples (Normal, Uniform, Bernoulli,
Categorical, Multinomial, OneHotCategorical, Exponential, Binomial, Gamma, Independent), the same reprs,
log_prob, entropy, moments, validation errors, backward graphs and gradients, kl_divergence. Each program
leaves what it compares in ``out``; printed floats are compared as torch prints them (4 digits)."""

import pytest
from live_compare import mismatch

pytestmark = pytest.mark.parity

SEEDS = [0, 1, 7, 123]

SAMPLING = {
    "normal": "d = D.Normal(torch.tensor([0., 1., -2.]), torch.tensor([1., 2., 0.5]))\n"
    "out = (d.sample(), d.sample((2,)), d.rsample((4, 1)), d.sample((20,)))",
    "normal_scalars": "d = D.Normal(0., 1.)\nout = (d.sample(), d.sample((3,)), d.rsample((17,)), d.sample((5, 4)))",
    "normal_float64": "d = D.Normal(torch.zeros(2, dtype=torch.float64), 2.)\nout = (d.rsample((9,)), d.sample())",
    "uniform": "d = D.Uniform(torch.tensor([0., -1.]), torch.tensor([1., 3.]))\nout = (d.sample(), d.rsample((3,)))",
    "uniform_scalars": "out = D.Uniform(2, 5).sample((2, 3))",
    "bernoulli": "d = D.Bernoulli(torch.tensor([0.1, 0.5, 0.9]))\nout = (d.sample(), d.sample((4,)))",
    "bernoulli_logits": "d = D.Bernoulli(logits=torch.tensor([[-1., 2.]]))\nout = d.sample((3,))",
    "categorical": "d = D.Categorical(torch.tensor([0.1, 0.2, 0.3, 0.4]))\nout = (d.sample(), d.sample((6,)),"
    " d.sample((2, 3)))",
    "categorical_batch": "d = D.Categorical(logits=torch.randn(3, 5))\nout = (d.sample(), d.sample((4,)))",
    "multinomial": "d = D.Multinomial(20, torch.tensor([0.2, 0.3, 0.5]))\nout = (d.sample(), d.sample((3,)))",
    "multinomial_d2l": "fair = torch.ones([6]) / 6\n"
    "out = (D.Multinomial(1, fair).sample(), D.Multinomial(1000, fair).sample(), D.Multinomial(10,"
    " fair).sample((5,)))",
    "multinomial_batch": "out = D.Multinomial(7, logits=torch.zeros(2, 3)).sample((2,))",
    "one_hot": "d = D.OneHotCategorical(torch.tensor([0.2, 0.3, 0.5]))\nout = (d.sample(), d.sample((4,)))",
    "straight_through": "p = torch.tensor([0.2, 0.8], requires_grad=True)\n"
    "r = D.OneHotCategoricalStraightThrough(p).rsample((3,))\nr.sum().backward()\nout = (r, graph(r), p.grad)",
    "exponential": "d = D.Exponential(torch.tensor([1., 0.5]))\nout = (d.sample(), d.rsample((3,)))",
    "independent": "d = D.Independent(D.Normal(torch.zeros(2, 3), torch.ones(2, 3)), 1)\nout = (d.sample(),"
    " d.rsample((2,)))",
    "binomial_inversion_and_btrs": "d = D.Binomial(torch.tensor([5., 50., 500., 0.]),"
    " torch.tensor([0.3, 0.7, 0.45, 0.5]))\n"
    "out = (d.sample(), d.sample((6,)))",
    "binomial_float64_edges": "d = D.Binomial(1000,"
    " torch.tensor([0.3, 0.001, 0.999, 1.0, 0.0], dtype=torch.float64))\n"
    "out = d.sample((5,))",
    "binomial_many": "n = torch.randint(0, 200, (300,)).float()\n"
    "out = D.Binomial(n, torch.rand(300)).sample().tolist()",
    "binomial_logits": "out = D.Binomial(40, logits=torch.randn(2, 3)).sample((2,))",
    "gamma": "d = D.Gamma(torch.tensor([0.5, 1., 2.5, 9., 30.]), torch.tensor([1., 2., 0.5, 1., 3.]))\n"
    "out = (d.sample(), d.rsample((3,)), D.Gamma(2., 3.).sample(), D.Gamma(torch.tensor(2.), 1.).rsample())",
    "gamma_float64_many": "a = torch.rand(60, dtype=torch.float64) * 5 + 0.01\nout = D.Gamma(a, 1.).sample().tolist()",
    "expanded": "d = D.Normal(torch.zeros(3), torch.ones(3)).expand((2, 3))\nout = (d.sample(), d.batch_shape)",
}


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("name", sorted(SAMPLING))
def test_same_samples_after_the_same_seed(torch, name, seed):
    program = f"D = torch.distributions\ntorch.manual_seed({seed})\n{SAMPLING[name]}"
    assert mismatch(torch, program) is None


PROGRAMS = {
    "normal_everything": "d = D.Normal(torch.tensor([0., 1.]), torch.tensor([1., 2.]))\n"
    "v = torch.tensor([0.5, -1.])\n"
    "out = (d, d.mean, d.mode, d.stddev, d.variance, d.entropy(), d.log_prob(v), d.cdf(v),"
    " d.icdf(torch.tensor([0.2, 0.9])),"
    " d.batch_shape, d.event_shape, d.perplexity(), d.support, D.Normal.arg_constraints)",
    "normal_reprs": "out = (D.Normal(0., 1.), D.Normal(0, 1).loc.dtype, D.Normal(torch.tensor([0.]), 1.),"
    " D.Normal(0., torch.ones(2, 3)), D.Normal(torch.tensor(0., dtype=torch.float64), 1).scale)",
    "normal_log_prob_broadcasts": "out = D.Normal(torch.zeros(2), 1.).log_prob(torch.ones(3, 2))",
    "uniform_everything": "d = D.Uniform(torch.tensor([0., 1.]), torch.tensor([1., 3.]))\n"
    "v = torch.tensor([0.5, 2.5])\n"
    "out = (d, d.mean, d.mode, d.stddev, d.variance, d.entropy(), d.log_prob(v), d.cdf(torch.tensor([0.5,"
    " 4.])), d.support)",
    "bernoulli_everything": "d = D.Bernoulli(torch.tensor([0.3, 0.7, 0.5]))\n"
    "out = (d, d.mean, d.variance, d.entropy(), d.log_prob(torch.tensor([1., 0., 1.])), d.logits, d, d.mode,"
    " d.enumerate_support(), d.enumerate_support(False), d.param_shape)",
    "bernoulli_logits": "d = D.Bernoulli(logits=torch.tensor([0.3, -2.]))\n"
    "out = (d, d.probs, d, d.entropy(), d.log_prob(torch.tensor([1., 0.])), D.Bernoulli(0.25),"
    " D.Bernoulli(0.25).batch_shape)",
    "categorical_everything": "d = D.Categorical(torch.tensor([[1., 2., 5.], [3., 3., 3.]]))\n"
    "out = (d, d.probs, d.log_prob(torch.tensor([2, 0])), d.log_prob(torch.tensor([[0], [1]])), d.entropy(),"
    " d.logits, d,"
    " d.mean, d.variance, d.mode, d.enumerate_support(), d.support, d.batch_shape, d.param_shape)",
    "categorical_logits": "d = D.Categorical(logits=torch.tensor([0.5, -1., 2.]))\n"
    "out = (d, d.logits, d.probs, d.entropy(), d.log_prob(torch.tensor(1)))",
    "multinomial_everything": "d = D.Multinomial(10, torch.tensor([0.2, 0.3, 0.5]))\n"
    "out = (d, d.log_prob(torch.tensor([2., 3., 5.])), d.mean, d.variance, d.entropy(), d.support, d.event_shape,"
    " d.batch_shape, d.logits)",
    "multinomial_zero_probability": "d = D.Multinomial(3, torch.tensor([0.5, 0.5, 0.]))\n"
    "out = d.log_prob(torch.tensor([1., 2., 0.]))",
    "one_hot_everything": "d = D.OneHotCategorical(torch.tensor([0.1, 0.2, 0.7]))\n"
    "out = (d, d.log_prob(torch.tensor([0., 0., 1.])), d.entropy(), d.mean, d.variance, d.mode,"
    " d.enumerate_support(),"
    " d.support, d.event_shape)",
    "exponential_everything": "d = D.Exponential(torch.tensor([1., 2.]))\n"
    "out = (d, d.log_prob(torch.tensor([0.5, 1.])), d.entropy(), d.mean, d.mode, d.stddev, d.variance,"
    " d.cdf(torch.tensor([1., 1.])), d.icdf(torch.tensor([0.5, 0.9])), d.support)",
    "independent_everything": "d = D.Independent(D.Normal(torch.zeros(2, 3), torch.ones(2, 3)), 1)\n"
    "out = (d, d.batch_shape, d.event_shape, d.log_prob(torch.ones(2, 3)), d.entropy(), d.mean.shape, d.support,"
    " d.has_rsample, d.has_enumerate_support)",
    "binomial_everything": "d = D.Binomial(10, torch.tensor([0.2, 0.5]))\n"
    "out = (d, d.log_prob(torch.tensor([2., 5.])), d.entropy(), d.mean, d.variance, d.mode,"
    " d.enumerate_support(), d.support)",
    "gamma_everything": "d = D.Gamma(torch.tensor([0.5, 2.5, 9.]), torch.tensor([1., 0.5, 3.]))\n"
    "out = (d, d.mean, d.mode, d.variance, d.stddev, d.entropy(), d.log_prob(torch.tensor([0.3, 2., 8.])), d.support,"
    " d.log_prob(1.0))",
    "kl_gamma": "g = D.Gamma(torch.tensor([2., 0.5]), torch.tensor([1., 3.]))\n"
    "e = D.Exponential(torch.tensor([2., 1.]))\n"
    "out = (D.kl_divergence(g, D.Gamma(torch.tensor([3., 1.]), 2.)), D.kl_divergence(g, e), D.kl_divergence(e, g),"
    " D.kl_divergence(g, D.Normal(0., 1.)), D.kl_divergence(D.Normal(torch.zeros(2), 1.), g),"
    " D.kl_divergence(g, D.Uniform(0., 1.)), D.kl_divergence(D.Uniform(torch.tensor([0.5, 1.]), 2.), g))",
    "expand": "d = D.Categorical(torch.tensor([0.2, 0.8])).expand((3,))\n"
    "out = (d, d.batch_shape, d.probs, d.log_prob(torch.tensor([0, 1, 1])))",
    "broadcast_all_keeps_tensors": "a = torch.ones(2, requires_grad=True)\n"
    "b, c = torch.broadcast_tensors(a, torch.tensor(1.))\n"
    "d = D.Normal(a, 1.)\nout = (b is a, c.grad_fn, c._is_view(), d.loc is a, d.scale.stride(), d.scale.dtype)",
    "validate_args_off": "out = D.Normal(0., -1., validate_args=False).scale",
    "constraints": "C = D.constraints\n"
    "out = (C.real, C.positive, C.simplex, C.real_vector, C.unit_interval, C.boolean, C.nonnegative_integer,"
    " C.interval(0, 2).check(torch.tensor([-1., 1., 3.])), C.simplex.check(torch.tensor([[0.5, 0.5], [0.2, 0.9]])),"
    " C.integer_interval(0, 3), C.greater_than_eq(1.), C.half_open_interval(0, 1), C.one_hot, C.multinomial(3))",
    "kl_normal": "p = D.Normal(torch.tensor([0., 1.]), torch.tensor([1., 2.]))\n"
    "q = D.Normal(torch.tensor([1., 1.]), torch.tensor([1., 3.]))\n"
    "out = (D.kl_divergence(p, q), D.kl.kl_divergence(q, p))",
    "kl_others": "out = (D.kl_divergence(D.Categorical(torch.tensor([0.2, 0.8])),"
    " D.Categorical(torch.tensor([0.5, 0.5]))),"
    " D.kl_divergence(D.Bernoulli(torch.tensor([0.3, 0.])), D.Bernoulli(torch.tensor([0.5, 0.2]))),"
    " D.kl_divergence(D.Exponential(torch.tensor([2.])), D.Exponential(torch.tensor([3.]))),"
    " D.kl_divergence(D.Uniform(torch.tensor([0.]), torch.tensor([1.])), D.Normal(torch.tensor([0.]),"
    " torch.tensor([1.]))),"
    " D.kl_divergence(D.Normal(torch.tensor([0.]), 1.), D.Uniform(torch.tensor([0.]), 1.)),"
    " D.kl_divergence(D.Exponential(torch.tensor([2.])), D.Normal(torch.tensor([1.]), 2.)),"
    " D.kl_divergence(D.Uniform(torch.tensor([0.5]), 1.), D.Exponential(torch.tensor([3.]))),"
    " D.kl_divergence(D.Independent(D.Normal(torch.zeros(2), 1.), 1), D.Independent(D.Normal(torch.ones(2),"
    " 2.), 1)))",
    "kl_onehot": "out = D.kl_divergence(D.OneHotCategorical(torch.tensor([0.2, 0.8])),"
    " D.OneHotCategorical(torch.tensor([0.6, 0.4])))",
    "module_paths": "from torch.distributions.normal import Normal\n"
    "from torch.distributions.multinomial import Multinomial\n"
    "from torch.distributions import constraints, kl_divergence\nimport torch.distributions.categorical as cat\n"
    "out = (Normal.__name__, Multinomial.__name__, cat.Categorical.__name__, constraints.positive)",
}

ERRORS = {
    "normal_negative_scale": "D.Normal(torch.tensor([0., 1.]), torch.tensor([1., -1.]))",
    "normal_nan_loc": "D.Normal(torch.tensor([float('nan')]), 1.)",
    "normal_value_not_tensor": "D.Normal(0., 1.).log_prob(1.0)",
    "normal_value_shape": "D.Normal(torch.zeros(2), 1.).log_prob(torch.ones(3))",
    "normal_not_broadcastable": "D.Normal(torch.zeros(2), torch.ones(3))",
    "normal_bad_argument": "D.Normal('a', 1.)",
    "uniform_low_above_high": "D.Uniform(torch.tensor([0., 1.]), torch.tensor([1., 0.5]))",
    "uniform_outside_support": "D.Uniform(0., 1.).log_prob(torch.tensor(2.))",
    "bernoulli_probs_above_one": "D.Bernoulli(torch.tensor([1.3]))",
    "bernoulli_both": "D.Bernoulli(0.3, logits=1.0)",
    "bernoulli_neither": "D.Bernoulli()",
    "bernoulli_value_outside": "D.Bernoulli(torch.tensor([0.3])).log_prob(torch.tensor([0.5]))",
    "categorical_negative": "D.Categorical(torch.tensor([0.5, -0.1]))",
    "categorical_zero_dim": "D.Categorical(torch.tensor(0.5))",
    "categorical_logits_zero_dim": "D.Categorical(logits=torch.tensor(0.5))",
    "categorical_value_outside": "D.Categorical(torch.tensor([0.5, 0.5])).log_prob(torch.tensor(3))",
    "multinomial_tensor_count": "D.Multinomial(torch.tensor(3), torch.tensor([0.5, 0.5]))",
    "multinomial_event_shape": "D.Multinomial(3, torch.tensor([0.5, 0.5])).log_prob(torch.tensor([1., 1., 1.]))",
    "one_hot_value": "D.OneHotCategorical(torch.tensor([0.5, 0.5])).log_prob(torch.tensor([1., 1.]))",
    "exponential_rate": "D.Exponential(torch.tensor([0.]))",
    "gamma_concentration": "D.Gamma(torch.tensor([0., 1.]), 1.)",
    "exponential_negative_value": "D.Exponential(1.).log_prob(torch.tensor(-1.))",
    "independent_too_many_dims": "D.Independent(D.Normal(torch.zeros(2), 1.), 2)",
    "independent_enumerate": "D.Independent(D.Bernoulli(torch.ones(2) / 2), 1).enumerate_support()",
    "kl_not_registered": "D.kl_divergence(D.Normal(0., 1.), D.Categorical(torch.tensor([0.5, 0.5])))",
    "kl_different_families": "D.kl_divergence(D.Normal(0., 1.), D.Bernoulli(0.3))",
    "base_class": "D.Distribution().sample()",
    "normal_mode_repr": "D.Normal(torch.ones(2), 1.).expand((3, 2)).log_prob(torch.zeros(3))",
}

GRADIENTS = {
    "normal": "loc = torch.tensor([0., 1.], requires_grad=True)\nscale = torch.tensor([1., 2.], requires_grad=True)\n"
    "d = D.Normal(loc, scale)\ntorch.manual_seed(3)\nr = d.rsample((4,))\n"
    "lp = d.log_prob(torch.tensor([0.5, -1.]))\ne = d.entropy()\n(r.sum() + lp.sum() + e.sum()).backward()\n"
    "out = (r, lp, e, graph(r), graph(lp), graph(e), loc.grad, scale.grad, d.sample().requires_grad)",
    "uniform": "low = torch.tensor([0., 1.], requires_grad=True)\nhigh = torch.tensor([2., 4.], requires_grad=True)\n"
    "d = D.Uniform(low, high)\ntorch.manual_seed(0)\nr = d.rsample()\nlp = d.log_prob(torch.tensor([0.5, 2.]))\n"
    "(r.sum() + lp.sum() + d.entropy().sum()).backward()\nout = (r, lp, graph(r), graph(lp), low.grad, high.grad)",
    "bernoulli": "p = torch.tensor([0.2, 0.6], requires_grad=True)\nd = D.Bernoulli(p)\n"
    "lp = d.log_prob(torch.tensor([1., 0.]))\ne = d.entropy()\n(lp.sum() + e.sum()).backward()\n"
    "out = (lp, e, graph(lp), graph(e), p.grad, d.sample().requires_grad)",
    "categorical_reinforce": "logits = torch.tensor([[0.5, -1., 2.], [0., 0., 1.]], requires_grad=True)\n"
    "d = D.Categorical(logits=logits)\ntorch.manual_seed(2)\na = d.sample()\n"
    "loss = -(d.log_prob(a) * torch.tensor([1., -2.])).sum()\n"
    "loss.backward()\nout = (a, loss, graph(d.log_prob(a)), graph(d.entropy()), logits.grad)",
    "categorical_probs": "p = torch.tensor([0.2, 0.3, 0.5], requires_grad=True)\nd = D.Categorical(p)\n"
    "lp = d.log_prob(torch.tensor([0, 2]))\ne = d.entropy()\n(lp.sum() + e).backward()\nout = (graph(lp),"
    " graph(e), p.grad)",
    "exponential": "rate = torch.tensor([1., 2.],"
    " requires_grad=True)\nd = D.Exponential(rate)\ntorch.manual_seed(5)\n"
    "r = d.rsample()\n(r.sum() + d.log_prob(torch.tensor([1., 2.])).sum()).backward()\nout = (r, graph(r),"
    " rate.grad)",
    "kl_vae": "mu = torch.tensor([[0.5, -0.2]], requires_grad=True)\nlogvar = torch.tensor([[0.1, -0.3]],"
    " requires_grad=True)\n"
    "q = D.Normal(mu, torch.exp(0.5 * logvar))\np = D.Normal(torch.zeros_like(mu), torch.ones_like(mu))\n"
    "kl = D.kl_divergence(q, p).sum()\nkl.backward()\nout = (kl, graph(kl), mu.grad, logvar.grad)",
    "gamma_rsample": "a = torch.tensor([0.3, 0.7, 1.5, 4., 12., 50.], requires_grad=True)\n"
    "r = torch.tensor([1., 2., 0.5, 1., 3., 1.], requires_grad=True)\ntorch.manual_seed(1)\n"
    "x = D.Gamma(a, r).rsample((4,))\nlp = D.Gamma(a, r).log_prob(torch.ones(6))\n(x.sum() + lp.sum()).backward()\n"
    "out = (x, graph(x), graph(lp), a.grad, r.grad)",
    "gamma_rsample_float64": "a = (torch.rand(50, dtype=torch.float64) * 5 + 0.01).requires_grad_()\n"
    "x = D.Gamma(a, 1.).rsample()\nx.sum().backward()\nout = (x.tolist(), a.grad.tolist())",
    "multinomial": "p = torch.tensor([0.2, 0.3, 0.5], requires_grad=True)\nd = D.Multinomial(4, p)\n"
    "lp = d.log_prob(torch.tensor([1., 1., 2.]))\nlp.backward()\nout = (lp, graph(lp), p.grad)",
    "independent": "loc = torch.zeros(2, 2, requires_grad=True)\nd = D.Independent(D.Normal(loc, 1.), 1)\n"
    "lp = d.log_prob(torch.ones(2, 2))\nlp.sum().backward()\nout = (lp, graph(lp), loc.grad)",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_values_and_reprs(torch, name):
    assert mismatch(torch, "D = torch.distributions\n" + PROGRAMS[name]) is None


@pytest.mark.parametrize("name", sorted(ERRORS))
def test_errors(torch, name):
    assert mismatch(torch, "D = torch.distributions\nout = " + ERRORS[name]) is None


@pytest.mark.parametrize("name", sorted(GRADIENTS))
def test_gradients_and_graphs(torch, name):
    assert mismatch(torch, "D = torch.distributions\n" + GRADIENTS[name]) is None


def test_missing_mode_names_the_class(torch):
    """Only the class's module differs (``torch.distributions...``, ``minitorch.distributions...``)."""
    import minitorch

    texts = []
    for library in (torch, minitorch):
        with pytest.raises(NotImplementedError) as caught:
            library.distributions.Multinomial(3, library.tensor([0.5, 0.5])).mode  # noqa: B018
        texts.append(str(caught.value))
    assert texts[0].replace("torch.", "minitorch.", 1) == texts[1]
    assert texts[1] == "<class 'minitorch.distributions.multinomial.Multinomial'> does not implement mode"
