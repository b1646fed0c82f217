# Mirrors: PyTorch docs, "nn.CrossEntropyLoss", "nn.MSELoss", "nn.NLLLoss" and "nn.BCELoss" examples (https://pytorch.org/docs/stable/generated/torch.nn.CrossEntropyLoss.html)
# expected-to-differ: Tensor.random_ is not implemented yet; random numbers differ
import torch
import torch.nn as nn

torch.manual_seed(0)
loss = nn.CrossEntropyLoss()
input = torch.randn(3, 5, requires_grad=True)
target = torch.empty(3, dtype=torch.long).random_(5)
output = loss(input, target)
output.backward()
print(output, input.grad.shape)

input = torch.randn(3, 5, requires_grad=True)
target = torch.randn(3, 5).softmax(dim=1)
output = loss(input, target)
output.backward()
print(output)

loss = nn.MSELoss()
input = torch.randn(3, 5, requires_grad=True)
target = torch.randn(3, 5)
output = loss(input, target)
output.backward()
print(output)

m = nn.LogSoftmax(dim=1)
loss = nn.NLLLoss()
input = torch.randn(3, 5, requires_grad=True)
target = torch.tensor([1, 0, 4])
output = loss(m(input), target)
output.backward()
print(output)

m = nn.Sigmoid()
loss = nn.BCELoss()
input = torch.randn(3, requires_grad=True)
target = torch.rand(3)
output = loss(m(input), target)
output.backward()
print(output)
