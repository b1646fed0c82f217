import torch
import torch.nn as nn

w = nn.Parameter(torch.tensor([1.0, 2.0]))
opt = torch.optim.SGD([w], lr=0.1)
h = w * w
loss1 = h.sum()
loss2 = (h * 3).sum()
loss1.backward(retain_graph=True)
opt.step()
print(w._version)
try:
    loss2.backward()
except RuntimeError as e:
    print("RuntimeError", e)

v = nn.Parameter(torch.tensor([1.0, 2.0]))
opt = torch.optim.SGD([v], lr=0.1)
y = (v * 2).sum()
y.backward(retain_graph=True)
opt.step()
y.backward()
print(v.grad)
