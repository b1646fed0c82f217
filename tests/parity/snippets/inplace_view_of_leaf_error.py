import torch

w = torch.tensor([[1.0, 2.0], [3.0, 4.0]], requires_grad=True)
for name, op in {
    "w[0].zero_()": lambda: w[0].zero_(),
    "w[:, 1].mul_(2)": lambda: w[:, 1].mul_(2),
    "w.view(4).add_(1)": lambda: w.view(4).add_(1),
    "w.t().fill_(0)": lambda: w.t().fill_(0),
    "w[0][1] = 0": lambda: w[0].__setitem__(1, 0.0),
}.items():
    try:
        op()
    except Exception as e:
        print(name, "->", type(e).__name__, e)

try:
    w[0] = 0.0
except Exception as e:
    print("w[0] = 0 ->", type(e).__name__, e)

with torch.no_grad():
    w[0] = 0.0
    w[:, 1].mul_(10)
print(w, w._version)
