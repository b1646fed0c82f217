import torch

A = torch.tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], requires_grad=True)
B = torch.tensor([[1.0, 0.0, -1.0], [2.0, 1.0, 0.5]], requires_grad=True)
v = torch.tensor([1.0, -1.0], requires_grad=True)
w = torch.tensor([0.5, 2.0], requires_grad=True)

for name, make in [
    ("A @ B", lambda: A @ B),
    ("A.mm(B)", lambda: A.mm(B)),
    ("torch.mm(A, B)", lambda: torch.mm(A, B)),
    ("torch.matmul(A, B)", lambda: torch.matmul(A, B)),
    ("A @ v", lambda: A @ v),
    ("v @ w", lambda: v @ w),
    ("v @ B", lambda: v @ B),
]:
    A.grad = B.grad = v.grad = w.grad = None
    y = make()
    y.sum().backward()
    print(name, y)
    print("  grads", A.grad, B.grad, v.grad, w.grad, sep="\n  ")
