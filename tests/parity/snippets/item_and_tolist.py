import torch

print(torch.tensor(2.5).item(), type(torch.tensor(2.5).item()).__name__)
print(torch.tensor([3]).item(), type(torch.tensor([3]).item()).__name__)
print(torch.tensor([[True]]).item())
print(torch.tensor(0.5, dtype=torch.float64).item())
print(torch.tensor([1.5, 2.5]).tolist())
print(torch.tensor([[1, 2], [3, 4]]).tolist())
print(torch.tensor(7.0).tolist())
print(torch.tensor([True, False]).tolist())
x = torch.tensor([1.0, 2.0], requires_grad=True)
print((x * 2).sum().item())
print(x.tolist())
try:
    x.item()
except Exception as e:
    print(type(e).__name__, e)
try:
    torch.zeros(0).item()
except Exception as e:
    print(type(e).__name__, e)
print(float(torch.tensor([4.0])), int(torch.tensor(3.7)), bool(torch.tensor([1])))
try:
    bool(torch.tensor([1, 2]))
except Exception as e:
    print(type(e).__name__, e)
