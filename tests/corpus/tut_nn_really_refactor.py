# Mirrors: PyTorch tutorials, "What is torch.nn really?" - refactoring with nn.Module, optim, Dataset and DataLoader (https://pytorch.org/tutorials/beginner/nn_tutorial.html), on a small synthetic dataset
import torch
import torch.nn.functional as F
from torch import nn, optim
from torch.utils.data import DataLoader, TensorDataset

n, features, classes = 60, 6, 3
x_train = torch.linspace(0, 1, n * features).reshape(n, features)
y_train = torch.arange(n) % classes
x_valid, y_valid = x_train[:30], y_train[:30]
loss_func = F.cross_entropy


class Mnist_Logistic(nn.Module):
    def __init__(self):
        super().__init__()
        self.lin = nn.Linear(features, classes)

    def forward(self, xb):
        return self.lin(xb)


def get_model():
    torch.manual_seed(0)
    model = Mnist_Logistic()
    return model, optim.SGD(model.parameters(), lr=0.5, momentum=0.9)


def loss_batch(model, loss_func, xb, yb, opt=None):
    loss = loss_func(model(xb), yb)
    if opt is not None:
        loss.backward()
        opt.step()
        opt.zero_grad()
    return loss.item(), len(xb)


def fit(epochs, model, loss_func, opt, train_dl, valid_dl):
    for epoch in range(epochs):
        model.train()
        for xb, yb in train_dl:
            loss_batch(model, loss_func, xb, yb, opt)
        model.eval()
        with torch.no_grad():
            losses, nums = zip(*[loss_batch(model, loss_func, xb, yb) for xb, yb in valid_dl])
        val_loss = sum(loss * num for loss, num in zip(losses, nums)) / sum(nums)
        print(epoch, f"{val_loss:.4f}")


train_ds = TensorDataset(x_train, y_train)
valid_ds = TensorDataset(x_valid, y_valid)
train_dl = DataLoader(train_ds, batch_size=16, shuffle=True)
valid_dl = DataLoader(valid_ds, batch_size=32)
model, opt = get_model()
fit(3, model, loss_func, opt, train_dl, valid_dl)
print(model)
