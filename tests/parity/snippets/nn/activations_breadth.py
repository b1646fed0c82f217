import torch
import torch.nn as nn
import torch.nn.functional as F

x = torch.linspace(-3, 3, 7, requires_grad=True)
for name, f in [
    ("leaky_relu", lambda t: F.leaky_relu(t, 0.2)),
    ("elu", F.elu),
    ("selu", F.selu),
    ("celu", lambda t: F.celu(t, 2.0)),
    ("gelu", lambda t: F.gelu(t * 0.5)),
    ("gelu tanh", lambda t: F.gelu(t, approximate="tanh")),
    ("silu", F.silu),
    ("mish", F.mish),
    ("softplus", F.softplus),
    ("softplus beta", lambda t: F.softplus(t, beta=2, threshold=3)),
    ("hardtanh", F.hardtanh),
    ("relu6", lambda t: F.relu6(t * 3)),
    ("logsigmoid", F.logsigmoid),
    ("hardsigmoid", F.hardsigmoid),
    ("hardswish", F.hardswish),
    ("threshold", lambda t: F.threshold(t, 0.5, -1.0)),
    ("softsign", F.softsign),
    ("tanhshrink", F.tanhshrink),
]:
    y = f(x)
    (g,) = torch.autograd.grad(y.sum(), x)
    print(name, y, y.grad_fn.name(), g)
print(F.softmin(torch.tensor([[1.0, 2.0, 3.0]]), dim=1))
for m in [
    nn.LeakyReLU(),
    nn.LeakyReLU(0.2, inplace=True),
    nn.ELU(),
    nn.ELU(inplace=True),
    nn.GELU(),
    nn.GELU("tanh"),
    nn.SiLU(),
    nn.SiLU(inplace=True),
    nn.Softplus(),
    nn.Softplus(2, 10),
    nn.Hardtanh(),
    nn.Hardtanh(-2, 2),
    nn.ReLU6(),
    nn.SELU(),
    nn.CELU(),
    nn.Mish(),
    nn.Hardswish(),
    nn.Hardsigmoid(),
    nn.LogSigmoid(),
    nn.Softsign(),
    nn.Tanhshrink(),
    nn.Threshold(0.1, 20),
    nn.Softmin(0),
    nn.Tanh(),
    nn.Sigmoid(),
]:
    print(m, m(torch.tensor([-1.5, 0.25, 2.0])))
h = torch.tensor([-1.0, 2.0], requires_grad=True) * 1
F.leaky_relu(h, inplace=True)
print(h, h.grad_fn.name())
e = torch.tensor([-1.0, 2.0], requires_grad=True) * 1
nn.ELU(inplace=True)(e)
print(e, e.grad_fn.name())
try:
    F.leaky_relu(torch.tensor([1, 2]))
except NotImplementedError as error:
    print("NotImplementedError:", error)
try:
    F.gelu(torch.tensor([1.0]), approximate="foo")
except RuntimeError as error:
    print("RuntimeError:", error)
