import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)

y = x.exp()
y.add_(1)
try:
    y.sum().backward()
except Exception as e:
    print(type(e).__name__, e)

y = x * 2
y.add_(1)
y.sum().backward()
print("mul then add_ is fine:", x.grad)

s = x.sigmoid()
s.mul_(2)
try:
    s.sum().backward()
except Exception as e:
    print(type(e).__name__, e)

t = (x * 1).tanh()
u = t * t
t[0] = 0.0
try:
    u.sum().backward()
except Exception as e:
    print(type(e).__name__, e)

a = x * 1
b = a * a
a.zero_()
try:
    b.sum().backward()
except Exception as e:
    print(type(e).__name__, e)

m = torch.ones(2, 3, requires_grad=True)
h = m.t() * 1
p = h @ torch.ones(2, 2)
q = p.relu()
q.add_(1)
try:
    q.sum().backward()
except Exception as e:
    print(type(e).__name__, e)

d = torch.ones(3, dtype=torch.float64, requires_grad=True)
e2 = d.exp()
e2.sub_(1)
try:
    e2.sum().backward()
except Exception as e:
    print(type(e).__name__, e)
