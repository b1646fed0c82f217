import torch
import torch.nn as nn
import torch.nn.functional as F

logits = torch.tensor([[2.0, 1.0, 0.1], [0.5, 2.5, 0.0]], requires_grad=True)
labels = torch.tensor([0, 2])
loss = nn.CrossEntropyLoss()(logits, labels)
print(loss)
loss.backward()
print(logits.grad)
print(F.cross_entropy(logits, labels, reduction="sum"))
print(F.cross_entropy(logits, labels, reduction="none"))
print(F.softmax(logits, dim=1))
print(F.log_softmax(logits, dim=1))
print(logits.softmax(dim=-1).sum(dim=1))
try:
    F.cross_entropy(logits, torch.tensor([0, 3]))
except Exception as e:
    print(type(e).__name__, e)
