import torch

for name, make in [
    ("(3,) + (2,)", lambda: torch.ones(3) + torch.ones(2)),
    ("(2, 3) * (3, 2)", lambda: torch.ones(2, 3) * torch.ones(3, 2)),
    ("(4, 2, 3) - (3, 3)", lambda: torch.ones(4, 2, 3) - torch.ones(3, 3)),
    ("(2, 3) / (2,)", lambda: torch.ones(2, 3) / torch.ones(2)),
    ("(3,).add_((2, 3))", lambda: torch.ones(3).add_(torch.ones(2, 3))),
    ("(2, 1) += (2, 3)", lambda: torch.ones(2, 1).__iadd__(torch.ones(2, 3))),
]:
    try:
        make()
    except Exception as e:
        print(name, "->", type(e).__name__, e)
