import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
alias = x
print(alias is x)
copy = x.clone()
print(copy is x, copy.grad_fn)
copy.sum().backward()
print(x.grad)

base = torch.tensor([1.0, 2.0])
same = base
same[0] = 50.0
print(base)
independent = base.clone()
independent[1] = -1.0
print(base, independent)

src = torch.tensor([3.0, 4.0], requires_grad=True)
target = torch.empty(2)
target.copy_(src)
print(target, target.grad_fn)
(target * 2).sum().backward()
print(src.grad)
