# Mirrors: pytorch/examples, "reinforcement_learning/reinforce.py" - REINFORCE with a Categorical policy (https://github.com/pytorch/examples/blob/main/reinforcement_learning/reinforce.py)
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim
from torch.distributions import Categorical

gamma = 0.99
torch.manual_seed(543)


class Policy(nn.Module):
    def __init__(self):
        super().__init__()
        self.affine1 = nn.Linear(4, 128)
        self.dropout = nn.Dropout(p=0.6)
        self.affine2 = nn.Linear(128, 2)

        self.saved_log_probs = []
        self.rewards = []

    def forward(self, x):
        x = self.affine1(x)
        x = self.dropout(x)
        x = F.relu(x)
        action_scores = self.affine2(x)
        return F.softmax(action_scores, dim=1)


policy = Policy()
optimizer = optim.Adam(policy.parameters(), lr=1e-2)
eps = np.finfo(np.float32).eps.item()


def select_action(state):
    state = torch.from_numpy(state).float().unsqueeze(0)
    probs = policy(state)
    m = Categorical(probs)
    action = m.sample()
    policy.saved_log_probs.append(m.log_prob(action))
    return action.item()


def finish_episode():
    R = 0
    policy_loss = []
    returns = []
    for r in policy.rewards[::-1]:
        R = r + gamma * R
        returns.insert(0, R)
    returns = torch.tensor(returns)
    returns = (returns - returns.mean()) / (returns.std() + eps)
    for log_prob, R in zip(policy.saved_log_probs, returns):
        policy_loss.append(-log_prob * R)
    optimizer.zero_grad()
    policy_loss = torch.cat(policy_loss).sum()
    policy_loss.backward()
    optimizer.step()
    del policy.rewards[:]
    del policy.saved_log_probs[:]
    return policy_loss


# A stand-in for gym's CartPole: a fixed table of states, a reward of 1 while the pole "stands"
states = np.random.default_rng(0).normal(size=(12, 4)).astype(np.float32)
for i_episode in range(1, 4):
    actions = []
    for t in range(10):
        action = select_action(states[t])
        actions.append(action)
        policy.rewards.append(1.0 if action == t % 2 else 0.5)
    loss = finish_episode()
    print(f"Episode {i_episode}\tactions: {actions}\tloss: {loss.item():.4f}")
print(policy.affine2.bias)
