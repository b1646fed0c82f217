import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)


class Identity(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x

    @staticmethod
    def backward(ctx, grad):
        return grad


y = Identity.apply(x)
print(y is x, y._base is x, y._is_view(), y.data_ptr() == x.data_ptr(), y.grad_fn.name())


class Multi(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, n):
        return x * 2, n, (x * 3).long(), x + 1

    @staticmethod
    def backward(ctx, a, b, c, d):
        print("grads", a, b, c, d)
        return a + d, None


outs = Multi.apply(x, 5)
print([getattr(t, "output_nr", None) for t in outs], [getattr(t, "requires_grad", None) for t in outs])
outs[0].sum().backward()
print(x.grad)


class NonDiff(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        y = x * 3
        ctx.mark_non_differentiable(y)
        return x * 2, y

    @staticmethod
    def backward(ctx, a, y):
        print("non-differentiable", a, y)
        return a


outs = NonDiff.apply(x)
print(outs[1].requires_grad, outs[1].grad_fn)
outs[0].sum().backward()


class NotMaterialized(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.set_materialize_grads(False)
        return x * 2, x * 3

    @staticmethod
    def backward(ctx, a, b):
        print("not materialized", a, b)
        return a


NotMaterialized.apply(x)[0].sum().backward()


class DoubleInPlace(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        x.mul_(2)
        ctx.mark_dirty(x)
        return x

    @staticmethod
    def backward(ctx, grad):
        return grad * 2


try:
    DoubleInPlace.apply(x)
except RuntimeError as e:
    print(type(e).__name__, e)
x.grad = None
z = x * 1
w = DoubleInPlace.apply(z)
print(w is z, z, z._version, z.output_nr)
w.sum().backward()
print(x.grad)


class Broadcast(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x * 2

    @staticmethod
    def backward(ctx, grad):
        return grad.double() * torch.ones(3, 2)


x.grad = None
Broadcast.apply(x).sum().backward()
print(x.grad)


class ToNumber(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x.sum().item()

    @staticmethod
    def backward(ctx, grad):
        return grad


print(ToNumber.apply(x))
