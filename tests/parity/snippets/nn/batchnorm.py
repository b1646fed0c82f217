import torch
import torch.nn as nn

x = torch.tensor([[1.0, 2.0, -1.0], [3.0, 0.5, -2.0], [0.0, 1.5, 4.0], [2.2, -1.0, 1.0]], requires_grad=True)
bn = nn.BatchNorm1d(3)
print(bn, list(bn.state_dict().keys()), bn.num_batches_tracked)
y = bn(x)
print(y, y.grad_fn.name(), len(y.grad_fn.next_functions))
print(bn.running_mean, bn.running_var, bn.num_batches_tracked)
(y.pow(3) * torch.tensor([1.0, 2.0, 3.0])).sum().backward()
print(x.grad, bn.weight.grad, bn.bias.grad)
with torch.no_grad():
    bn(x / 1.3)
print(bn.running_mean, bn.running_var, bn.num_batches_tracked)
bn.eval()
print(bn(x), bn.num_batches_tracked, bn.training)
cumulative = nn.BatchNorm1d(3, momentum=None, affine=False)
cumulative(x)
cumulative(x + 1)
print(cumulative, cumulative.running_mean, cumulative.running_var, cumulative.weight, list(cumulative.state_dict()))
untracked = nn.BatchNorm1d(3, track_running_stats=False)
no_shift = nn.BatchNorm1d(3, bias=False)
print(no_shift, no_shift.bias, list(no_shift.state_dict()), no_shift(x)[0])
print(untracked, untracked.running_mean, list(untracked.state_dict()), untracked.eval()(x))
images = torch.arange(48.0).view(2, 3, 2, 4) / 10
bn2 = nn.BatchNorm2d(3, eps=1e-3, momentum=0.5)
print(bn2, bn2(images)[0, 1], bn2.running_mean, bn2.running_var)
sequence = nn.BatchNorm1d(2)(torch.arange(12.0).view(2, 2, 3))
print(sequence)
for bad in (
    lambda: nn.BatchNorm1d(3)(torch.ones(1, 3)),
    lambda: nn.BatchNorm1d(3)(torch.ones(2, 3, 4, 5)),
    lambda: nn.BatchNorm2d(3)(torch.ones(2, 3, 4)),
):
    try:
        bad()
    except ValueError as error:
        print("ValueError:", error)
try:
    nn.BatchNorm2d(3)(torch.ones(2, 4, 4, 4))
except RuntimeError as error:
    print("RuntimeError:", error)
