import torch

a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
manual = 1 / (1 + torch.exp(-a))
builtin = torch.sigmoid(a)
print(manual)
print(builtin)
print(manual.grad_fn.name(), builtin.grad_fn.name())


def chain(node):
    names = []
    while node is not None:
        names.append(node.name())
        node = node.next_functions[0][0] if node.next_functions else None
    return names


print(chain(manual.grad_fn))
print(chain(builtin.grad_fn))
manual.sum().backward(retain_graph=True)
print(a.grad)
a.grad = None
builtin.sum().backward()
print(a.grad)

b = torch.tensor([0.5], requires_grad=True)
out = b.sigmoid()
print(torch.equal(out.grad_fn._saved_result, out))
