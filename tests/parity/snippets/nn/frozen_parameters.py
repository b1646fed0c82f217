import torch
import torch.nn as nn

net = nn.Sequential(nn.Linear(2, 2), nn.Linear(2, 1))
with torch.no_grad():
    for p in net.parameters():
        p.fill_(1.0)
net[0].requires_grad_(False)
print([p.requires_grad for p in net.parameters()])
out = net(torch.tensor([[1.0, 2.0]]))
print(out)
out.sum().backward()
print(net[0].weight.grad, net[1].weight.grad)

opt = torch.optim.SGD(net.parameters(), lr=0.1, weight_decay=0.5)
opt.step()
print(net[0].weight)
print(net[1].weight)

net[0].weight.grad = torch.zeros(2, 2)
opt.step()
print(net[0].weight)
net.zero_grad()
print(net[0].weight.grad, net[1].weight.grad)
