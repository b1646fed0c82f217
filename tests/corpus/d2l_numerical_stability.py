# Mirrors: d2l.ai, 5.4 "Numerical Stability and Initialization" - vanishing and exploding gradients (https://d2l.ai/chapter_multilayer-perceptrons/numerical-stability-and-init.html)
# expected-to-differ: float32 matrix products: numpy's OpenBLAS kernel (which OPENBLAS_CORETYPE picks) and torch's MKL round differently, so the last digits depend on the CPU and the kernel
import torch

torch.manual_seed(0)
x = torch.arange(-8.0, 8.0, 0.1, requires_grad=True)
y = torch.sigmoid(x)
y.backward(torch.ones_like(x))
print(x.grad[::16])
print(x.grad.max())

M = torch.normal(0, 1, size=(4, 4))
print('a single matrix \n', M)
for i in range(10):
    M = M @ torch.normal(0, 1, size=(4, 4))
print('after multiplying 10 matrices\n', M)
print(M.abs().max() > 1000)
