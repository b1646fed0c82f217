import torch
import torch.nn as nn

w = nn.Parameter(torch.tensor([1.0, -1.0]))
b = nn.Parameter(torch.tensor(0.5))
opt = torch.optim.SGD([w, b], lr=0.12)
x = torch.tensor([[1.0, 2.0], [3.0, -1.0]])
y = torch.tensor([1.0, 0.0])
for step in range(5):
    opt.zero_grad()
    loss = ((x @ w + b - y) ** 2).mean()
    loss.backward()
    opt.step()
    print(step, loss.detach(), w.detach(), b.detach())
print(w)
print(w._version, w.is_leaf, w.grad)
