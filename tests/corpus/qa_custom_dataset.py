# Mirrors: well-known Q&A, "How to use a custom Dataset with DataLoader" (https://stackoverflow.com/questions/41924453) and the TensorDataset / random_split recipes
import torch
from torch.utils.data import DataLoader, Dataset, TensorDataset, random_split


class SquaresDataset(Dataset):
    def __init__(self, n):
        self.x = torch.arange(n, dtype=torch.float32).unsqueeze(1)
        self.y = self.x ** 2

    def __len__(self):
        return len(self.x)

    def __getitem__(self, idx):
        return self.x[idx], self.y[idx]


ds = SquaresDataset(10)
print(len(ds), ds[3])
loader = DataLoader(ds, batch_size=4)
for xb, yb in loader:
    print(xb.shape, yb.view(-1))
torch.manual_seed(0)
loader = DataLoader(ds, batch_size=3, shuffle=True, drop_last=True)
for xb, yb in loader:
    print(xb.view(-1))
print(len(loader))

features = torch.randn(6, 2)
labels = torch.tensor([0, 1, 0, 1, 1, 0])
tds = TensorDataset(features, labels)
print(tds[0])
train, val = random_split(tds, [4, 2], generator=torch.Generator().manual_seed(42))
print(len(train), len(val), train.indices, val.indices)
for batch in DataLoader(train, batch_size=2):
    print(batch[1])
print(next(iter(DataLoader(ds, batch_size=2, collate_fn=lambda b: b))))
