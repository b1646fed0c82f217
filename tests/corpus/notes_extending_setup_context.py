# Mirrors: PyTorch docs, Notes, "Extending PyTorch" - forward and setup_context written apart, the MulConstant and MyCube examples, gradcheck (https://pytorch.org/docs/stable/notes/extending.html#extending-torch-autograd)
import torch
from torch.autograd import Function


class LinearFunction(Function):
    @staticmethod
    def forward(input, weight, bias):
        output = input.mm(weight.t())
        if bias is not None:
            output += bias.unsqueeze(0).expand_as(output)
        return output

    @staticmethod
    def setup_context(ctx, inputs, output):
        input, weight, bias = inputs
        ctx.save_for_backward(input, weight, bias)

    @staticmethod
    def backward(ctx, grad_output):
        input, weight, bias = ctx.saved_tensors
        grad_input = grad_weight = grad_bias = None
        if ctx.needs_input_grad[0]:
            grad_input = grad_output.mm(weight)
        if ctx.needs_input_grad[1]:
            grad_weight = grad_output.t().mm(input)
        if bias is not None and ctx.needs_input_grad[2]:
            grad_bias = grad_output.sum(0)
        return grad_input, grad_weight, grad_bias


class MulConstant(Function):
    @staticmethod
    def forward(tensor, constant):
        return tensor * constant

    @staticmethod
    def setup_context(ctx, inputs, output):
        tensor, constant = inputs
        ctx.constant = constant

    @staticmethod
    def backward(ctx, grad_output):
        return grad_output * ctx.constant, None


class MyCube(Function):
    @staticmethod
    def forward(x):
        result = x ** 3
        dx = 3 * x ** 2
        return result, dx

    @staticmethod
    def setup_context(ctx, inputs, output):
        x, = inputs
        result, dx = output
        ctx.save_for_backward(x, dx)

    @staticmethod
    def backward(ctx, grad_output, grad_dx):
        x, dx = ctx.saved_tensors
        result = grad_output * dx + grad_dx * 6 * x
        return result


def my_cube(x):
    result, dx = MyCube.apply(x)
    return result


torch.manual_seed(0)
input = (torch.randn(20, 20, dtype=torch.double, requires_grad=True),
         torch.randn(30, 20, dtype=torch.double, requires_grad=True),
         torch.randn(30, dtype=torch.double, requires_grad=True))
out = LinearFunction.apply(*input)
print(out.shape, out.grad_fn.name())
test = torch.autograd.gradcheck(LinearFunction.apply, input, eps=1e-6, atol=1e-4)
print(test)

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = MulConstant.apply(x, 5.0)
print(y)
y.sum().backward()
print(x.grad)

x = torch.tensor([1.0, -2.0], requires_grad=True)
y = my_cube(x)
print(y)
grad_x, = torch.autograd.grad(y.sum(), x, create_graph=True)
print(grad_x)
grad_grad_x, = torch.autograd.grad(grad_x.sum(), x)
print(grad_grad_x)
x = torch.randn(3, dtype=torch.double, requires_grad=True)
print(torch.autograd.gradcheck(my_cube, (x,)), torch.autograd.gradgradcheck(my_cube, (x,)))
