import torch
import torch.nn as nn
import torch.nn.functional as F

pred = torch.tensor([0.5, 1.5, -1.0], requires_grad=True)
target = torch.tensor([1.0, 1.0, 0.0])
mse = nn.MSELoss()(pred, target)
print(mse)
mse.backward()
print(pred.grad)
print(F.mse_loss(pred, target, reduction="sum"))
print(F.mse_loss(pred, target, reduction="none"))

probs = torch.tensor([0.9, 0.2, 0.6], requires_grad=True)
bce = nn.BCELoss()(probs, torch.tensor([1.0, 0.0, 1.0]))
print(bce)
bce.backward()
print(probs.grad)

logits = torch.tensor([2.0, -1.0, 0.0], requires_grad=True)
bcel = nn.BCEWithLogitsLoss()(logits, torch.tensor([1.0, 0.0, 1.0]))
print(bcel)
bcel.backward()
print(logits.grad)
print(F.binary_cross_entropy_with_logits(logits, torch.tensor([0.0, 0.0, 1.0]), reduction="none"))
print(F.binary_cross_entropy(probs, torch.tensor([1.0, 1.0, 0.0])))
