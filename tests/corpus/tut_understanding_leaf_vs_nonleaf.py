# Mirrors: PyTorch tutorials, "Understanding requires_grad, retain_grad, Leaf, and Non-leaf Tensors" (https://pytorch.org/tutorials/beginner/understanding_leaf_vs_nonleaf_tutorial.html), without the graph pictures
import torch
import torch.nn.functional as F

x = torch.ones(1, 3)
W = torch.ones(3, 2, requires_grad=True)
b = torch.ones(1, 2, requires_grad=True)
y = torch.ones(1, 2)

z = (x @ W) + b
y_pred = F.relu(z)
loss = F.mse_loss(y_pred, y)

tensors = [x, W, b, z, y_pred, loss]
names = ["x", "W", "b", "z", "y_pred", "loss"]
for name, t in zip(names, tensors):
    print(f"{name}: is_leaf={t.is_leaf}, requires_grad={t.requires_grad}, grad_fn={t.grad_fn}")

z.retain_grad()
y_pred.retain_grad()
loss.retain_grad()
print(z.retains_grad, y_pred.retains_grad, loss.retains_grad, W.retains_grad)

loss.backward()

print(f"x.grad: {x.grad}")
print(f"W.grad: {W.grad}")
print(f"b.grad: {b.grad}")
print(f"z.grad: {z.grad}")
print(f"y_pred.grad: {y_pred.grad}")
print(f"loss.grad: {loss.grad}")

print(loss.grad_fn.next_functions)
print(z.grad_fn.next_functions)

x = torch.ones(1, 3)
z = (x @ W) + b
y_pred = F.relu(z)
loss = F.mse_loss(y_pred, y)
loss.backward()
print(W.grad)
print(z.grad)
