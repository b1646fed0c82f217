import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)


def show(grad):
    print("hook on x sees", grad)


handle = x.register_hook(show)
(x * 2).sum().backward()
print(x.grad)

x.grad = None
handle.remove()
x.register_hook(lambda grad: grad * 10)
(x * 2).sum().backward()
print(x.grad)

w = torch.tensor([1.0, -1.0], requires_grad=True)
h = w * 3
h.register_hook(lambda grad: print("hook on h sees", grad))
h.register_hook(lambda grad: grad + 1)
out = (h * h).sum()
out.backward()
print(w.grad)

try:
    torch.tensor([1.0]).register_hook(print)
except Exception as e:
    print(type(e).__name__, e)
