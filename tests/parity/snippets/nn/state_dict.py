import torch
import torch.nn as nn

net = nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1))
net.register_buffer("steps", torch.tensor(0))
state = net.state_dict()
print(type(state).__name__)
print(list(state.keys()))
print({k: tuple(v.shape) for k, v in state.items()})
print(state["0.weight"].requires_grad)

with torch.no_grad():
    for p in net.parameters():
        p.fill_(0.5)
other = nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1))
other.register_buffer("steps", torch.tensor(0))
result = other.load_state_dict(net.state_dict())
print(result)
print(other[2].weight)

partial = {"0.weight": torch.zeros(3, 2)}
try:
    other.load_state_dict(partial)
except Exception as e:
    print(type(e).__name__, e)
print(other.load_state_dict(partial, strict=False))
try:
    other.load_state_dict({**net.state_dict(), "0.weight": torch.zeros(2, 2)})
except Exception as e:
    print(type(e).__name__, e)
