# InstanceNorm1d/2d, LocalResponseNorm, F.pdist and EmbeddingBag: reprs, graphs, values, gradients, errors.
import warnings

import torch
import torch.nn.functional as F

torch.manual_seed(0)
x = torch.randn(2, 3, 5, dtype=torch.float64, requires_grad=True)
norm = torch.nn.InstanceNorm1d(3, affine=True, track_running_stats=True, dtype=torch.float64)
print(norm, torch.nn.InstanceNorm2d(4), list(norm.state_dict()))
y = norm(x)
print(y.grad_fn.name(), [f.name() for f, _ in y.grad_fn.next_functions[0][0].next_functions])
print(y[0], norm.running_mean, norm.running_var, norm.num_batches_tracked)
(y * torch.arange(30.0, dtype=torch.float64).view(2, 3, 5)).sum().backward()
print(x.grad[1], norm.weight.grad, norm.bias.grad)
norm.eval()
print(norm(x)[1, 2])
print(torch.nn.InstanceNorm2d(2)(torch.randn(2, 4, 4))[1])
print(F.instance_norm(torch.randn(2, 2, 2, 3)).grad_fn)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    torch.nn.InstanceNorm1d(4)(torch.randn(2, 3, 5))
print([str(w.message) for w in caught])

lrn = torch.nn.LocalResponseNorm(3, alpha=0.1, beta=0.5, k=2.0)
print(lrn, torch.nn.LocalResponseNorm(2))
images = torch.randn(2, 4, 2, 3, requires_grad=True)
out = lrn(images)
print(out[1, :, 0], out.grad_fn.name())
out.sum().backward()
print(images.grad[0, :, 1])
seq = torch.randn(2, 5, 3, requires_grad=True)
print(lrn(seq)[0], F.local_response_norm(torch.zeros(0, 2, 3), 2).shape)

points = torch.tensor([[0.0, 0.0], [3.0, 4.0], [1.0, 1.0], [-2.0, 5.0]], requires_grad=True)
d = F.pdist(points)
print(d, d.grad_fn.name(), d.grad_fn._saved_p)
print(torch.pdist(points, p=1), F.pdist(points, 0), F.pdist(points, float("inf")))
d.sum().backward()
print(points.grad, F.pdist(torch.ones(1, 3)))

bag = torch.nn.EmbeddingBag(10, 3)
print(bag, bag.weight[:2])
inputs, offsets = torch.tensor([1, 2, 4, 5, 4, 3, 2, 9]), torch.tensor([0, 4])
out = bag(inputs, offsets)
print(out, out.grad_fn.name())
out.sum().backward()
print(bag.weight.grad)
summed = torch.nn.EmbeddingBag(10, 3, mode="sum", padding_idx=2)
weights = torch.arange(8.0, requires_grad=True)
out = summed(inputs, offsets, weights)
print(out, len(out.grad_fn.next_functions))
out.sum().backward()
print(weights.grad, summed.weight.grad[2:5])
biggest = torch.nn.EmbeddingBag(10, 3, mode="max")
out = biggest(torch.tensor([[1, 2], [4, 5], [7, 7]]))
print(out)
out.backward(torch.ones(3, 3))
print(biggest.weight.grad)
print(torch.nn.EmbeddingBag(10, 3, mode="mean", include_last_offset=True)(inputs, torch.tensor([0, 2, 2, 8])))
print(torch.nn.EmbeddingBag(10, 3, max_norm=1.0, norm_type=1.0, scale_grad_by_freq=True, padding_idx=-1))
print(F.embedding_bag(torch.tensor([0, 1, 1]), torch.eye(3), torch.tensor([0, 1])))

m = torch.nn.EmbeddingBag(10, 3)
bad = [
    lambda: F.instance_norm(torch.randn(2, 3, 1)), lambda: F.instance_norm(torch.randn(3)),
    lambda: torch.nn.InstanceNorm1d(3)(torch.randn(3)), lambda: torch.nn.InstanceNorm2d(3)(torch.randn(2, 3)),
    lambda: torch.nn.InstanceNorm1d(3, affine=True)(torch.randn(2, 4, 5)),
    lambda: torch.nn.LocalResponseNorm(2)(torch.randn(2, 3)),
    lambda: F.pdist(torch.randn(3)), lambda: F.pdist(torch.randn(3, 2), p=-1),
    lambda: F.pdist(torch.randn(3, 2).long()),
    lambda: m(torch.tensor([1, 2])), lambda: m(torch.tensor([[1, 2]]), torch.tensor([0])),
    lambda: m(torch.tensor([1, 2]), torch.tensor([1])), lambda: m(torch.tensor([1, 12]), torch.tensor([0])),
    lambda: torch.nn.EmbeddingBag(10, 3, mode="max")(torch.tensor([1, 2]), torch.tensor([0]), torch.ones(2)),
    lambda: m(torch.tensor([1, 2]), torch.tensor([0]), torch.ones(2)),
    lambda: m(torch.tensor([1.0, 2]), torch.tensor([0])), lambda: m(torch.tensor([1, 2]), torch.tensor([0, 3])),
    lambda: m(torch.tensor([1, 2]), torch.tensor([[0]])), lambda: m(torch.tensor([[[1, 2]]])),
    lambda: m(torch.tensor([1, 2]), torch.tensor([0]), torch.ones(3)),
    lambda: F.embedding_bag(torch.tensor([1, 2]), torch.randn(3), torch.tensor([0])),
    lambda: torch.nn.EmbeddingBag(10, 3, mode="max", scale_grad_by_freq=True)(torch.tensor([1]), torch.tensor([0])),
    lambda: torch.nn.EmbeddingBag(10, 3, mode="x")(torch.tensor([1, 2]), torch.tensor([0])),
    lambda: torch.nn.EmbeddingBag(10, 3, padding_idx=10),
]
for f in bad:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
