# Mirrors: well-known Q&A, "How do I check the number of parameters of a model?" (https://stackoverflow.com/questions/49201236) and "How to initialize weights in PyTorch?" (https://stackoverflow.com/questions/49433936) - model.apply with nn.init
import torch
import torch.nn as nn

torch.manual_seed(0)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 4, 3)
        self.bn = nn.BatchNorm2d(4)
        self.fc = nn.Linear(4 * 6 * 6, 10)
        self.head = nn.Linear(10, 2, bias=False)

    def forward(self, x):
        x = torch.relu(self.bn(self.conv(x)))
        return self.head(self.fc(x.flatten(1)))


model = Net()
print(sum(p.numel() for p in model.parameters()))
print(sum(p.numel() for p in model.parameters() if p.requires_grad))
for name, p in model.named_parameters():
    print(name, tuple(p.shape), p.numel())
model.head.weight.requires_grad_(False)
print(sum(p.numel() for p in model.parameters() if p.requires_grad))


def init_weights(m):
    if isinstance(m, nn.Linear):
        torch.nn.init.xavier_uniform_(m.weight)
        if m.bias is not None:
            m.bias.data.fill_(0.01)
    elif isinstance(m, nn.Conv2d):
        nn.init.kaiming_normal_(m.weight, mode='fan_out', nonlinearity='relu')
        nn.init.zeros_(m.bias)


model.apply(init_weights)
print(model.fc.bias[:3])
print(model.conv.weight[0, 0])
print(model.head.weight)
print(model.conv.weight.std() > 0)
with torch.no_grad():
    model.fc.weight.normal_(0.0, 0.02)
    model.fc.weight.uniform_(-0.1, 0.1)
print(model.fc.weight[0, :4])
nn.init.constant_(model.bn.weight, 0.5)
print(model.bn.weight)
print(model(torch.randn(2, 1, 8, 8)))
