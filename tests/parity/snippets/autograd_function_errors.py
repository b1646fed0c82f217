import warnings

import torch

x = torch.ones(2, requires_grad=True)


def attempt(fn):
    try:
        fn()
        print("no error")
    except Exception as e:
        print(type(e).__name__, e)


class TooMany(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x * 2

    @staticmethod
    def backward(ctx, grad):
        return grad, grad


class WrongShape(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x * 2

    @staticmethod
    def backward(ctx, grad):
        return torch.ones(3)


class ScalarGrad(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x * 2

    @staticmethod
    def backward(ctx, grad):
        return grad.sum()


class GradForNumber(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, n):
        return x * n

    @staticmethod
    def backward(ctx, grad):
        return grad, grad


class TrailingNones(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x * 2

    @staticmethod
    def backward(ctx, grad):
        return grad, None, None


class SavesNumber(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x, 3)
        return x * 2


class NoBackward(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x * 2


attempt(lambda: TooMany.apply(x).sum().backward())
attempt(lambda: WrongShape.apply(x).sum().backward())
attempt(lambda: ScalarGrad.apply(x).sum().backward())
attempt(lambda: GradForNumber.apply(x, 3).sum().backward())
attempt(lambda: TrailingNones.apply(x).sum().backward())
attempt(lambda: SavesNumber.apply(x))
attempt(lambda: NoBackward.apply(x).sum().backward())
attempt(lambda: torch.autograd.Function.apply(x))
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    attempt(lambda: TooMany()(x))
print(x.grad)
