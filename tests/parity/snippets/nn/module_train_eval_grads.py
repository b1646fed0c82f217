import torch
import torch.nn as nn

model = nn.Sequential(nn.Linear(2, 1))
with torch.no_grad():
    model[0].weight.copy_(torch.tensor([[2.0, -1.0]]))
    model[0].bias.fill_(0.5)
model.eval()
out = model(torch.tensor([[1.0, 1.0]]))
print(model.training, out, out.requires_grad)
with torch.no_grad():
    quiet = model(torch.tensor([[1.0, 1.0]]))
print(quiet, quiet.requires_grad)
out.sum().backward()
print(model[0].weight.grad)
model.train()
print(model.training, model[0].training)
print(model.requires_grad_(False) is model, [p.requires_grad for p in model.parameters()])
print(model(torch.tensor([[1.0, 1.0]])).requires_grad)
