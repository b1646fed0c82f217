"""``autograd.Function`` with ``forward`` and ``setup_context`` written apart, against real torch: forward runs
without ctx, setup_context sees the inputs (keyword arguments and defaults bound) and the output, several outputs,
double backward through the saved tensors, and the base class's error when setup_context is not defined."""

import pytest

import minitorch

pytestmark = pytest.mark.parity


def _printed(lib, program):
    try:
        return repr(program(lib)).replace("minitorch", "torch")
    except Exception as error:  # noqa: BLE001 (the error itself is compared)
        return f"{type(error).__name__}: {error}"


def _scale_function(lib):
    class Scale(lib.autograd.Function):
        @staticmethod
        def forward(x, factor=3.0, shift=0.0):
            return x * factor + shift

        @staticmethod
        def setup_context(ctx, inputs, output):
            ctx.seen = (len(inputs), inputs[1], output.shape)
            ctx.factor = inputs[1]

        @staticmethod
        def backward(ctx, grad):
            return grad * ctx.factor, None

    return Scale


def _defaults_bound(lib):
    x = lib.tensor([1.0, 2.0], requires_grad=True)
    y = _scale_function(lib).apply(x)
    y.sum().backward()
    return y, y.grad_fn.seen, x.grad


def _keyword_bound(lib):
    x = lib.tensor([1.0, 2.0], requires_grad=True)
    y = _scale_function(lib).apply(x, factor=5.0)
    y.sum().backward()
    return y, y.grad_fn.seen, x.grad, y.grad_fn.needs_input_grad


def _cube_double_backward(lib):
    class Cube(lib.autograd.Function):
        @staticmethod
        def forward(x):
            return x ** 3, 3 * x ** 2

        @staticmethod
        def setup_context(ctx, inputs, output):
            ctx.save_for_backward(inputs[0], output[1])

        @staticmethod
        def backward(ctx, grad_out, grad_dx):
            x, dx = ctx.saved_tensors
            return grad_out * dx + grad_dx * 6 * x

    x = lib.tensor([1.0, -2.0], requires_grad=True)
    out, dx = Cube.apply(x)
    (g,) = lib.autograd.grad(out.sum(), x, create_graph=True)
    (gg,) = lib.autograd.grad(g.sum(), x)
    return out, dx, g, gg


def _no_grad_inside(lib):
    class Probe(lib.autograd.Function):
        @staticmethod
        def forward(x):
            return x.clone()

        @staticmethod
        def setup_context(ctx, inputs, output):
            ctx.mode = lib.is_grad_enabled()

        @staticmethod
        def backward(ctx, grad):
            return grad

    y = Probe.apply(lib.ones(2, requires_grad=True))
    return y, y.grad_fn.mode


def _base_setup_context(lib):
    return lib.autograd.Function.setup_context(None, (), None)


@pytest.mark.parametrize("program", [_defaults_bound, _keyword_bound, _cube_double_backward, _no_grad_inside,
                                     _base_setup_context])
def test_against_torch(torch, program):
    assert _printed(minitorch, program) == _printed(torch, program)
