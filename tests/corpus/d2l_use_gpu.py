# Mirrors: d2l.ai, Builders' Guide, 6.7 "GPUs" (https://d2l.ai/chapter_builders-guide/use-gpu.html), on a machine without a GPU
import torch
from torch import nn


def cpu():
    return torch.device('cpu')


def gpu(i=0):
    return torch.device(f'cuda:{i}')


print(cpu(), gpu(), gpu(1))


def num_gpus():
    return torch.cuda.device_count()


print(num_gpus())


def try_gpu(i=0):
    """Return gpu(i) if exists, otherwise return cpu()."""
    if num_gpus() >= i + 1:
        return gpu(i)
    return cpu()


def try_all_gpus():
    """Return all available GPUs, or [cpu(),] if no GPU exists."""
    return [gpu(i) for i in range(num_gpus())]


print(try_gpu(), try_gpu(10), try_all_gpus())
x = torch.tensor([1, 2, 3])
print(x.device)
X = torch.ones(2, 3, device=try_gpu())
print(X)
torch.manual_seed(0)
Y = torch.rand(2, 3, device=try_gpu(1))
print(Y)
try:
    Z = X.cuda(1)
except (AssertionError, RuntimeError) as err:
    print(type(err).__name__, err)
net = nn.Sequential(nn.Linear(3, 1))
net = net.to(device=try_gpu())
print(net(X).shape)
print(net[0].weight.data.device)
