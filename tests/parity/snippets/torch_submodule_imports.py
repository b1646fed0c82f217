import torch
import torch.autograd.functional
import torch.functional
import torch.nn.functional as F
from torch.utils.data import DataLoader

print(
    torch.autograd.functional.jacobian(lambda t: t * 2, torch.ones(1)),
    DataLoader.__name__,
    F.relu(torch.tensor([-1.0])),
)
print(torch.utils.data.TensorDataset(torch.ones(2))[0])
