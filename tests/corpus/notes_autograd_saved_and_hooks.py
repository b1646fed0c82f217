# Mirrors: PyTorch docs, Notes, "Autograd mechanics" - saved tensors (_saved_self, _saved_result), backward hooks on tensors and on grad_fn nodes, hooks and in-place changes (https://pytorch.org/docs/stable/notes/autograd.html#backward-hooks-execution)
import torch

torch.manual_seed(0)
x = torch.randn(5, requires_grad=True)
y = x.pow(2)
print(x.equal(y.grad_fn._saved_self))
print(x is y.grad_fn._saved_self)
y = x.exp()
print(y.equal(y.grad_fn._saved_result))
print(y is y.grad_fn._saved_result)


def hook(grad):
    print("tensor hook", grad)
    return grad * 2


a = torch.tensor([1.0, 2.0], requires_grad=True)
b = a * 3
b.register_hook(hook)
b.sum().backward()
print(a.grad)

a = torch.tensor(1.0, requires_grad=True)
b = a.clone()
b.register_hook(lambda g: print("hook on b", g))
c = b * 2
c.grad_fn.register_prehook(lambda grad_outputs: print("prehook", grad_outputs))
c.grad_fn.register_hook(lambda grad_inputs, grad_outputs: print("node hook", grad_inputs, grad_outputs))
c.backward()
print(a.grad)

t = torch.tensor(1., requires_grad=True).sin()
t.cos_()
t.register_hook(lambda grad: print("after in-place", grad))
t.backward()

a = torch.tensor([1.0, 2.0], requires_grad=True)
h = a.register_hook(lambda g: g * 10)
(a * a).sum().backward()
print(a.grad)
h.remove()
a.grad = None
(a * a).sum().backward()
print(a.grad)

x = torch.tensor([1.0, 2.0], requires_grad=True)
x.register_post_accumulate_grad_hook(lambda p: print("accumulated", p.grad))
(x ** 2).sum().backward()
