# Mirrors: PyTorch tutorials, "Learning PyTorch with Examples" - PyTorch: Tensors (https://pytorch.org/tutorials/beginner/pytorch_with_examples.html)
import math

import torch

dtype = torch.float
device = torch.device("cpu")

x = torch.linspace(-math.pi, math.pi, 2000, device=device, dtype=dtype)
y = torch.sin(x)

a = torch.zeros((), device=device, dtype=dtype) + 0.1
b = torch.zeros((), device=device, dtype=dtype) - 0.2
c = torch.zeros((), device=device, dtype=dtype) + 0.3
d = torch.zeros((), device=device, dtype=dtype) - 0.1

learning_rate = 1e-6
for t in range(500):
    y_pred = a + b * x + c * x**2 + d * x**3
    loss = (y_pred - y).pow(2).sum().item()
    if t % 100 == 99:
        print(t, round(loss, 2))
    grad_y_pred = 2.0 * (y_pred - y)
    grad_a = grad_y_pred.sum()
    grad_b = (grad_y_pred * x).sum()
    grad_c = (grad_y_pred * x**2).sum()
    grad_d = (grad_y_pred * x**3).sum()
    a -= learning_rate * grad_a
    b -= learning_rate * grad_b
    c -= learning_rate * grad_c
    d -= learning_rate * grad_d

print(f"Result: y = {a.item():.3f} + {b.item():.3f} x + {c.item():.3f} x^2 + {d.item():.3f} x^3")
