# Mirrors: PyTorch docs, "torch.optim" - per-parameter options, param_groups, add_param_group and the optimizer's state_dict (https://pytorch.org/docs/stable/optim.html#per-parameter-options)
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential()
model.add_module('base', nn.Linear(3, 3))
model.add_module('classifier', nn.Linear(3, 2))
optimizer = torch.optim.SGD([
    {'params': model.base.parameters()},
    {'params': model.classifier.parameters(), 'lr': 1e-3}
], lr=1e-2, momentum=0.9)
print(optimizer)
print([g['lr'] for g in optimizer.param_groups])
x = torch.randn(4, 3)
loss = model(x).pow(2).sum()
loss.backward()
optimizer.step()
sd = optimizer.state_dict()
print(sd['param_groups'])
print(sorted(sd['state'].keys()), list(sd['state'][0].keys()))
print(model.classifier.weight)

extra = nn.Parameter(torch.zeros(2))
optimizer.add_param_group({'params': [extra], 'lr': 0.5})
print(len(optimizer.param_groups), optimizer.param_groups[2]['momentum'])
adam = torch.optim.Adam(model.parameters(), lr=1e-3, betas=(0.9, 0.99), weight_decay=1e-4)
print(adam)
model(x).sum().backward()
adam.step()
print(adam.state_dict()['state'][0]['step'], adam.state_dict()['state'][0]['exp_avg'].shape)
print(model.base.bias)
