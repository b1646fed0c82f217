import numpy as np
import torch

arr = np.array([1.0, 2.0, 3.0])
t = torch.from_numpy(arr)
print(t, t.dtype)
arr[0] = 100.0
print(t)
t[1] = -1.0
print(arr)

print(torch.from_numpy(np.array([1, 2], dtype=np.int64)))
print(torch.from_numpy(np.array([1.5], dtype=np.float32)))
print(torch.from_numpy(np.zeros((2, 2))).shape)

x = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
n = x.numpy()
print(type(n).__name__, n.dtype, n.shape)
print(n)
n[0, 0] = 9.0
print(x)
print(torch.tensor([1, 2]).numpy().dtype, torch.tensor([True]).numpy().dtype)
print(torch.tensor(np.array([1.0, 2.0])).dtype)
