# Mirrors: PyTorch tutorials, Introduction to PyTorch on YouTube, "Introduction to PyTorch" - tensors and the LeNet model (https://pytorch.org/tutorials/beginner/introyt/introyt1_tutorial.html), without CIFAR-10
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
z = torch.zeros(5, 3)
print(z)
print(z.dtype)
i = torch.ones((5, 3), dtype=torch.int16)
print(i)

torch.manual_seed(1729)
r1 = torch.rand(2, 2)
print('A random tensor:')
print(r1)
r2 = torch.rand(2, 2)
print('\nA different random tensor:')
print(r2)
torch.manual_seed(1729)
r3 = torch.rand(2, 2)
print('\nShould match r1:')
print(r3)

ones = torch.ones(2, 3)
print(ones)
twos = torch.ones(2, 3) * 2
print(twos)
threes = ones + twos
print(threes)
print(threes.shape)
r1 = torch.rand(2, 3)
r2 = torch.rand(3, 2)
try:
    r3 = r1 + r2
except RuntimeError as e:
    print(e)

r = (torch.rand(2, 2) - 0.5) * 2
print('A random matrix, r:')
print(r)
print('\nAbsolute value of r:')
print(torch.abs(r))
print('\nInverse sine of r:')
print(torch.asin(r))
print('\nDeterminant of r:')
print(torch.det(r))
print('\nSingular value decomposition of r:')
print(torch.svd(r))
print('\nAverage and standard deviation of r:')
print(torch.std_mean(r))
print('\nMaximum value of r:')
print(torch.max(r))


class LeNet(nn.Module):

    def __init__(self):
        super(LeNet, self).__init__()
        self.conv1 = nn.Conv2d(1, 6, 5)
        self.conv2 = nn.Conv2d(6, 16, 3)
        self.fc1 = nn.Linear(16 * 6 * 6, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), (2, 2))
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = x.view(-1, self.num_flat_features(x))
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        x = self.fc3(x)
        return x

    def num_flat_features(self, x):
        size = x.size()[1:]
        num_features = 1
        for s in size:
            num_features *= s
        return num_features


net = LeNet()
print(net)
input = torch.rand(1, 1, 32, 32)
print('\nImage batch shape:')
print(input.shape)
output = net(input)
print('\nRaw output:')
print(output)
print(output.shape)
