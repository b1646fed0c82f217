# Mirrors: PyTorch docs, "torch.nn.Module" - apply, named_modules, named_children, register_buffer, train/eval, zero_grad examples (https://pytorch.org/docs/stable/generated/torch.nn.Module.html)
import torch
import torch.nn as nn


@torch.no_grad()
def init_weights(m):
    print(m)
    if type(m) == nn.Linear:
        m.weight.fill_(1.0)
        print(m.weight)


net = nn.Sequential(nn.Linear(2, 2), nn.Linear(2, 2))
net.apply(init_weights)

l = nn.Linear(2, 2)
net = nn.Sequential(l, l)
for idx, m in enumerate(net.modules()):
    print(idx, '->', m)
for idx, m in enumerate(net.named_modules()):
    print(idx, '->', m)


class Model(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 2, 3)
        self.bn = nn.BatchNorm2d(2)
        self.register_buffer('running_mean', torch.zeros(2))
        self.register_buffer('scratch', torch.ones(1), persistent=False)

    def forward(self, x):
        return self.bn(self.conv(x))


model = Model()
for name, module in model.named_children():
    print(name, module)
print([name for name, _ in model.named_buffers()])
print(list(model.state_dict().keys()))
print(model.training, model.bn.training)
model.eval()
print(model.training, model.bn.training)
model.train()
print(model.training)
print(model.get_submodule('bn'))
print(model.get_parameter('conv.bias').shape)
model.requires_grad_(False)
print(all(not p.requires_grad for p in model.parameters()))
print(nn.Linear(3, 4).extra_repr())
model.zero_grad()
print(model.conv.weight.grad)
