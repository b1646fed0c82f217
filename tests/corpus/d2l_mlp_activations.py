# Mirrors: d2l.ai, 5.1 "Multilayer Perceptrons" - activation functions and their derivatives (https://d2l.ai/chapter_multilayer-perceptrons/mlp.html), printing instead of plotting
import torch

x = torch.arange(-8.0, 8.0, 0.1, requires_grad=True)
y = torch.relu(x)
print(y[75:85])
y.backward(torch.ones_like(x), retain_graph=True)
print(x.grad[75:85])

y = torch.sigmoid(x)
print(y[::20])
x.grad.data.zero_()
y.backward(torch.ones_like(x), retain_graph=True)
print(x.grad[::20])

y = torch.tanh(x)
print(y[::20])
x.grad.data.zero_()
y.backward(torch.ones_like(x), retain_graph=True)
print(x.grad[::20])
print(x.grad.max(), x.grad.argmax())
