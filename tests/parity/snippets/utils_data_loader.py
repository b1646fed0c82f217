import torch
import torch.utils.data as tud
from torch.utils.data import DataLoader, Dataset, IterableDataset, Subset, TensorDataset, random_split

X = torch.arange(20.0).reshape(10, 2)
Y = torch.arange(10)
ds = TensorDataset(X, Y)
print(len(ds), ds[3])
for xb, yb in DataLoader(ds, batch_size=4):
    print(xb, yb)
dl = DataLoader(ds, batch_size=3, drop_last=True)
print(len(dl), len(DataLoader(ds, batch_size=3)), [b[1].tolist() for b in dl])


class Sq(Dataset):
    def __len__(self):
        return 5

    def __getitem__(self, i):
        return {"x": float(i), "y": i * i, "name": f"s{i}", "pair": (i, [i, 1.5])}


for b in DataLoader(Sq(), batch_size=2):
    print(b)
print(next(iter(DataLoader(Sq(), batch_size=None))))


class Stream(IterableDataset):
    def __iter__(self):
        yield from (torch.tensor([i, i + 1]) for i in range(5))


print(list(DataLoader(Stream(), batch_size=2)))
try:
    DataLoader(Stream(), shuffle=True)
except ValueError as e:
    print(e)
try:
    DataLoader(ds, sampler=tud.SequentialSampler(ds), shuffle=True)
except ValueError as e:
    print(e)
try:
    DataLoader(ds, batch_sampler=tud.BatchSampler(tud.SequentialSampler(ds), 3, False), batch_size=2)
except ValueError as e:
    print(e)
print([b[1].tolist() for b in DataLoader(ds, batch_sampler=tud.BatchSampler(tud.SequentialSampler(ds), 3, False))])
print(list(tud.BatchSampler(range(7), 3, True)), len(tud.BatchSampler(range(7), 3, False)))
try:
    TensorDataset(torch.ones(3), torch.ones(4))
except AssertionError as e:
    print("AssertionError", e)
try:
    Dataset()[0]
except NotImplementedError as e:
    print(e)
c = ds + Sq()
print(len(c), c[11])
s = Subset(ds, [1, 3])
print(len(s), s[1])
try:
    random_split(ds, [3, 3])
except ValueError as e:
    print(e)
a, b = random_split(ds, [0.7, 0.3])
print(len(a), len(b))
print(len(DataLoader(ds, batch_size=4, shuffle=True)))
dl = DataLoader(ds, batch_size=4, num_workers=2)
print(sum(len(b[1]) for b in dl))
try:
    tud.default_collate([(1, 2), (3,)])
except RuntimeError as e:
    print(e)
print(
    tud.default_collate([True, False]),
    tud.default_collate([1.5, 2.5]),
    tud.default_collate([torch.ones(2, dtype=torch.int64), torch.zeros(2, dtype=torch.int64)]),
)
print(tud.get_worker_info())
