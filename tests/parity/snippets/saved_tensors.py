import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
w = torch.tensor([3.0, 4.0], requires_grad=True)

y = x * w
print(y.grad_fn._saved_self)
print(y.grad_fn._saved_other)
print(y.grad_fn._saved_self is x, torch.equal(y.grad_fn._saved_other, w))

e = x.exp()
print(e.grad_fn._saved_result)
print(torch.equal(e.grad_fn._saved_result, e))
s = x.sigmoid()
print(s.grad_fn._saved_result)
t = x.tanh()
print(t.grad_fn._saved_result)
p = x.pow(3)
print(p.grad_fn._saved_self, p.grad_fn._saved_exponent)
lg = x.log()
print(lg.grad_fn._saved_self)

z = (x * w).sum()
z.backward()
try:
    print(z.grad_fn.next_functions[0][0]._saved_self)
except Exception as e:
    print(type(e).__name__, e)
