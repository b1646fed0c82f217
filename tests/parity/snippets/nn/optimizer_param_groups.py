import torch
import torch.nn as nn

net = nn.Sequential(nn.Linear(2, 2), nn.Linear(2, 1))
opt = torch.optim.SGD(
    [
        {"params": net[0].parameters()},
        {"params": net[1].parameters(), "lr": 0.001},
    ],
    lr=0.1,
    momentum=0.9,
)
print(len(opt.param_groups))
for group in opt.param_groups:
    print(group["lr"], group["momentum"], len(group["params"]), sorted(k for k in group if k != "params"))
print(opt)

extra = nn.Parameter(torch.zeros(3))
opt.add_param_group({"params": [extra], "lr": 0.5})
print(len(opt.param_groups), opt.param_groups[2]["lr"], opt.param_groups[2]["momentum"])
try:
    opt.add_param_group({"params": [extra]})
except Exception as e:
    print(type(e).__name__, e)
for group in opt.param_groups:
    group["lr"] *= 0.1
print([round(g["lr"], 6) for g in opt.param_groups])
print(list(opt.state_dict().keys()))
print(opt.state_dict()["param_groups"][1]["params"])
print(torch.optim.Adam([extra]))
