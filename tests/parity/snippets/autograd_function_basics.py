import torch


class MySigmoid(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, k=1.0):
        y = 1 / (1 + torch.exp(-x * k))
        ctx.save_for_backward(y)
        ctx.k = k
        print("needs_input_grad", ctx.needs_input_grad)
        return y

    @staticmethod
    def backward(ctx, grad):
        (y,) = ctx.saved_tensors
        return grad * y * (1 - y) * ctx.k, None


x = torch.tensor([-1.0, 0.0, 2.0], requires_grad=True)
y = MySigmoid.apply(x, 2.0)
print(y)
print(y.grad_fn, y.grad_fn.name(), type(y.grad_fn).__name__)
print(y.grad_fn.next_functions, y.requires_grad, y.is_leaf)
print(y.grad_fn.k, y.grad_fn.needs_input_grad, y.grad_fn.saved_tensors[0].equal(y))
y.sum().backward()
print(x.grad)
try:
    _ = y.grad_fn.saved_tensors
except RuntimeError as e:
    print(type(e).__name__, e)


plain = MySigmoid.apply(torch.tensor([0.0]))
print(plain, plain.grad_fn)
with torch.no_grad():
    print(MySigmoid.apply(x).requires_grad)


class Square(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x * x

    @staticmethod
    def backward(ctx, grad):
        (x,) = ctx.saved_tensors
        return 2 * x * grad


print(torch.autograd.gradcheck(Square.apply, torch.tensor([0.5, -0.25], dtype=torch.double, requires_grad=True)))
a = torch.tensor([1.0, 2.0], requires_grad=True)
b = a * 1
out = Square.apply(b)
b.add_(1)
try:
    out.sum().backward()
except RuntimeError as e:
    print(type(e).__name__, e)


class Twice(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, y):
        ctx.save_for_backward(x, None)
        return x * 2 + y

    @staticmethod
    def backward(ctx, grad):
        x, none = ctx.saved_tensors
        print("saved", x is a, none, ctx.needs_input_grad)
        return grad * 2, None


z = Twice.apply(a, torch.ones(2))
print(z.grad_fn.next_functions[1])
z.sum().backward()
print(a.grad)
print(repr(Square.apply(Square.apply(a))))
