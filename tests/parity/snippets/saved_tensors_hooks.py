import torch


def pack_hook(x):
    print("Packing", x)
    return x


def unpack_hook(x):
    print("Unpacking", x)
    return x


a = torch.ones(5, requires_grad=True)
b = torch.ones(5, requires_grad=True) * 2
with torch.autograd.graph.saved_tensors_hooks(pack_hook, unpack_hook):
    y = a * b
    w = (a * 3).exp()
    s = a.sigmoid()
    m = torch.ones(2, 5) @ b.unsqueeze(1) if False else a.sum()
y.sum().backward()
w.sum().backward()
s.sum().backward()
print(a.grad)
print(w.grad_fn.name())
a2 = torch.tensor([1.0, 2.0], requires_grad=True)
with torch.autograd.graph.save_on_cpu():
    z = (a2 * a2).sum()
print(z.grad_fn.next_functions[0][0]._saved_self)
z.backward()
print(a2.grad)


def pack2(x):
    return x.detach().numpy().copy()


def unpack2(x):
    return torch.from_numpy(x)


with torch.autograd.graph.saved_tensors_hooks(pack2, unpack2):
    q = (a2 * a2 * 2).sum()
q.backward()
print(a2.grad)
