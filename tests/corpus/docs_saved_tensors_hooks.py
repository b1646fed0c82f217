# Mirrors: PyTorch docs, Notes, "Autograd mechanics" - hooks for saved tensors (https://pytorch.org/docs/stable/notes/autograd.html#hooks-for-saved-tensors)
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
y.sum().backward()
print(a.grad)

a = torch.tensor([1.0, 2.0], requires_grad=True)
with torch.autograd.graph.save_on_cpu():
    z = (a * a).sum()
z.backward()
print(a.grad)
