import torch

x = torch.tensor([-2.0, -0.5, 0.0, 0.5, 2.0], requires_grad=True)
for name, make in [
    ("abs", lambda: x.abs()),
    ("torch.abs", lambda: torch.abs(x)),
    ("sigmoid", lambda: x.sigmoid()),
    ("torch.sigmoid", lambda: torch.sigmoid(x)),
    ("tanh", lambda: x.tanh()),
    ("torch.tanh", lambda: torch.tanh(x)),
    ("relu", lambda: x.relu()),
    ("torch.relu", lambda: torch.relu(x)),
]:
    x.grad = None
    y = make()
    y.sum().backward()
    print(name, y)
    print("  grad", x.grad)
