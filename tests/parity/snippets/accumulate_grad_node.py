import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 3
node, index = y.grad_fn.next_functions[0]
print(node.name(), index)
print(type(node).__name__)
print(node.variable is x)
print(node.variable)
print(node.next_functions)

z = torch.tensor([4.0])
print((z * x).grad_fn.next_functions)
both = x * x
print([fn.name() for fn, _ in both.grad_fn.next_functions])
print(both.grad_fn.next_functions[0][0] is both.grad_fn.next_functions[1][0])
