# Mirrors: d2l.ai, 3.7 "Weight Decay" - from scratch and concise (https://d2l.ai/chapter_linear-regression/weight-decay.html), with a plain training loop in place of the d2l Trainer
# expected-to-differ: float32 matrix products: numpy's OpenBLAS kernel (which OPENBLAS_CORETYPE picks) and torch's MKL round differently, so the last digits depend on the CPU and the kernel
import torch
from torch import nn

torch.manual_seed(0)
num_train, num_val, num_inputs, batch_size = 20, 100, 200, 5
n = num_train + num_val
X = torch.randn(n, num_inputs)
noise = torch.randn(n, 1) * 0.01
w, b = torch.ones((num_inputs, 1)) * 0.01, 0.05
y = torch.matmul(X, w) + b + noise


def l2_penalty(w):
    return (w ** 2).sum() / 2


def train_scratch(lambd):
    w = torch.normal(0, 0.01, size=(num_inputs, 1), requires_grad=True)
    b = torch.zeros(1, requires_grad=True)
    for epoch in range(10):
        for i in range(0, num_train, batch_size):
            Xb, yb = X[i:i + batch_size], y[i:i + batch_size]
            l = ((Xb @ w + b - yb) ** 2 / 2).mean() + lambd * l2_penalty(w)
            l.backward()
            with torch.no_grad():
                w -= 0.01 * w.grad
                b -= 0.01 * b.grad
                w.grad.zero_()
                b.grad.zero_()
    print('L2 norm of w:', float(l2_penalty(w)))


train_scratch(0)
train_scratch(3)

net = nn.LazyLinear(1)
net(X[:1])
for param in net.parameters():
    param.data.normal_()
optimizer = torch.optim.SGD([
    {'params': net.weight, 'weight_decay': 3},
    {'params': net.bias}], lr=0.01)
print(optimizer)
loss = nn.MSELoss()
for epoch in range(3):
    for i in range(0, num_train, batch_size):
        optimizer.zero_grad()
        l = loss(net(X[i:i + batch_size]), y[i:i + batch_size])
        l.backward()
        optimizer.step()
print('L2 norm of w:', float(l2_penalty(net.weight)) > 0)
