import torch.nn as nn

net = nn.Sequential(
    nn.Linear(4, 8),
    nn.ReLU(),
    nn.Linear(8, 8),
    nn.Tanh(),
    nn.Linear(8, 2),
    nn.Sigmoid(),
)
print(net[0])
print(net[-1])
print(len(net))
part = net[2:4]
print(type(part).__name__)
print(part)
print(nn.Sequential(*net[3:5]))
print(net[::2])
print([type(m).__name__ for m in net])
children = list(net.children())
print(nn.Sequential(*children[:2]))
net.append(nn.Softmax(dim=1))
print(len(net), net[-1])
try:
    net[10]
except Exception as e:
    print(type(e).__name__, e)
