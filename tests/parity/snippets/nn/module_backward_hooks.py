import torch
import torch.nn as nn

lin = nn.Linear(2, 2)
with torch.no_grad():
    lin.weight.copy_(torch.tensor([[1.0, 2.0], [3.0, 4.0]]))
    lin.bias.zero_()


def pre(m, go):
    print("pre", m.__class__.__name__, go)


def hk(m, gi, go):
    print("full", gi, go)
    return None


h1 = lin.register_full_backward_pre_hook(pre)
h2 = lin.register_full_backward_hook(hk)
x = torch.tensor([[1.0, 1.0]], requires_grad=True)
y = lin(x)
print(y, y.grad_fn.next_functions[0][0].name())
y.sum().backward()
print(x.grad)
x.grad = None
h3 = lin.register_full_backward_hook(lambda m, gi, go: (gi[0] * 10,))
lin(x).sum().backward()
print(x.grad)
h3.remove()
x2 = torch.tensor([[1.0, 1.0]])
lin(x2).sum().backward()


class Two(nn.Module):
    def forward(self, a, b, k=2):
        return a * b * k, a + 1


t = Two()
t.register_full_backward_hook(lambda m, gi, go: print("two", gi, go))
a = torch.ones(2, requires_grad=True)
b = torch.ones(2) * 3
o = t(a, b)
print(o)
(o[0].sum()).backward()
print(a.grad)
m = nn.ReLU()
m.register_full_backward_pre_hook(lambda m, go: (go[0] * 0 + 5,))
z = torch.tensor([1.0, -1.0], requires_grad=True)
m(z).sum().backward()
print(z.grad)
print(type(h1).__name__, len(lin._backward_hooks), len(lin._backward_pre_hooks))
try:
    m3 = nn.ReLU()
    m3.register_full_backward_hook(lambda m, gi, go: (gi[0], gi[0]))
    m3(torch.ones(2, requires_grad=True) * 1).sum().backward()
except RuntimeError as e:
    print(e)
