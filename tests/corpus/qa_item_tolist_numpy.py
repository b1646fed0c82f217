# Mirrors: well-known Q&A, "How do I convert a PyTorch Tensor into a python list?" (https://stackoverflow.com/questions/53903373) and "How to get a value from a tensor" (.item())
import numpy as np
import torch

a = torch.ones((1, 2))
print(a.tolist())
print(a.squeeze().tolist())
print(torch.tensor(3.5).item(), type(torch.tensor(3.5).item()))
print(torch.tensor([7]).item(), type(torch.tensor([7]).item()))
print(torch.tensor([True]).item())
try:
    torch.tensor([1, 2]).item()
except RuntimeError as err:
    print("RuntimeError:", err)
x = torch.arange(6).reshape(2, 3)
print(x.numpy(), x.numpy().dtype)
print(np.asarray(x), x.tolist())
print(float(torch.tensor([2.5])), int(torch.tensor(3)))
print([t.item() for t in torch.tensor([1.5, 2.5])])
print(torch.tensor(np.array([[1, 2], [3, 4]])).dtype, torch.from_numpy(np.zeros(2, dtype=np.float32)).dtype)
print(torch.as_tensor([1, 2], dtype=torch.float16))
print(x.numpy().sum(), x.sum())
try:
    float(torch.tensor([1.0, 2.0]))
except (RuntimeError, TypeError, ValueError) as err:
    print(type(err).__name__ + ":", err)
