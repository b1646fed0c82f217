# Mirrors: PyTorch tutorials, "What is torch.nn really?" - neural net from scratch (https://pytorch.org/tutorials/beginner/nn_tutorial.html), on a small synthetic dataset
import math

import torch

n, features, classes = 64, 6, 3
x_train = torch.linspace(0, 1, n * features).reshape(n, features)
y_train = torch.arange(n) % classes

weights = torch.zeros(features, classes)
weights.requires_grad_()
bias = torch.zeros(classes, requires_grad=True)
print(math.sqrt(features))


def log_softmax(x):
    return x - x.exp().sum(-1).log().unsqueeze(-1)


def model(xb):
    return log_softmax(xb @ weights + bias)


def nll(input, target):
    return -input[range(target.shape[0]), target].mean()


def accuracy(out, yb):
    preds = torch.argmax(out, dim=1)
    return (preds == yb).float().mean()


bs = 16
xb = x_train[0:bs]
preds = model(xb)
print(preds[0], preds.shape)
loss_func = nll
yb = y_train[0:bs]
print(loss_func(preds, yb))
print(accuracy(preds, yb))

lr = 0.5
epochs = 2
for _epoch in range(epochs):
    for i in range((n - 1) // bs + 1):
        start_i = i * bs
        end_i = start_i + bs
        xb = x_train[start_i:end_i]
        yb = y_train[start_i:end_i]
        pred = model(xb)
        loss = loss_func(pred, yb)
        loss.backward()
        with torch.no_grad():
            weights -= weights.grad * lr
            bias -= bias.grad * lr
            weights.grad.zero_()
            bias.grad.zero_()
print(loss_func(model(xb), yb), accuracy(model(xb), yb))
