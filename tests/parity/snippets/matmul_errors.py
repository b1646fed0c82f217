import torch

A = torch.ones(2, 3)
B = torch.ones(2, 3)
for name, make in [
    ("A @ B", lambda: A @ B),
    ("A.mm(B)", lambda: A.mm(B)),
    ("A.mm(ones(3))", lambda: A.mm(torch.ones(3))),
    ("ones(3) @ ones(4)", lambda: torch.ones(3) @ torch.ones(4)),
    ("A @ ones(2)", lambda: A @ torch.ones(2)),
]:
    try:
        make()
    except Exception as e:
        print(name, "->", type(e).__name__, e)
