import torch
import torch.nn as nn

w = nn.Parameter(torch.tensor([1.0, -2.0, 3.0]))
opt = torch.optim.Adam([w], lr=0.2)
target = torch.tensor([0.0, 1.0, 2.0])
for step in range(20):
    opt.zero_grad()
    loss = ((w - target) ** 2).sum()
    loss.backward()
    opt.step()
    if step % 5 == 4:
        print(step, w.detach())
state = opt.state[w]
print(sorted(state.keys()))
print(state["step"])
print(state["exp_avg"])
print(state["exp_avg_sq"])

v = nn.Parameter(torch.tensor([0.5, 0.5]))
opt2 = torch.optim.Adam([v], lr=0.01, betas=(0.8, 0.9), eps=1e-6, weight_decay=0.1)
for _ in range(3):
    opt2.zero_grad()
    (v * torch.tensor([1.0, -2.0])).sum().backward()
    opt2.step()
print(v)
