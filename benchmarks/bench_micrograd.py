"""micrograd's own demo, trained by micrograd and by minitorch: how much tensors buy over scalars.

The demo (karpathy/micrograd, demo.ipynb): a 2-16-16-1 ReLU network on 100 "moons" points, an SVM
max-margin loss with L2 regularisation (alpha 1e-4), 100 steps of SGD with the learning rate falling from
1.0 to 0.1. micrograd builds one `Value` per scalar; minitorch runs the same maths on whole float64
arrays, starting from micrograd's own initial weights, so both compute the same losses (checked).
The two trainings advance in lockstep, one step each in turn; the figure is micrograd's median step
time over minitorch's (micrograd takes about a second a step, so only its first steps are timed).
The moons are generated with numpy, as scikit-learn's make_moons draws them.
"""

from __future__ import annotations

import math
import random
import statistics

import numpy as np
from timing import Figure, missing_peer, timed_call

TARGET = 100.0
NAME = "micrograd's demo (2-16-16-1 MLP, 100 moons, 100 SGD steps): micrograd / minitorch"
ALPHA = 1e-4


def make_moons(samples: int = 100, noise: float = 0.1, seed: int = 1337):
    """Two interleaving half circles with Gaussian noise; labels -1.0 and 1.0 (as the demo uses them)."""
    rng = np.random.default_rng(seed)
    outer, inner = samples // 2, samples - samples // 2
    angles_outer, angles_inner = np.linspace(0, np.pi, outer), np.linspace(0, np.pi, inner)
    points = np.concatenate([
        np.stack([np.cos(angles_outer), np.sin(angles_outer)], axis=1),
        np.stack([1 - np.cos(angles_inner), 0.5 - np.sin(angles_inner)], axis=1),
    ])
    points += rng.normal(scale=noise, size=points.shape)
    labels = np.concatenate([-np.ones(outer), np.ones(inner)])
    return points, labels


def learning_rate(step: int) -> float:
    """The demo's schedule: 1.0 falling linearly by 0.9 over 100 steps."""
    return 1.0 - 0.9 * step / 100


class MicrogradTrainer:
    """The demo's training loop, one call per SGD step."""

    def __init__(self, points, labels):
        from micrograd.engine import Value
        from micrograd.nn import MLP

        random.seed(1337)
        self.value = Value
        self.model = MLP(2, [16, 16, 1])
        self.points, self.labels = points.tolist(), labels.tolist()
        self.step_number = 0

    def initial_weights(self) -> list[np.ndarray]:
        """W1, b1, W2, b2, W3, b3 as arrays (inputs x outputs), taken from micrograd's neurons."""
        weights = []
        for layer in self.model.layers:
            weights.append(np.array([[w.data for w in neuron.w] for neuron in layer.neurons]).T)
            weights.append(np.array([neuron.b.data for neuron in layer.neurons], dtype=float))
        return weights

    def __call__(self) -> float:
        inputs = [list(map(self.value, row)) for row in self.points]
        scores = list(map(self.model, inputs))
        losses = [(1 + -label * score).relu() for label, score in zip(self.labels, scores)]
        data_loss = sum(losses) * (1.0 / len(losses))
        total = data_loss + ALPHA * sum(p * p for p in self.model.parameters())
        self.model.zero_grad()
        total.backward()
        rate = learning_rate(self.step_number)
        for p in self.model.parameters():
            p.data -= rate * p.grad
        self.step_number += 1
        return total.data


class MinitorchTrainer:
    """The same network and loss on tensors: three matrix products instead of thousands of scalars."""

    def __init__(self, points, labels, weights):
        import minitorch

        self.torch = minitorch
        self.params = [minitorch.tensor(w, requires_grad=True) for w in weights]
        self.points = minitorch.tensor(points)
        self.labels = minitorch.tensor(labels).reshape(-1, 1)
        self.step_number = 0

    def __call__(self) -> float:
        w1, b1, w2, b2, w3, b3 = self.params
        hidden = (self.points @ w1 + b1).relu()
        hidden = (hidden @ w2 + b2).relu()
        scores = hidden @ w3 + b3
        data_loss = (1 - self.labels * scores).relu().mean()
        total = data_loss + ALPHA * sum((p * p).sum() for p in self.params)
        for p in self.params:
            p.grad = None
        total.backward()
        rate = learning_rate(self.step_number)
        with self.torch.no_grad():
            for p in self.params:
                p -= rate * p.grad
        self.step_number += 1
        return total.item()


def figures(micrograd_available: bool, steps: int = 100, micrograd_steps: int = 10) -> list[Figure]:
    """The micrograd figure. minitorch trains all `steps`; micrograd, at about a second a step, only the
    first `micrograd_steps` (every step does the same work), in lockstep with minitorch's first steps."""
    if not micrograd_available:
        return [missing_peer(NAME, TARGET, "micrograd", "pip install micrograd", at_most=False)]
    points, labels = make_moons()
    micrograd = MicrogradTrainer(points, labels)
    ours = MinitorchTrainer(points, labels, micrograd.initial_weights())
    their_times, our_times, worst_gap = [], [], 0.0
    for step in range(steps):
        if step < micrograd_steps:
            their_time, their_loss = timed_call(micrograd)
            their_times.append(their_time)
        our_time, our_loss = timed_call(ours)
        our_times.append(our_time)
        if step < micrograd_steps:
            worst_gap = max(worst_gap, abs(their_loss - our_loss) / abs(their_loss))
    theirs, mine = statistics.median(their_times), statistics.median(our_times)
    note = (f"per step: micrograd {theirs * 1e3:.3g} ms (median of its first {len(their_times)}), "
            f"minitorch {mine * 1e3:.3g} ms (median of all {steps}); minitorch's whole training "
            f"{sum(our_times):.3g} s; losses agree to {_order(worst_gap)}")
    return [Figure(NAME, theirs / mine, "x", TARGET, at_most=False, note=note)]


def _order(relative_gap: float) -> str:
    """'1e-12 (relative)' for a relative difference, or 'the last digit' when there is none."""
    if relative_gap == 0:
        return "the last digit"
    return f"1e{math.ceil(math.log10(relative_gap))} (relative)"
