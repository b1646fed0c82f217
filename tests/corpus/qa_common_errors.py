# Mirrors: well-known Q&A about common PyTorch errors: "mat1 and mat2 shapes cannot be multiplied", "expected scalar type Long but found Float", "Boolean value of Tensor with more than one value is ambiguous", "grad can be implicitly created only for scalar outputs", "Found dtype Double but expected Float" (https://stackoverflow.com/questions/66995380)
import torch
import torch.nn as nn

torch.manual_seed(0)
layer = nn.Linear(10, 5)
x = torch.randn(4, 12)
try:
    layer(x)
except RuntimeError as e:
    print("RuntimeError:", e)

criterion = nn.CrossEntropyLoss()
logits = torch.randn(3, 5)
try:
    criterion(logits, torch.tensor([1.0, 0.0, 4.0]))
except RuntimeError as e:
    print("RuntimeError:", e)
print(criterion(logits, torch.tensor([1, 0, 4])))
try:
    criterion(logits, torch.tensor([1, 0, 5]))
except IndexError as e:
    print("IndexError:", e)

t = torch.tensor([1, 2])
try:
    if t > 0:
        pass
except RuntimeError as e:
    print("RuntimeError:", e)
print(bool(torch.tensor([3])), (t > 0).all().item())

w = torch.randn(3, requires_grad=True)
y = w * 2
try:
    y.backward()
except RuntimeError as e:
    print("RuntimeError:", e)
y.backward(torch.ones_like(y))
print(w.grad)

try:
    layer(torch.randn(2, 10, dtype=torch.float64))
except RuntimeError as e:
    print("RuntimeError:", e)
mse = nn.MSELoss()
pred = layer(torch.randn(2, 10))
try:
    mse(pred, torch.zeros(2, 5, dtype=torch.float64)).backward()
except RuntimeError as e:
    print("RuntimeError:", e)
print(mse(pred, torch.zeros(2, 5)).dtype)
try:
    torch.zeros(2, 3) @ torch.zeros(2, 3)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    torch.zeros(2, 3).view(4)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    torch.ones(3) + torch.ones(4)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    torch.tensor([1, 2]).mean()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    nn.Linear(3, 2)(torch.tensor([1, 2, 3]))
except RuntimeError as e:
    print("RuntimeError:", e)
