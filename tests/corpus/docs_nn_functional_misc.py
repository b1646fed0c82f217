# Mirrors: PyTorch docs, the "Examples::" blocks of nn.CosineSimilarity, nn.PairwiseDistance, F.normalize, nn.KLDivLoss, nn.BCEWithLogitsLoss (pos_weight), nn.HuberLoss, nn.Bilinear, nn.Unflatten, nn.Sequential with an OrderedDict, nn.ParameterList and nn.ParameterDict (https://pytorch.org/docs/stable/nn.html)
from collections import OrderedDict

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
input1 = torch.randn(100, 128)
input2 = torch.randn(100, 128)
cos = nn.CosineSimilarity(dim=1, eps=1e-6)
output = cos(input1, input2)
print(output.shape, output[:4])
pdist = nn.PairwiseDistance(p=2)
output = pdist(input1, input2)
print(output.shape, output[:4])
x = torch.tensor([[3.0, 4.0], [0.0, 0.0], [1.0, 1.0]])
print(F.normalize(x))
print(F.normalize(x, p=1, dim=0))
print(F.cosine_similarity(torch.tensor([[1.0, 0.0]]), torch.tensor([[1.0, 1.0]])))

kl_loss = nn.KLDivLoss(reduction="batchmean")
input = F.log_softmax(torch.randn(3, 5, requires_grad=True), dim=1)
target = F.softmax(torch.rand(3, 5), dim=1)
output = kl_loss(input, target)
print(output)
kl_loss = nn.KLDivLoss(reduction="batchmean", log_target=True)
log_target = F.log_softmax(torch.rand(3, 5), dim=1)
output = kl_loss(input, log_target)
print(output)

target = torch.ones([10, 64], dtype=torch.float32)
output = torch.full([10, 64], 1.5)
pos_weight = torch.ones([64])
criterion = torch.nn.BCEWithLogitsLoss(pos_weight=pos_weight)
print(criterion(output, target))
loss = nn.BCEWithLogitsLoss()
input = torch.randn(3, requires_grad=True)
target = torch.empty(3).random_(2)
output = loss(input, target)
output.backward()
print(output, input.grad)
loss = nn.HuberLoss(delta=0.5)
print(loss(torch.tensor([0.0, 1.0, 3.0]), torch.tensor([0.2, 0.0, 0.0])))

m = nn.Bilinear(20, 30, 40)
print(m)
input1 = torch.randn(128, 20)
input2 = torch.randn(128, 30)
output = m(input1, input2)
print(output.size())

input = torch.randn(2, 50)
m = nn.Sequential(
    nn.Linear(50, 50),
    nn.Unflatten(1, (2, 5, 5))
)
output = m(input)
print(output.size())
print(m)
m = nn.Sequential(
    nn.Linear(50, 50),
    nn.Unflatten(1, torch.Size([2, 5, 5]))
)
print(m(input).size())

model = nn.Sequential(OrderedDict([
    ('conv1', nn.Conv2d(1, 20, 5)),
    ('relu1', nn.ReLU()),
    ('conv2', nn.Conv2d(20, 64, 5)),
    ('relu2', nn.ReLU())
]))
print(model)
print(model.conv1)
print(model[2])


class MyModule(nn.Module):
    def __init__(self):
        super().__init__()
        self.params = nn.ParameterList([nn.Parameter(torch.randn(2, 2)) for i in range(3)])
        self.choices = nn.ParameterDict({
            'left': nn.Parameter(torch.randn(5, 2)),
            'right': nn.Parameter(torch.randn(5, 2))
        })

    def forward(self, x, choice):
        for i, p in enumerate(self.params):
            x = self.params[i // 2].mm(x) + p.mm(x)
        return self.choices[choice].mm(x)


m = MyModule()
print(m)
print(m(torch.randn(2, 1), 'left'))
print([name for name, _ in m.named_parameters()])
