# Mirrors: a well-known Q&A, "Difference between .data and .detach() in PyTorch" (https://stackoverflow.com/questions/51743214) and the PyTorch 0.4 migration guide
import torch

a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
out = a.sigmoid()
c = out.data
c.zero_()
print(out)
out.sum().backward()
print(a.grad)

a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
out = a.sigmoid()
c = out.detach()
c.zero_()
print(out)
try:
    out.sum().backward()
except RuntimeError as e:
    print(e)
print(c.requires_grad, c.is_leaf, c.grad_fn)
print(out._version, c._version)
