import torch
import torch.nn as nn
import torch.nn.functional as F

attempts = {
    "channels": lambda: F.conv2d(torch.zeros(1, 3, 5, 5), torch.zeros(8, 4, 3, 3)),
    "kernel too big": lambda: F.conv2d(torch.zeros(1, 4, 2, 2), torch.zeros(8, 4, 3, 3)),
    "input 2-d": lambda: F.conv2d(torch.zeros(5, 5), torch.zeros(8, 4, 3, 3)),
    "weight 3-d": lambda: F.conv2d(torch.zeros(1, 4, 5, 5), torch.zeros(8, 4, 3)),
    "groups": lambda: nn.Conv2d(4, 6, 3, groups=4),
    "same with stride": lambda: nn.Conv2d(4, 6, 3, stride=2, padding="same"),
    "module channels": lambda: nn.Conv2d(3, 2, 3)(torch.zeros(1, 4, 5, 5)),
    "bias size": lambda: F.conv2d(torch.zeros(1, 4, 5, 5), torch.zeros(8, 4, 3, 3), torch.zeros(3)),
}
for name, attempt in attempts.items():
    try:
        attempt()
        print(name, "no error")
    except Exception as e:
        print(name, "->", type(e).__name__, e)
