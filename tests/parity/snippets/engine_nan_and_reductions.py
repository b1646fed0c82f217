import warnings

import torch

warnings.simplefilter("error")  # a numpy RuntimeWarning would end the snippet

nan, inf = float("nan"), float("inf")
for name, fn in [("relu", lambda x: x.relu()), ("abs", lambda x: x.abs()), ("clamp", lambda x: x.clamp(0, 1)),
                 ("clamp min", lambda x: x.clamp(min=0)), ("clamp max", lambda x: x.clamp(max=1)),
                 ("maximum", lambda x: torch.maximum(x, torch.zeros(4))),
                 ("minimum", lambda x: torch.minimum(x, torch.zeros(4)))]:
    for grad in ([nan, 1.0, nan, 1.0], [1.0, inf, 1.0, 1.0]):
        x = torch.tensor([-1.0, 0.0, 2.0, nan], requires_grad=True)
        fn(x).backward(torch.tensor(grad))
        print(name, x.grad)

print(torch.tensor([]).mean(), torch.tensor([]).sum(), torch.zeros(0, 3).mean(0))
x = torch.tensor([0.0, 1.0], requires_grad=True)
(x / 0).sum().backward()
print(x.grad)


def attempt(label, fn):
    try:
        print(label, fn())
    except (RuntimeError, IndexError) as e:
        print(label, type(e).__name__, e)


attempt("sum((0, 0))", lambda: torch.ones(2, 3).sum((0, 0)))
attempt("sum((1, -1))", lambda: torch.ones(2, 3).sum((1, -1)))
attempt("mean((1, -1))", lambda: torch.ones(2, 3).mean((1, -1)))
attempt("argmax()", lambda: torch.tensor([]).argmax())
attempt("argmin()", lambda: torch.tensor([]).argmin())
attempt("argmax(0)", lambda: torch.zeros(0, 3).argmax(0))
attempt("max(0)", lambda: torch.zeros(0, 3).max(0))
attempt("min(0)", lambda: torch.zeros(0, 3).min(0))
attempt("max(1)", lambda: torch.zeros(0, 3).max(1))
attempt("min()", lambda: torch.tensor([]).min())
