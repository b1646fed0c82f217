"""Tensor.register_post_accumulate_grad_hook against real torch: called with the leaf after each accumulation
(after the leaf's own hooks), removable, refused on tensors without grad and on non-leaf tensors."""

import pytest

import minitorch

pytestmark = pytest.mark.parity


def _printed(lib, program):
    try:
        return repr(program(lib)).replace("minitorch", "torch")
    except Exception as error:  # noqa: BLE001 (the error itself is compared)
        return f"{type(error).__name__}: {error}"


def _calls(lib):
    seen = []
    x = lib.ones(2, requires_grad=True)
    handle = x.register_post_accumulate_grad_hook(lambda p: seen.append(("post", p is x, p.grad.tolist())))
    x.register_hook(lambda g: seen.append(("pre", g.tolist())))
    (x * 3).sum().backward()
    (x * x).sum().backward()
    handle.remove()
    (x * 3).sum().backward()
    return seen, x.grad, type(handle).__name__


def _optimizer_in_backward(lib):
    w = lib.tensor([1.0, 2.0], requires_grad=True)

    def step(p):
        with lib.no_grad():
            p.sub_(0.5 * p.grad)
        p.grad = None

    w.register_post_accumulate_grad_hook(step)
    (w ** 2).sum().backward()
    return w, w.grad


@pytest.mark.parametrize("program", [
    _calls,
    _optimizer_in_backward,
    lambda lib: lib.ones(2).register_post_accumulate_grad_hook(print),
    lambda lib: (lib.ones(2, requires_grad=True) * 2).register_post_accumulate_grad_hook(print),
])
def test_against_torch(torch, program):
    assert _printed(minitorch, program) == _printed(torch, program)
