import torch

a = torch.tensor([1.0, 2.0], requires_grad=True)
b = torch.tensor([3.0, 4.0], requires_grad=True)
c = torch.tensor([5.0, 6.0])

d = a * b
e = d + c
f = e.sum()

print(f.grad_fn)
print(f.grad_fn.next_functions)
print(e.grad_fn.next_functions)
print(d.grad_fn.next_functions)


def describe(node, depth=0):
    print("  " * depth + (node.name() if node is not None else "None"))
    if node is None:
        return
    for child, _index in node.next_functions:
        describe(child, depth + 1)


describe(f.grad_fn)
g = (a * 2 + a.exp()).mean()
describe(g.grad_fn)
print([(fn.name() if fn is not None else None, i) for fn, i in (a + 1).grad_fn.next_functions])
print(e.grad_fn.next_functions[0][0] is d.grad_fn)
print(a.grad_fn, c.grad_fn)
