import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
for step in range(3):
    (x * x).sum().backward()
    print(step, x.grad)

x.grad.zero_()
print(x.grad)
(x * 3).sum().backward()
print(x.grad)
x.grad = None
(x * 3).sum().backward()
print(x.grad)

y = x * 2
z = y * y + y
z.sum().backward()
print(x.grad)

shared = torch.tensor(2.0, requires_grad=True)
total = shared * 3 + shared * shared + shared.exp() * 0
total.backward()
print(shared.grad)
