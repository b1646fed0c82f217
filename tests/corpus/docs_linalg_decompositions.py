# Mirrors: PyTorch docs, the examples of torch.linalg.qr, cholesky, eigh, lstsq, matrix_norm and norm (https://pytorch.org/docs/stable/linalg.html)
import torch
from torch import linalg as LA

torch.manual_seed(0)
A = torch.tensor([[12., -51, 4], [6, 167, -68], [-4, 24, -41]])
Q, R = torch.linalg.qr(A)
print(Q)
print(R)
print(torch.allclose(Q @ R, A, atol=1e-4), torch.allclose(Q.T @ Q, torch.eye(3), atol=1e-6))
A = torch.randn(3, 4, 5)
Q, R = torch.linalg.qr(A, mode="complete")
print(Q.shape, R.shape, torch.dist(Q @ R, A) < 1e-5, torch.dist(Q.mT @ Q, torch.eye(4)) < 1e-5)

A = torch.randn(2, 2, dtype=torch.float64)
A = A @ A.T + torch.eye(2)  # creates a symmetric positive-definite matrix
L = torch.linalg.cholesky(A)  # extract Cholesky decomposition
print(A)
print(L)
print(torch.dist(L @ L.T, A) < 1e-12)
A = torch.randn(3, 2, 2, dtype=torch.float64)
A = A @ A.mT + torch.eye(2)  # batch of symmetric positive-definite matrices
L = torch.linalg.cholesky(A)
print(torch.dist(L @ L.mT, A) < 1e-12)

A = torch.randn(2, 2, dtype=torch.float64)
A = A + A.T  # creates a symmetric matrix
L, Q = torch.linalg.eigh(A)
print(A)
print(L)
print(torch.dist(Q @ torch.diag_embed(L) @ Q.T, A) < 1e-12)

A = torch.randn(1, 3, 3)
B = torch.randn(2, 3, 3)
X = torch.linalg.lstsq(A, B).solution  # A is broadcasted to shape (2, 3, 3)
print(X.shape, torch.dist(X, torch.linalg.pinv(A) @ B) < 1e-4)
X = torch.linalg.lstsq(A, B, driver="gelsd").solution
print(torch.dist(X, torch.linalg.pinv(A) @ B) < 1e-4)

A = torch.arange(9, dtype=torch.float).reshape(3, 3)
print(LA.matrix_norm(A), LA.matrix_norm(A, ord=-1))
B = A.expand(2, -1, -1)
print(LA.matrix_norm(B), LA.matrix_norm(B, dim=(0, 2)))

a = torch.arange(9, dtype=torch.float) - 4
B = a.reshape((3, 3))
print(LA.norm(a), LA.norm(B), LA.norm(B, "fro"))
print(LA.norm(a, float("inf")), LA.norm(B, float("inf")), LA.norm(a, -float("inf")), LA.norm(B, -float("inf")))
print(LA.norm(a, 1), LA.norm(B, 1), LA.norm(a, -1), LA.norm(B, -1))
print(LA.norm(a, 2), LA.norm(B, 2), LA.norm(a, -2), LA.norm(a, 3), LA.norm(a, -3))
c = torch.tensor([[1, 2, 3], [-1, 1, 4]], dtype=torch.float)
print(LA.norm(c, dim=0), LA.norm(c, dim=1), LA.norm(c, ord=1, dim=1))
A = torch.arange(8, dtype=torch.float).reshape(2, 2, 2)
print(LA.norm(A, dim=(1, 2)), LA.norm(A[0, :, :]), LA.norm(A[1, :, :]))
