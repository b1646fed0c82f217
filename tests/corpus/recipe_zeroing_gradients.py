# Mirrors: PyTorch recipes, "Zeroing out gradients in PyTorch" (https://pytorch.org/tutorials/recipes/recipes/zeroing_out_gradients.html), on synthetic data
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 8)
        self.fc2 = nn.Linear(8, 3)

    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x)))


torch.manual_seed(0)
net = Net()
criterion = nn.CrossEntropyLoss()
optimizer = optim.SGD(net.parameters(), lr=0.01, momentum=0.9)
inputs_all = torch.linspace(-2, 2, 40).reshape(10, 4)
labels_all = torch.arange(10) % 3

for epoch in range(2):
    running_loss = 0.0
    for i in range(5):
        inputs, labels = inputs_all[2 * i:2 * i + 2], labels_all[2 * i:2 * i + 2]
        optimizer.zero_grad()
        outputs = net(inputs)
        loss = criterion(outputs, labels)
        loss.backward()
        optimizer.step()
        running_loss += loss.item()
        if i % 2 == 1:
            print(f"[{epoch + 1}, {i + 1:5d}] loss: {running_loss / 2:.3f}")
            running_loss = 0.0
print("Finished Training")
print(net.fc1.weight.grad is not None)
optimizer.zero_grad()
print(net.fc1.weight.grad)
