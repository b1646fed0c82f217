# Mirrors: PyTorch recipes, "Warmstarting model using parameters from a different model in PyTorch" (https://pytorch.org/tutorials/recipes/recipes/warmstarting_model_using_parameters_from_a_different_model.html), with an in-memory file
import io

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


class NetA(nn.Module):
    def __init__(self):
        super(NetA, self).__init__()
        self.conv1 = nn.Conv2d(3, 6, 5)
        self.pool = nn.MaxPool2d(2, 2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(F.relu(self.conv2(x)))
        x = x.view(-1, 16 * 5 * 5)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        x = self.fc3(x)
        return x


netA = NetA()


class NetB(nn.Module):
    def __init__(self):
        super(NetB, self).__init__()
        self.conv1 = nn.Conv2d(3, 6, 5)
        self.pool = nn.MaxPool2d(2, 2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)
        self.fc4 = nn.Linear(10, 2)

    def forward(self, x):
        x = self.pool(F.relu(self.conv1(x)))
        x = self.pool(F.relu(self.conv2(x)))
        x = x.view(-1, 16 * 5 * 5)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        x = self.fc3(x)
        return self.fc4(x)


netB = NetB()

PATH = io.BytesIO()
torch.save(netA.state_dict(), PATH)
PATH.seek(0)
print(netB.load_state_dict(torch.load(PATH, weights_only=True), strict=False))
print(torch.equal(netA.conv1.weight, netB.conv1.weight))

PATH.seek(0)
try:
    netB.load_state_dict(torch.load(PATH, weights_only=True))
except RuntimeError as e:
    print(e)

state = netB.state_dict()
del state['conv1.bias']
state['fc1.weight'] = torch.zeros(3, 3)
try:
    netA.load_state_dict(state)
except RuntimeError as e:
    print(e)
print(list(netA.state_dict().keys()))
