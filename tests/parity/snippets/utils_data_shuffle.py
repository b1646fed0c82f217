import torch
from torch.utils.data import DataLoader, RandomSampler, TensorDataset, random_split

torch.manual_seed(0)
ds = TensorDataset(torch.arange(10))
print([b[0].tolist() for b in DataLoader(ds, batch_size=4, shuffle=True)])
print([b[0].tolist() for b in DataLoader(ds, batch_size=4, shuffle=True)])
g = torch.Generator().manual_seed(42)
print([b[0].tolist() for b in DataLoader(ds, batch_size=4, shuffle=True, generator=g)])
print([len(s) for s in random_split(ds, [0.5, 0.3, 0.2], generator=torch.Generator().manual_seed(1))])
print(list(random_split(range(6), [3, 3], generator=torch.Generator().manual_seed(1))[0]))
print(list(RandomSampler(range(5), replacement=True, num_samples=7)))
print(torch.rand(2))
