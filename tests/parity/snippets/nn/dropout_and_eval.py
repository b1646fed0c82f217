import torch
import torch.nn as nn

net = nn.Sequential(nn.Linear(2, 2), nn.Dropout(0.5))
print(net.training, net[1].training)
net.eval()
print(net.training, net[1].training)
x = torch.tensor([[1.0, 2.0]])
with torch.no_grad():
    net[0].weight.copy_(torch.eye(2))
    net[0].bias.zero_()
out = net(x)
print(out, out.requires_grad)
net.train()
print(net.training)
print(nn.Dropout(p=0.0)(x))
print(torch.nn.functional.dropout(x, p=0.5, training=False))
r = net.train(False)
print(r is net, net.training)
dropped = nn.Dropout(0.5)(torch.ones(1000))
print(dropped.shape, sorted(set(dropped.tolist())))
