# Mirrors: d2l.ai, 4.4 "Softmax Regression Implementation from Scratch" (https://d2l.ai/chapter_linear-classification/softmax-regression-scratch.html)
import torch

X = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
print(X.sum(0, keepdims=True), X.sum(1, keepdims=True))


def softmax(X):
    X_exp = torch.exp(X)
    partition = X_exp.sum(1, keepdims=True)
    return X_exp / partition


X = torch.tensor([[0.1, 0.5, -0.2, 0.0, 1.0], [2.0, -1.0, 0.3, 0.3, 0.0]])
X_prob = softmax(X)
print(X_prob, X_prob.sum(1))

y = torch.tensor([0, 2])
y_hat = torch.tensor([[0.1, 0.3, 0.6], [0.3, 0.2, 0.5]])
print(y_hat[[0, 1], y])


def cross_entropy(y_hat, y):
    return -torch.log(y_hat[list(range(len(y_hat))), y]).mean()


print(cross_entropy(y_hat, y))


def accuracy(y_hat, y):
    if len(y_hat.shape) > 1 and y_hat.shape[1] > 1:
        y_hat = y_hat.argmax(axis=1)
    cmp = y_hat.type(y.dtype) == y
    return float(cmp.type(y.dtype).sum())


print(accuracy(y_hat, y) / len(y))

W = torch.zeros((4, 3), requires_grad=True)
b = torch.zeros(3, requires_grad=True)
features = torch.tensor([[1.0, 0.0, 0.0, 0.5], [0.0, 1.0, 0.0, 0.5], [0.0, 0.0, 1.0, 0.5]])
labels = torch.tensor([0, 1, 2])
for _step in range(20):
    y_hat = softmax(features.reshape((-1, W.shape[0])) @ W + b)
    loss = cross_entropy(y_hat, labels)
    loss.backward()
    with torch.no_grad():
        W -= 0.5 * W.grad
        b -= 0.5 * b.grad
        W.grad.zero_()
        b.grad.zero_()
print(f"{loss.item():.4f}", accuracy(y_hat, labels))
