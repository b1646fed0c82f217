import torch

x = torch.tensor([1.0, 2.0, 4.0], requires_grad=True)
results = {
    "x + 2": x + 2,
    "2 + x": 2 + x,
    "x - 2": x - 2,
    "2 - x": 2 - x,
    "1 - x": 1 - x,
    "x * 3": x * 3,
    "3 * x": 3 * x,
    "x / 4": x / 4,
    "4 / x": 4 / x,
}
for expression, y in results.items():
    x.grad = None
    y.sum().backward()
    print(f"{expression:6} {y} grad={x.grad}")
