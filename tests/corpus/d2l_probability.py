# Mirrors: d2l.ai, 2.6 "Probability and Statistics" - tossing coins and rolling dice with Multinomial (https://d2l.ai/chapter_preliminaries/probability.html)
import random

import torch
from torch.distributions.multinomial import Multinomial

random.seed(0)  # the page draws without a seed; fixed here so that the output can be compared
torch.manual_seed(0)

num_tosses = 100
heads = sum([random.random() > 0.5 for _ in range(num_tosses)])
tails = num_tosses - heads
print("heads, tails: ", [heads, tails])

fair_probs = torch.tensor([0.5, 0.5])
print(Multinomial(100, fair_probs).sample())
print(Multinomial(100, fair_probs).sample() / 100)
counts = Multinomial(10000, fair_probs).sample()
print(counts / 10000)

counts = Multinomial(1, fair_probs).sample((10000,))
cum_counts = counts.cumsum(dim=0)
estimates = cum_counts / cum_counts.sum(dim=1, keepdims=True)
estimates = estimates.numpy()
print(estimates[:5], estimates[-1])

# The earlier edition's die
fair_probs = torch.ones([6]) / 6
print(Multinomial(1, fair_probs).sample())
print(Multinomial(10, fair_probs).sample())
counts = Multinomial(1000, fair_probs).sample()
print(counts / 1000)
counts = Multinomial(10, fair_probs).sample((500,))
cum_counts = counts.cumsum(dim=0)
estimates = cum_counts / cum_counts.sum(dim=1, keepdims=True)
print(estimates[:3])
print(estimates[-1])
