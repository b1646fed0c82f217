# Mirrors: PyTorch docs, "Probability distributions - torch.distributions" - score function, pathwise derivative and each class's example (https://pytorch.org/docs/stable/distributions.html)
import torch
from torch.distributions import (
    Bernoulli,
    Categorical,
    Exponential,
    Independent,
    Multinomial,
    Normal,
    OneHotCategorical,
    Uniform,
)
from torch.distributions.kl import kl_divergence

torch.manual_seed(0)

# Score function
policy_network = torch.nn.Sequential(torch.nn.Linear(4, 3), torch.nn.Softmax(dim=-1))
state = torch.randn(4)
probs = policy_network(state)
# Note that this is equivalent to what used to be called multinomial
m = Categorical(probs)
action = m.sample()
reward = torch.tensor(1.5)
loss = -m.log_prob(action) * reward
loss.backward()
print(m, action, loss)
print(policy_network[0].bias.grad)

# Pathwise derivative
params = torch.tensor([0.5, 1.25], requires_grad=True)  # what a policy network would output: loc and scale
m = Normal(*params)
# Any distribution with .has_rsample == True could work based on the application
action = m.rsample()
reward = -(action - 1.0) ** 2
loss = -reward
loss.backward()
print(m, m.has_rsample, action, loss, params.grad)

m = Bernoulli(torch.tensor([0.3]))
print(m.sample())  # 30% chance 1; 70% chance 0
m = Categorical(torch.tensor([0.25, 0.25, 0.25, 0.25]))
print(m.sample())  # equal probability of 0, 1, 2, 3
m = Exponential(torch.tensor([1.0]))
print(m.sample())  # Exponential distributed with rate=1
m = Normal(torch.tensor([0.0]), torch.tensor([1.0]))
print(m.sample())  # normally distributed with loc=0 and scale=1
m = Uniform(torch.tensor([0.0]), torch.tensor([5.0]))
print(m.sample())  # uniformly distributed in the range [0.0, 5.0)
m = OneHotCategorical(torch.tensor([0.25, 0.25, 0.25, 0.25]))
print(m.sample())  # equal probability of 0, 1, 2, 3

m = Multinomial(100, torch.tensor([1.0, 1.0, 1.0, 1.0]))
x = m.sample()  # equal probability of 0, 1, 2, 3
print(x)
try:  # the docs' own line: total_count defaults to 1, so a count of 100 is outside the support
    print(Multinomial(probs=torch.tensor([1.0, 1.0, 1.0, 1.0])).log_prob(x))
except ValueError as error:
    print(error)
print(Multinomial(100, probs=torch.tensor([1.0, 1.0, 1.0, 1.0])).log_prob(x))

loc = torch.zeros(3)
scale = torch.ones(3)
normal = Normal(loc, scale)
print([normal.batch_shape, normal.event_shape])
diagn = Independent(normal, 1)
print([diagn.batch_shape, diagn.event_shape])
print(diagn, diagn.log_prob(torch.ones(3)), diagn.entropy())

p = Normal(torch.tensor([0.0, 1.0]), torch.tensor([1.0, 2.0]))
q = Normal(torch.tensor([1.0, 1.0]), torch.tensor([1.0, 3.0]))
print(kl_divergence(p, q))
print(p.mean, p.stddev, p.variance, p.entropy(), p.log_prob(torch.tensor([0.5, 0.5])), p.cdf(torch.tensor(0.0)))
try:
    Normal(torch.tensor([0.0]), torch.tensor([-1.0]))
except ValueError as error:
    print(error)
