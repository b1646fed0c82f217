"""nn distance layers and containers: CosineSimilarity, PairwiseDistance, F.normalize, KLDivLoss, Bilinear, Unflatten,
ParameterList, ParameterDict (values, gradients, printing, errors)."""

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
input1 = torch.randn(5, 8, requires_grad=True)
input2 = torch.randn(5, 8)
out = nn.CosineSimilarity(dim=1, eps=1e-6)(input1, input2)
print(out, out.grad_fn)
out.sum().backward()
print(input1.grad[0])
out = nn.PairwiseDistance(p=2)(input1, input2)
print(out.detach())
print(F.pairwise_distance(input1, input2, p=1, keepdim=True)[:2])
x = torch.tensor([[3.0, 4.0], [0.0, 0.0], [1.0, 1.0]], requires_grad=True)
print(F.normalize(x), F.normalize(x, p=1, dim=0), F.normalize(x).grad_fn)
print(F.cosine_similarity(torch.tensor([[1.0, 0.0]]), torch.tensor([[1.0, 1.0]])))
try:
    F.cosine_similarity(torch.tensor([1, 2, 3]), torch.tensor([1, 0, 1]), dim=0)
except RuntimeError as e:
    print(e)
print(F.cosine_similarity(torch.tensor([1, 2, 3]), torch.tensor([1.0, 0, 1]), dim=0))
inp = F.log_softmax(torch.randn(3, 5, requires_grad=True), dim=1)
target = F.softmax(torch.rand(3, 5), dim=1)
for r in ['batchmean', 'sum', 'none']:
    print(nn.KLDivLoss(reduction=r)(inp, target))
print(nn.KLDivLoss(reduction="batchmean", log_target=True)(inp, F.log_softmax(torch.rand(3, 5), dim=1)))
print(nn.KLDivLoss(), nn.CosineSimilarity(), nn.PairwiseDistance())
m = nn.Bilinear(4, 3, 2)
print(m, m.weight.shape, m.bias)
print(m(torch.randn(5, 4), torch.randn(5, 3)))
print(nn.Bilinear(4, 3, 2, bias=False)(torch.randn(4), torch.randn(3)).shape)
m = nn.Sequential(nn.Linear(50, 50), nn.Unflatten(1, (2, 5, 5)))
print(m, m(torch.randn(2, 50)).shape)
print(nn.Unflatten(1, torch.Size([2, 5, 5])), nn.Unflatten(-1, [5, 10]))
pl = nn.ParameterList([nn.Parameter(torch.randn(2, 2)) for i in range(3)])
pd = nn.ParameterDict({'left': nn.Parameter(torch.randn(5, 2)), 'right': torch.randn(5, 2, dtype=torch.float64)})
print(pl, pd, len(pl), len(pd), list(pd.keys()), pl[1], pd['right'].requires_grad)


class M(nn.Module):
    def __init__(self):
        super().__init__()
        self.params = pl
        self.choices = pd


print(M(), [n for n, _ in M().named_parameters()])
pl.append(torch.ones(1))
print(pl)
