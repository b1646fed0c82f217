# Mirrors: a well-known Q&A, "How to do gradient clipping in PyTorch?" (https://stackoverflow.com/questions/54716377) - clip_grad_norm_ and clip_grad_value_
# expected-to-differ: float32 last bit of the norm of the clipped gradients: torch's cascade sums differ from numpy's (tensor(1.) against tensor(1.0000))
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 8), nn.Tanh(), nn.Linear(8, 1))
x = torch.randn(16, 4)
y = torch.randn(16, 1)
loss = nn.functional.mse_loss(model(x), y) * 100
loss.backward()
total = torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
print(total)
print(sum(p.grad.norm() ** 2 for p in model.parameters()).sqrt())
torch.nn.utils.clip_grad_value_(model.parameters(), clip_value=0.1)
print(model[0].weight.grad.abs().max())
print(torch.nn.utils.parameters_to_vector(model.parameters()).shape)
