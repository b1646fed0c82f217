# Mirrors: PyTorch docs, the "Example::" blocks of torch.argmax, argmin, amax, amin, all, any, count_nonzero, cumsum, cumprod, dist, logsumexp, mean, median, mode, nanmean, nansum, norm, prod, std, std_mean, sum, unique, var, var_mean (https://pytorch.org/docs/stable/torch.html#reduction-ops)
import torch

torch.manual_seed(0)
a = torch.randn(4, 4)
print(a)
print(torch.argmax(a))
print(torch.argmax(a, dim=1))
print(torch.argmin(a, dim=1, keepdim=True))
print(torch.amax(a, 1))
print(torch.amin(a, 1))
print(torch.all(torch.rand(1, 2).bool()))
a = torch.rand(4, 2).bool()
print(a)
print(torch.all(a, dim=1))
print(torch.any(torch.randn(4, 2) < 0, dim=0))
x = torch.zeros(3, 3)
x[torch.randn(3, 3) > 0.5] = 1
print(x)
print(torch.count_nonzero(x))
print(torch.count_nonzero(x, dim=0))

a = torch.randint(1, 20, (10,))
print(a)
print(torch.cumsum(a, dim=0))
a = torch.randn(10)
print(torch.cumprod(a, dim=0))

x = torch.randn(4)
y = torch.randn(4)
print(torch.dist(x, y, 3.5))
print(torch.dist(x, y, 3))
print(torch.dist(x, y, 0))
print(torch.dist(x, y, 1))

a = torch.randn(3, 3)
print(torch.logsumexp(a, 1))
a = torch.randn(4, 4)
print(torch.mean(a, 1))
print(torch.mean(a, 1, True))
a = torch.randn(1, 3)
print(torch.median(a))
a = torch.randn(4, 5)
print(torch.median(a, 1))
b = torch.tensor([[0, 0, 0, 2, 0, 0, 2],
                  [0, 3, 0, 0, 2, 0, 1],
                  [2, 2, 2, 0, 0, 0, 3],
                  [2, 2, 3, 0, 1, 1, 0],
                  [1, 1, 0, 0, 2, 0, 2]])
print(torch.mode(b, 0))

x = torch.tensor([[float('nan'), 1, 2], [1, 2, 3]])
print(x.mean())
print(x.nanmean())
print(x.mean(dim=0))
print(x.nanmean(dim=0))
print(torch.nansum(torch.tensor([1., 2., float('nan'), 4.])))

a = torch.arange(9, dtype=torch.float) - 4
b = a.reshape((3, 3))
print(torch.norm(a))
print(torch.norm(b))
print(torch.norm(a, float('inf')))
c = torch.tensor([[1, 2, 3], [-1, 1, 4]], dtype=torch.float)
print(torch.norm(c, dim=0))
print(torch.norm(c, dim=1))
print(torch.norm(c, p=1, dim=1))

a = torch.randn(4, 2)
print(torch.prod(a, 1))
a = torch.tensor([[0.2035, 1.2959, 1.8101, -0.4644],
                  [1.5027, -0.3270, 0.5905, 0.6538],
                  [-1.5745, 1.3330, -0.5596, -0.6548],
                  [0.1264, -0.5080, 1.6420, 0.1992]])
print(torch.std(a, dim=1, keepdim=True))
print(torch.std_mean(a, dim=0, keepdim=True))
print(torch.var(a, dim=1, keepdim=True))
print(torch.var_mean(a, dim=0, keepdim=True))
a = torch.randn(4, 4)
print(torch.sum(a, 1))
b = torch.arange(4 * 5 * 6).view(4, 5, 6)
print(torch.sum(b, (2, 1)))

output = torch.unique(torch.tensor([1, 3, 2, 3], dtype=torch.long))
print(output)
output, inverse_indices = torch.unique(
    torch.tensor([1, 3, 2, 3], dtype=torch.long), sorted=True, return_inverse=True)
print(output, inverse_indices)
output, inverse_indices = torch.unique(
    torch.tensor([[1, 3], [2, 3]], dtype=torch.long), sorted=True, return_inverse=True)
print(output, inverse_indices)
a = torch.tensor([
    [[1, 1, 0, 0], [1, 1, 0, 0], [0, 0, 1, 1]],
    [[0, 0, 1, 1], [0, 0, 1, 1], [1, 1, 1, 1]],
    [[1, 1, 0, 0], [1, 1, 0, 0], [0, 0, 1, 1]],
])
print(torch.unique(a, dim=0))
print(torch.unique(a, dim=1))
