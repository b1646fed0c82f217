# Mirrors: well-known Q&A, "How to freeze selected layers of a model in PyTorch?" (https://stackoverflow.com/questions/62523912) and "pytorch: optimizer got an empty parameter list"
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 2))
for param in model[0].parameters():
    param.requires_grad = False
for name, param in model.named_parameters():
    print(name, param.requires_grad)
optimizer = torch.optim.SGD(filter(lambda p: p.requires_grad, model.parameters()), lr=0.1)
print(len(optimizer.param_groups[0]['params']))
x = torch.randn(5, 4)
out = model(x).sum()
out.backward()
print(model[0].weight.grad, model[2].weight.grad)
before = model[0].weight.clone()
optimizer.step()
print(torch.equal(before, model[0].weight))
model[2].requires_grad_(False)
print([p.requires_grad for p in model.parameters()])
try:
    torch.optim.SGD([], lr=0.1)
except ValueError as err:
    print("ValueError:", err)
try:
    model(x).sum().backward()
except RuntimeError as err:
    print("RuntimeError:", err)
print(sum(p.numel() for p in model.parameters()), sum(p.numel() for p in model.parameters() if p.requires_grad))
