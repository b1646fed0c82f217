# Mirrors: well-known Q&A, "What does model.eval() do in pytorch?" (https://stackoverflow.com/questions/60018578) and "model.eval() vs with torch.no_grad()" - Dropout and BatchNorm in training and evaluation
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 6), nn.BatchNorm1d(6), nn.ReLU(), nn.Dropout(0.5), nn.Linear(6, 2))
print(model)
x = torch.randn(8, 4)
print(model.training, [m.training for m in model])
out_train = model(x)
print(out_train)
print(model[1].running_mean, model[1].running_var, model[1].num_batches_tracked)

model.eval()
print(model.training, [m.training for m in model])
with torch.no_grad():
    out_eval = model(x)
print(out_eval)
print(out_eval.requires_grad, model(x).requires_grad)
print(torch.equal(model(x), model(x)))
model.train()
print(torch.equal(model(x), model(x)))
print(model[1].num_batches_tracked)

drop = nn.Dropout(p=0.5)
y = torch.ones(10)
print(drop(y))
drop.eval()
print(drop(y))
bn = nn.BatchNorm1d(3, momentum=None)
for _ in range(3):
    bn(torch.randn(5, 3))
print(bn.running_mean, bn.num_batches_tracked)
print(bn.state_dict().keys())
