# linalg.qr, cholesky (cholesky_ex, torch.cholesky), eigh/eigvalsh, lstsq, solve(left=False), matrix norms.
import warnings

import torch

torch.manual_seed(0)
A = torch.randn(3, 3, dtype=torch.float64, requires_grad=True)
S = (A @ A.mT + torch.eye(3, dtype=torch.float64)).detach().requires_grad_()
B = torch.randn(3, 2, dtype=torch.float64, requires_grad=True)

q = torch.linalg.qr(A)
print(q)
(q.Q.sum() + (q.R * q.R).sum()).backward()
print(A.grad)
A.grad = None
tall = torch.randn(4, 2, dtype=torch.float64, requires_grad=True)
q, r = torch.linalg.qr(tall)
print(q.shape, r.shape, torch.linalg.qr(tall, mode="complete").Q.shape, torch.linalg.qr(tall, mode="r"))
(q.sum() + r.sum()).backward()
print(tall.grad)
wide = torch.randn(2, 4, dtype=torch.float64, requires_grad=True)
q, r = torch.linalg.qr(wide)
(q.sum() + r.sum()).backward()
print(r.shape, wide.grad)

L = torch.linalg.cholesky(S)
print(L, L.grad_fn.name(), L.grad_fn._saved_upper)
(L * torch.arange(9.0, dtype=torch.float64).view(3, 3)).sum().backward()
print(S.grad)
S.grad = None
print(torch.linalg.cholesky(S, upper=True))
print(torch.linalg.cholesky_ex(S.detach()))
print(torch.linalg.cholesky_ex(-torch.eye(3)))
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    U = torch.cholesky(S, upper=True)
print(U.grad_fn.name(), len(caught))
U.sum().backward()
print(S.grad)
S.grad = None

w, V = torch.linalg.eigh(S)
print(torch.linalg.eigh(S))
(w.sum() + (V[:, 0] * torch.tensor([1.0, 2.0, 3.0], dtype=torch.float64)).sum() ** 2).backward()
print(S.grad)
S.grad = None
values = torch.linalg.eigvalsh(S, UPLO="U")
print(values, values.grad_fn.name())
(values * torch.tensor([1.0, 2.0, 3.0], dtype=torch.float64)).sum().backward()
print(S.grad)

tall = torch.randn(5, 3, dtype=torch.float64, requires_grad=True)
rhs = torch.randn(5, 2, dtype=torch.float64, requires_grad=True)
fit = torch.linalg.lstsq(tall, rhs)
print(fit)
fit.solution.sum().backward()
print(tall.grad, rhs.grad)
for driver in ("gels", "gelsd", "gelss"):
    print(driver, torch.linalg.lstsq(tall, rhs, driver=driver))
print(torch.linalg.lstsq(tall, rhs[:, 0]).solution)

X = torch.linalg.solve(A, B.mT, left=False)
print(X, X.grad_fn.name(), X.grad_fn.next_functions[1][0].name())
X.sum().backward()
print(A.grad, B.grad)
A.grad = None

M = torch.tensor([[1.0, -2.0, 3.0], [0.5, 4.0, -1.0]], requires_grad=True)
for ord in ["fro", "nuc", float("inf"), -float("inf"), 1, -1, 2, -2]:
    n = torch.linalg.matrix_norm(M, ord=ord)
    M.grad = None
    n.backward()
    print(ord, n, torch.linalg.norm(M, ord), M.grad)
batch = torch.arange(24.0).view(2, 3, 4)
print(torch.linalg.matrix_norm(batch, 1, dim=(0, 2)))
print(torch.linalg.matrix_norm(batch, "nuc", dim=(2, 0), keepdim=True).shape)
print(torch.linalg.matrix_norm(batch, -float("inf"), keepdim=True), torch.linalg.norm(batch, dim=(1, 2)))
print(torch.linalg.norm(batch), torch.linalg.norm(batch[0, 0], 3), torch.linalg.norm(batch, 1, dim=2))
print(torch.norm(M, p="nuc"), M.norm(p="fro"), torch.norm(batch, "nuc", dim=(1, 2)), torch.linalg.svdvals(M))

bad = [
    lambda: torch.linalg.qr(A[0]), lambda: torch.linalg.qr(A, mode="x"), lambda: torch.linalg.qr(A.long()),
    lambda: torch.linalg.cholesky(A[0]), lambda: torch.linalg.cholesky(torch.randn(2, 3)),
    lambda: torch.linalg.cholesky(-torch.eye(3)), lambda: torch.linalg.cholesky(-torch.eye(3).expand(2, 3, 3)),
    lambda: torch.linalg.cholesky(torch.eye(3).long()),
    lambda: torch.linalg.cholesky(torch.tensor([[1.0, 0, 0], [0, 1, 0], [0, 0, -1]])),
    lambda: torch.linalg.eigh(A[0]), lambda: torch.linalg.eigh(torch.randn(2, 3)),
    lambda: torch.linalg.eigh(A, UPLO="X"),
    lambda: torch.linalg.eigvalsh(A.long()),
    lambda: torch.linalg.qr(torch.randn(3, 3, requires_grad=True), mode="r")[1].sum().backward(),
    lambda: torch.linalg.qr(torch.randn(4, 3, requires_grad=True), mode="complete")[0].sum().backward(),
    lambda: torch.linalg.solve(A, torch.randn(3, 2, dtype=torch.float64), left=False),
    lambda: torch.linalg.solve(A, torch.randn(3, dtype=torch.float64), left=False),
    lambda: torch.linalg.lstsq(tall, rhs[:3]), lambda: torch.linalg.lstsq(tall, rhs, driver="x"),
    lambda: torch.linalg.lstsq(tall[0], rhs), lambda: torch.linalg.lstsq(tall, rhs.float()),
    lambda: torch.linalg.matrix_norm(M[0]), lambda: torch.linalg.matrix_norm(M, 3),
    lambda: torch.linalg.matrix_norm(M, "foo"),
    lambda: torch.linalg.matrix_norm(M, dim=(0,)), lambda: torch.linalg.matrix_norm(M.long()),
    lambda: torch.linalg.norm(M[0], "fro"), lambda: torch.linalg.norm(M, "nuc", dim=1),
    lambda: torch.linalg.matrix_norm(M, dim=(0, 0)), lambda: torch.norm(batch, "nuc"),
    lambda: torch.linalg.norm(batch, 2),
]
for f in bad:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
