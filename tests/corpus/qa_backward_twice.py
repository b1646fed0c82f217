# Mirrors: a well-known Q&A, "Trying to backward through the graph a second time" and retain_graph (https://stackoverflow.com/questions/48274929)
import torch

x = torch.tensor([2.0], requires_grad=True)
y = x * x
z = y * 3
z.backward(retain_graph=True)
print(x.grad)
z.backward()
print(x.grad)
try:
    z.backward()
except RuntimeError as e:
    print(e)

w = x + 1
s = w.sum()
s.backward()
s.backward()
print(x.grad)

h = torch.tensor([1.0, 2.0], requires_grad=True)
for _step in range(3):
    loss = (h * h).sum()
    loss.backward()
print(h.grad)
