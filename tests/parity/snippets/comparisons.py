import torch

a = torch.tensor([1.0, 2.0, float("nan"), 4.0])
b = torch.tensor([1.0, 3.0, float("nan"), 3.0])
print(torch.eq(a, b), a.ne(b), a < b, torch.greater_equal(a, 2))
print(torch.isnan(a), torch.isfinite(a / 0), torch.isclose(a, b, equal_nan=True))
print(torch.allclose(a[:2], torch.tensor([1.0, 2.000001])), torch.equal(a[:2], b[:2]))
mask = a > 1.5
print(torch.where(mask, 1.0, 0.0), torch.where(mask, a, torch.zeros(4)), torch.where(mask))
print(torch.logical_and(mask, a < 3), torch.logical_not(mask), mask ^ (b > 2))
print(torch.tensor([5, 3]) & 6, torch.tensor([5, 3]) | 8, torch.bitwise_not(torch.tensor([0, 7])))
c = a.clone()
c.gt_(1.5)
print(c)
try:
    torch.tensor([1.5]) & 1
except Exception as e:
    print(type(e).__name__, e)
