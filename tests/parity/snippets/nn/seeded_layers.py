import torch
import torch.nn as nn

torch.manual_seed(0)
layer = nn.Linear(2, 3)
print(layer.weight)
print(layer.bias)
conv = nn.Conv2d(1, 2, 3)
print(conv.weight)
print(conv.bias)
print(nn.functional.dropout(torch.ones(2, 8), 0.5))
print(nn.Dropout(0.25)(torch.ones(10)))
w = torch.empty(2, 5)
print(nn.init.xavier_uniform_(w))
print(nn.init.kaiming_normal_(w, nonlinearity="relu"))
print(nn.init.normal_(torch.empty(20), std=0.02))
