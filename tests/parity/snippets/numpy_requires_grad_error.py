import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
try:
    x.numpy()
except Exception as e:
    print(type(e).__name__, e)
try:
    (x * 2).numpy()
except Exception as e:
    print(type(e).__name__, e)
print(x.detach().numpy())
print((x * 2).detach().numpy())
with torch.no_grad():
    print((x * 2).numpy())
print(x.data.numpy())
