import torch
import torch.nn as nn

for make in (
    lambda params: torch.optim.SGD(params, lr=0.1),
    lambda params: torch.optim.SGD(params, lr=0.1, momentum=0.9),
    lambda params: torch.optim.Adam(params, lr=0.1),
):
    w = nn.Parameter(torch.tensor([1.0, 2.0, 3.0]))
    opt = make([w])
    for step in range(3):
        opt.zero_grad()
        loss = (w * torch.tensor([1.0, -1.0, 2.0])).sum() if step == 0 else (w * 0).sum()
        loss.backward()
        w.grad[0] = 0.0
        opt.step()
    print(type(opt).__name__, w.detach())
