# Mirrors: PyTorch docs, "torch.autograd.Function" - the Exp example and FunctionCtx.save_for_backward example (https://pytorch.org/docs/stable/autograd.html#function)
import torch
from torch.autograd import Function


class Exp(Function):
    @staticmethod
    def forward(ctx, i):
        result = i.exp()
        ctx.save_for_backward(result)
        return result

    @staticmethod
    def backward(ctx, grad_output):
        (result,) = ctx.saved_tensors
        return grad_output * result


class Func(Function):
    @staticmethod
    def forward(ctx, x, y, z):
        w = x * y * z
        out = x * y + y * z + w
        ctx.save_for_backward(x, y, w, out)
        ctx.z = z
        return out

    @staticmethod
    def backward(ctx, grad_out):
        x, y, w, out = ctx.saved_tensors
        z = ctx.z
        gx = grad_out * (y + y * z)
        gy = grad_out * (x + z + x * z)
        return gx, gy, None


input = torch.tensor([0.0, 1.0, -1.0], requires_grad=True)
output = Exp.apply(input)
print(output)
output.sum().backward()
print(input.grad)

a = torch.tensor(1.0, requires_grad=True, dtype=torch.double)
b = torch.tensor(2.0, requires_grad=True, dtype=torch.double)
c = 4
d = Func.apply(a, b, c)
print(d)
d.backward()
print(a.grad, b.grad)
print(d.grad_fn, d.grad_fn.next_functions)
