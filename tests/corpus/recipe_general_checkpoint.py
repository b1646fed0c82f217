# Mirrors: PyTorch recipes, "Saving and loading a general checkpoint in PyTorch" (https://pytorch.org/tutorials/recipes/recipes/saving_and_loading_a_general_checkpoint.html), with an in-memory file
import io

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

torch.manual_seed(0)


class Net(nn.Module):
    def __init__(self):
        super(Net, self).__init__()
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


net = Net()
print(net)
optimizer = optim.SGD(net.parameters(), lr=0.001, momentum=0.9)

inputs = torch.randn(2, 3, 32, 32)
labels = torch.tensor([1, 7])
criterion = nn.CrossEntropyLoss()
optimizer.zero_grad()
loss = criterion(net(inputs), labels)
loss.backward()
optimizer.step()

EPOCH = 5
LOSS = 0.4
buffer = io.BytesIO()
torch.save({
    'epoch': EPOCH,
    'model_state_dict': net.state_dict(),
    'optimizer_state_dict': optimizer.state_dict(),
    'loss': LOSS,
}, buffer)

model = Net()
optimizer = optim.SGD(model.parameters(), lr=0.001, momentum=0.9)
buffer.seek(0)
checkpoint = torch.load(buffer, weights_only=True)
print(model.load_state_dict(checkpoint['model_state_dict']))
optimizer.load_state_dict(checkpoint['optimizer_state_dict'])
epoch = checkpoint['epoch']
loss = checkpoint['loss']
print(epoch, loss)
print(optimizer.state_dict()['param_groups'])
print(sorted(optimizer.state_dict()['state'].keys()))
print(optimizer.state_dict()['state'][0]['momentum_buffer'].shape)
print(model.eval())
print(torch.equal(model(inputs), net(inputs)))
model.train()
print(model.training, model.fc1.training)
