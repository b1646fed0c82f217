import torch
import torch.nn.functional as F
from torch.autograd.functional import hessian, hvp, jacobian, vhp, vjp

# x.grad keeps a graph after backward(create_graph=True)
x = torch.tensor([1.0, 2.0], requires_grad=True)
(x**3).sum().backward(create_graph=True)
print(x.grad, x.grad.requires_grad, x.grad._version)
print(x.grad.grad_fn.name(), x.grad.grad_fn.next_functions[1][0].name())
x.grad.sum().backward()
print(x.grad)

# third derivative of x**3 is 6
y = torch.tensor(1.5, requires_grad=True)
(d1,) = torch.autograd.grad(y**3, y, create_graph=True)
(d2,) = torch.autograd.grad(d1, y, create_graph=True)
(d3,) = torch.autograd.grad(d2, y)
print(d1, d2, d3)

# gradient names as torch records them
a = torch.tensor([[0.5, -1.0, 2.0], [1.5, 0.25, -0.75]], requires_grad=True)
for name, f in [("sigmoid", torch.sigmoid), ("tanh", torch.tanh), ("relu", torch.relu), ("exp", torch.exp),
                ("sin", torch.sin), ("softmax", lambda t: t.softmax(1) * t), ("mean", lambda t: t.mean(0) ** 2),
                ("t", lambda t: t.t() ** 2), ("abs", lambda t: t.abs() * t)]:
    (g,) = torch.autograd.grad(f(a).sum(), a, create_graph=True)
    print(name, g.grad_fn.name(), [n.name() if n else None for n, _ in g.grad_fn.next_functions])

# Hessian-vector product and a gradient penalty through a linear layer
torch.manual_seed(0)
w = torch.tensor([[0.5, -1.0], [2.0, 0.25], [1.0, 1.0]], requires_grad=True)
b = torch.tensor([0.1, -0.2, 0.3], requires_grad=True)
inp = torch.tensor([[1.0, -2.0], [0.5, 0.5]], requires_grad=True)
out = F.linear(inp, w, b).tanh()
loss = F.mse_loss(out, torch.zeros(2, 3))
(g,) = torch.autograd.grad(loss, inp, create_graph=True)
print(g)
(hv,) = torch.autograd.grad(g, inp, torch.ones(2, 2), retain_graph=True)
print(hv)
penalty = g.pow(2).sum()
penalty.backward()
print(w.grad, b.grad, sep="\n")

# torch.autograd.functional
print(hessian(lambda t: (t**3).sum(), torch.tensor([1.0, 2.0])))
print(hessian(lambda t, u: (t * u).sum(), (torch.tensor([1.0, 2.0]), torch.tensor([3.0, 4.0]))))
print(hvp(lambda t: (t.sin() * t).sum(), torch.tensor([0.5, 1.0]), torch.tensor([1.0, -1.0])))
print(vhp(lambda t: (t.exp() * t).sum(), torch.tensor([0.5, 1.0]), torch.tensor([1.0, 2.0])))
print(jacobian(lambda t: t**2, torch.tensor([1.0, 2.0]), create_graph=True))
print(vjp(lambda t: t**2, torch.tensor([1.0, 2.0]), torch.ones(2), create_graph=True))
try:
    hessian(lambda t: t**2, torch.tensor([1.0, 2.0]))
except RuntimeError as e:
    print(type(e).__name__, e)
