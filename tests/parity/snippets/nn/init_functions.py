import math

import torch
import torch.nn as nn
from torch.nn import init

w = torch.empty(3, 5)
print(init.constant_(w, 0.3))
print(init.zeros_(w))
print(init.ones_(w))
print(init.calculate_gain("relu"), init.calculate_gain("tanh"), init.calculate_gain("sigmoid"))
print(init.calculate_gain("leaky_relu", 0.2), init.calculate_gain("linear"))
print(init.calculate_gain("leaky_relu", math.sqrt(5)))

p = nn.Parameter(torch.empty(4, 6))
r = init.uniform_(p, -0.1, 0.1)
print(r is p, p.requires_grad, p.is_leaf, p.grad_fn, p.shape)
print(bool(((p >= -0.1) & (p <= 0.1)).all()))
init.normal_(p, mean=0.0, std=0.01)
print(p.shape, p.requires_grad)
bound = math.sqrt(6 / (4 + 6))
init.xavier_uniform_(p)
print(bool((p.abs() <= bound).all()))
init.kaiming_uniform_(p, a=math.sqrt(5))
print(bool((p.abs() <= 1 / math.sqrt(6)).all()))
init.kaiming_normal_(p, mode="fan_out", nonlinearity="relu")
init.xavier_normal_(p)
print(p.shape, p.is_leaf)
try:
    init.xavier_uniform_(torch.empty(3))
except Exception as e:
    print(type(e).__name__, e)
