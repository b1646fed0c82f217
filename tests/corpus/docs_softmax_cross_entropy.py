# Mirrors: PyTorch docs, "torch.nn.functional.softmax", "log_softmax", "cross_entropy", "nll_loss" and "one_hot" examples (https://pytorch.org/docs/stable/generated/torch.nn.functional.cross_entropy.html)
import torch
import torch.nn.functional as F

torch.manual_seed(0)
input = torch.randn(2, 3)
print(F.softmax(input, dim=1))
print(torch.softmax(input, dim=0))
print(F.log_softmax(input, dim=1))
print(torch.log_softmax(input, 1))
print(input.softmax(-1).sum(-1))

input = torch.randn(3, 5, requires_grad=True)
target = torch.randint(5, (3,), dtype=torch.int64)
loss = F.cross_entropy(input, target)
loss.backward()
print(target, loss)
print(input.grad)

input = torch.randn(3, 5, requires_grad=True)
target = torch.randn(3, 5).softmax(dim=1)
loss = F.cross_entropy(input, target)
loss.backward()
print(loss)

input = torch.randn(3, 5, requires_grad=True)
target = torch.tensor([1, 0, 4])
output = F.nll_loss(F.log_softmax(input, dim=1), target)
output.backward()
print(output)
print(F.cross_entropy(input, target, label_smoothing=0.1))

print(F.one_hot(torch.arange(0, 5) % 3))
print(F.one_hot(torch.arange(0, 5) % 3, num_classes=5))
print(F.one_hot(torch.arange(0, 6).view(3, 2) % 3))
