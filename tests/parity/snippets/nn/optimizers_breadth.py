import torch
import torch.nn as nn


def trajectory(make_optimizer, steps=5):
    weight = nn.Parameter(torch.tensor([[0.5, -1.5], [2.0, 0.25]]))
    optimizer = make_optimizer([weight])
    inputs = torch.tensor([[1.0, 2.0], [-0.5, 1.0], [3.0, -1.0]])
    for _ in range(steps):
        optimizer.zero_grad()
        loss = ((inputs @ weight.t()).tanh() - 0.5).pow(2).sum()
        loss.backward()
        optimizer.step()
    return weight, optimizer


for name, make in [
    ("RMSprop", lambda p: torch.optim.RMSprop(p)),
    ("RMSprop momentum", lambda p: torch.optim.RMSprop(p, lr=0.05, momentum=0.9, weight_decay=0.1)),
    ("RMSprop centered", lambda p: torch.optim.RMSprop(p, lr=0.02, alpha=0.9, centered=True, maximize=True)),
    ("Adagrad", lambda p: torch.optim.Adagrad(p, lr=0.1)),
    (
        "Adagrad decay",
        lambda p: torch.optim.Adagrad(p, lr=0.5, lr_decay=0.1, weight_decay=0.01, initial_accumulator_value=0.1),
    ),
    ("AdamW", lambda p: torch.optim.AdamW(p, lr=0.1)),
    ("AdamW amsgrad", lambda p: torch.optim.AdamW(p, lr=0.05, weight_decay=0.5, amsgrad=True)),
]:
    weight, optimizer = trajectory(make)
    print(name, weight.data, list(optimizer.state[weight].keys()), optimizer.state[weight]["step"])
print(torch.optim.RMSprop([nn.Parameter(torch.ones(1))]))
print(torch.optim.Adagrad([nn.Parameter(torch.ones(1))]))
print(torch.optim.AdamW([nn.Parameter(torch.ones(1))]))
p = nn.Parameter(torch.ones(2))
print(torch.optim.Adagrad([p], initial_accumulator_value=0.5).state[p])
for bad in (
    lambda: torch.optim.RMSprop([p], alpha=-1),
    lambda: torch.optim.RMSprop([p], momentum=-1),
    lambda: torch.optim.Adagrad([p], lr_decay=-1),
    lambda: torch.optim.RMSprop([p], eps=-1),
):
    try:
        bad()
    except ValueError as error:
        print("ValueError:", error)
eye = nn.Parameter(torch.ones(2, 3))
print(
    nn.init.eye_(eye),
    nn.init.zeros_(torch.ones(2)),
    nn.init.ones_(torch.zeros(2)),
    nn.init.constant_(torch.zeros(2), 0.5),
)
try:
    nn.init.eye_(torch.ones(2))
except ValueError as error:
    print("ValueError:", error)
