import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
operations = {
    "add_": lambda: x.add_(1),
    "sub_": lambda: x.sub_(1),
    "mul_": lambda: x.mul_(2),
    "div_": lambda: x.div_(2),
    "zero_": lambda: x.zero_(),
    "fill_": lambda: x.fill_(0.5),
    "clamp_": lambda: x.clamp_(0, 1),
    "sigmoid_": lambda: x.sigmoid_(),
    "+=": lambda: x.__iadd__(1),
    "-=": lambda: x.__isub__(1),
    "*=": lambda: x.__imul__(2),
    "/=": lambda: x.__itruediv__(2),
    "setitem": lambda: x.__setitem__(0, 5.0),
    "copy_": lambda: x.copy_(torch.zeros(3)),
}
for name, op in operations.items():
    try:
        op()
        print(name, "no error")
    except Exception as e:
        print(name, type(e).__name__, e)
print(x, x._version)

try:
    x += 1
except RuntimeError as e:
    print("x += 1 ->", e)
try:
    x[0] = 0.0
except RuntimeError as e:
    print("x[0] = 0 ->", e)
