# Mirrors: d2l.ai, 7.6 "Convolutional Neural Networks (LeNet)" - the model and its layer summary (https://d2l.ai/chapter_convolutional-neural-networks/lenet.html), without training on Fashion-MNIST
import torch
from torch import nn

torch.manual_seed(0)


def init_cnn(module):
    """Initialize weights for CNNs."""
    if type(module) == nn.Linear or type(module) == nn.Conv2d:
        nn.init.xavier_uniform_(module.weight)


net = nn.Sequential(
    nn.LazyConv2d(6, kernel_size=5, padding=2), nn.Sigmoid(),
    nn.AvgPool2d(kernel_size=2, stride=2),
    nn.LazyConv2d(16, kernel_size=5), nn.Sigmoid(),
    nn.AvgPool2d(kernel_size=2, stride=2),
    nn.Flatten(),
    nn.LazyLinear(120), nn.Sigmoid(),
    nn.LazyLinear(84), nn.Sigmoid(),
    nn.LazyLinear(10))

X = torch.randn(1, 1, 28, 28)
net(X)
net.apply(init_cnn)
for layer in net:
    X = layer(X)
    print(layer.__class__.__name__, 'output shape:\t', X.shape)
print(net)
print(X)
print(sum(p.numel() for p in net.parameters()))
