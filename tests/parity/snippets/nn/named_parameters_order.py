import torch
import torch.nn as nn


class Inner(nn.Module):
    def __init__(self):
        super().__init__()
        self.b = nn.Parameter(torch.zeros(1))
        self.lin = nn.Linear(2, 2)
        self.a = nn.Parameter(torch.zeros(1))


class Outer(nn.Module):
    def __init__(self):
        super().__init__()
        self.inner = Inner()
        self.z = nn.Parameter(torch.zeros(3))
        self.seq = nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1, bias=False))
        self.y = nn.Parameter(torch.zeros(2))


model = Outer()
for name, p in model.named_parameters():
    print(name, tuple(p.shape), p.requires_grad)
print([name for name, _ in model.named_modules()])
print([type(m).__name__ for m in model.modules()])
print([name for name, _ in model.named_children()])
print([type(m).__name__ for m in model.children()])
shared = nn.Linear(1, 1)
twice = nn.Sequential(shared, shared)
print(len(list(twice.parameters())), [name for name, _ in twice.named_parameters()])
