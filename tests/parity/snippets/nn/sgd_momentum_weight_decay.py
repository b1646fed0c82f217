import torch
import torch.nn as nn

for options in [
    dict(lr=0.1, momentum=0.9),
    dict(lr=0.1, weight_decay=0.01),
    dict(lr=0.1, momentum=0.9, dampening=0.5),
    dict(lr=0.05, momentum=0.8, nesterov=True, weight_decay=0.1),
]:
    w = nn.Parameter(torch.tensor([2.0, -3.0, 0.5]))
    opt = torch.optim.SGD([w], **options)
    for _ in range(10):
        opt.zero_grad()
        loss = (w**2 * torch.tensor([1.0, 0.5, 2.0])).sum()
        loss.backward()
        opt.step()
    print(options)
    print("  w", w.detach())
    print("  state", sorted(opt.state[w].keys()))
try:
    torch.optim.SGD([nn.Parameter(torch.ones(1))], lr=0.1, nesterov=True)
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.optim.SGD([nn.Parameter(torch.ones(1))], lr=-1)
except Exception as e:
    print(type(e).__name__, e)
