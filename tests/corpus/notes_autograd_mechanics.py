# Mirrors: PyTorch docs, Notes, "Autograd mechanics" - saved tensors, locally disabling gradients, in-place correctness (https://pytorch.org/docs/stable/notes/autograd.html)
import torch

x = torch.randn(5, requires_grad=True)
y = x.pow(2)
print(x.equal(y.grad_fn._saved_self))
print(x is y.grad_fn._saved_self)

x = torch.randn(5, requires_grad=True)
y = x.exp()
print(y.equal(y.grad_fn._saved_result))
print(y is y.grad_fn._saved_result)

x = torch.ones(2, 2, requires_grad=True)
with torch.no_grad():
    y = x * 2
print(y.requires_grad)

is_train = False
with torch.set_grad_enabled(is_train):
    y = x * 2
print(y.requires_grad)
torch.set_grad_enabled(True)
y = x * 2
print(y.requires_grad)
torch.set_grad_enabled(False)
y = x * 2
print(y.requires_grad)
torch.set_grad_enabled(True)

a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
b = a.sigmoid()
b.mul_(2)
try:
    b.sum().backward()
except RuntimeError as e:
    print(e)

leaf = torch.zeros(3, requires_grad=True)
try:
    leaf.add_(1)
except RuntimeError as e:
    print(e)

nn_model = torch.nn.Linear(2, 2)
for param in nn_model.parameters():
    param.requires_grad_(False)
print([p.requires_grad for p in nn_model.parameters()])

model = torch.nn.Linear(2, 2)
model.eval()
with torch.inference_mode():
    out = model(torch.ones(1, 2))
print(out.requires_grad, out.is_inference())
