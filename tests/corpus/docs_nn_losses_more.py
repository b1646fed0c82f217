# Mirrors: PyTorch docs, the "Examples::" blocks of nn.MultiLabelMarginLoss, nn.MultiMarginLoss, nn.PoissonNLLLoss and nn.GaussianNLLLoss, with SoftMarginLoss and MultiLabelSoftMarginLoss used the same way (https://pytorch.org/docs/stable/nn.html#loss-functions)
import torch
import torch.nn as nn

torch.manual_seed(0)
loss = nn.MultiLabelMarginLoss()
x = torch.FloatTensor([[0.1, 0.2, 0.4, 0.8]])
# for target y, only consider labels 3 and 0, not after label -1
y = torch.LongTensor([[3, 0, -1, 1]])
# 0.25 * ((1-(0.1-0.2)) + (1-(0.1-0.4)) + (1-(0.8-0.2)) + (1-(0.8-0.4)))
print(loss(x, y))

loss = nn.MultiMarginLoss()
x = torch.tensor([[0.1, 0.2, 0.4, 0.8]])
y = torch.tensor([3])
# 0.25 * ((1-(0.8-0.1)) + (1-(0.8-0.2)) + (1-(0.8-0.4)))
print(loss(x, y))

loss = nn.PoissonNLLLoss()
log_input = torch.randn(5, 2, requires_grad=True)
target = torch.randn(5, 2)
output = loss(log_input, target)
output.backward()
print(output, log_input.grad)

loss = nn.GaussianNLLLoss()
input = torch.randn(5, 2, requires_grad=True)
target = torch.randn(5, 2)
var = torch.ones(5, 2, requires_grad=True)  # heteroscedastic
output = loss(input, target, var)
output.backward()
print(output, var.grad)
loss = nn.GaussianNLLLoss()
input = torch.randn(5, 2, requires_grad=True)
target = torch.randn(5, 2)
var = torch.ones(5, 1, requires_grad=True)  # homoscedastic
output = loss(input, target, var)
output.backward()
print(output, var.grad)

scores = torch.randn(3, 5, requires_grad=True)
labels = torch.randint(0, 2, (3, 5)).float()
soft = nn.SoftMarginLoss()(scores, labels * 2 - 1)
multilabel = nn.MultiLabelSoftMarginLoss()(scores, labels)
(soft + multilabel).backward()
print(soft, multilabel, scores.grad)
