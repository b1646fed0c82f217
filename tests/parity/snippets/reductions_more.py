import torch

x = torch.tensor([[1.0, -2.0, 3.0], [4.0, 5.0, -6.0]], requires_grad=True)
print(x.prod(), torch.prod(x, 1), x.std(), x.var(0, unbiased=False), torch.std(x, 1, correction=0))
print(torch.std_mean(x, 1))
print(x.norm(), x.data.norm(), torch.norm(x, p=1, dim=1), torch.linalg.vector_norm(x, float("inf")))
print(torch.logsumexp(x, 1), x.amax(0), x.amin(), torch.cumsum(x, 1), x.cumprod(0))
print(torch.aminmax(x))
print(x.sort(descending=True))
print(torch.topk(x, 2))
print(x.argsort(dim=0), x.kthvalue(2, 1))
print(torch.median(x), x.median(1))
print(torch.tensor([[1, 2, 2], [3, 3, 1]]).mode(1))
print(torch.unique(torch.tensor([3, 1, 2, 3, 1]), return_counts=True))
print(torch.count_nonzero(torch.tensor([[0, 1], [2, 0]])), (x > 0).all(1), torch.any(x > 4))
loss = x.norm() + x.std() + x.prod(1).sum() + x.logsumexp(0).sum() + x.sort(1).values[:, 0].sum()
loss.backward()
print(x.grad)
for f in (lambda: torch.tensor([1, 2]).std(), lambda: x.topk(5), lambda: torch.tensor([1, 2]).norm()):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
