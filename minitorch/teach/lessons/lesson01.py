"""Notebook 01 (requires_grad): quizzes and exercises."""

import minitorch as torch
from minitorch.teach.exercise import Exercise, Mistake, call
from minitorch.teach.lessons._checks import close, require, require_tensor, values
from minitorch.teach.quiz import Quiz

QUIZZES = {
    "01.1": Quiz(
        "`x` and `y` were made with the default settings, and `z = x + y`. What happens if we call "
        "`z.backward()` now?",
        ["`x.grad` and `y.grad` become `tensor([1.])`", "Nothing: `backward()` returns quietly", "A `RuntimeError`"],
        answer="A `RuntimeError`",
        explanation="There is no graph to walk back through: `z` does not require grad and has no `grad_fn`, "
        "so `backward()` has nothing to differentiate and says so.",
        code="import torch\nx = torch.tensor([1.])\ny = torch.tensor([2.])\ntry:\n    (x + y).backward()\n"
        "except Exception as error:\n    print(type(error).__name__)",
        prints="RuntimeError\n",
    ),
    "01.2": Quiz(
        "`z = x + y`, where neither `x` nor `y` requires grad. What will `flags(x=x, y=y, z=z)` print for `z`?",
        ["`requires_grad=False  is_leaf=True   grad_fn=None`", "`requires_grad=False  is_leaf=False  grad_fn=None`",
         "`requires_grad=False  is_leaf=False  grad_fn=AddBackward0`",
         "`requires_grad=True   is_leaf=False  grad_fn=AddBackward0`"],
        answer="`requires_grad=False  is_leaf=True   grad_fn=None`",
        explanation="A tensor that does not require grad has no `grad_fn`, so by convention it is a leaf, "
        "whatever computed it. Autograd never recorded the addition.",
        code="import torch\nz = torch.tensor([1.]) + torch.tensor([2.])\nprint(z.requires_grad, z.is_leaf, z.grad_fn)",
        prints="False True None\n",
    ),
    "01.3": Quiz(
        "To get `p.grad`, backward had to compute `d loss / d q` first. What does `print(q.grad)` show now?",
        ["`tensor([1., 1., 1.])`", "`None`, with a warning", "`tensor([2., 4., 6.])`"],
        answer="`None`, with a warning",
        explanation="The engine passes an intermediate gradient on and then drops it. Only leaves get "
        "`.grad`, so reading it on a non-leaf returns `None` and warns.",
        code="""import torch, warnings
warnings.simplefilter("ignore")
p = torch.tensor([1., 2., 3.], requires_grad=True)
q = p * p
q.sum().backward()
print(q.grad)""",
        prints="None\n",
    ),
    "01.4": Quiz(
        "`k = torch.tensor([1., 2.], requires_grad=True)`. We build `(k * k).sum()` and call `backward()` on it, "
        "three times in a loop, a fresh graph each time. What is `k.grad` after the third call?",
        ["`tensor([2., 4.])`", "`tensor([6., 12.])`", "A `RuntimeError` on the second call"],
        answer="`tensor([6., 12.])`",
        explanation="Each backward adds `2 * k = [2., 4.]` into `k.grad`. The graphs are fresh, so nothing "
        "was freed twice: no error.",
        code="import torch\nk = torch.tensor([1., 2.], requires_grad=True)\nfor _ in range(3):\n"
        "    (k * k).sum().backward()\nprint(k.grad)",
        prints="tensor([ 6., 12.])\n",
    ),
}


def check_leaf(make_h) -> None:
    """make_h() returns a leaf that requires grad, holding [0., 10., 20.]."""
    h = call(make_h)
    require_tensor(h, "make_h")
    require(h.requires_grad, "`h` does not require grad: switch tracking on after computing the values.")
    if not h.is_leaf:
        raise Mistake(f"`h` is not a leaf: it has `grad_fn={h.grad_fn.name()}`, because the multiplication "
                      "was recorded. Compute the values first, then switch tracking on.")
    require(h.dtype == torch.float32 and values(h) == [0.0, 10.0, 20.0], f"`h` holds {h}, not [0., 10., 20.].")


def check_retained(intermediate_grad) -> None:
    """intermediate_grad(u) returns e = u * u, after (e.sum() * 3).backward(), with e.grad kept."""
    for start in ([1.0, 2.0], [3.0, -1.0, 0.5]):
        u = torch.tensor(start, requires_grad=True)
        e = call(intermediate_grad, u)
        require_tensor(e, "intermediate_grad")
        require(e.grad_fn is not None, "return `e` itself (the product `u * u`), not a detached copy.")
        require(u.grad is not None, "`u.grad` is None: call `(e.sum() * 3).backward()` inside the function.")
        require(e.retains_grad and e.grad is not None, "`e.grad` is None: `e` is not a leaf, so call `e.retain_grad()` "
                "before `backward()` (calling it afterwards is too late).")
        require(values(e.grad) == [3.0] * len(start), f"`e.grad` is {e.grad}, expected 3 everywhere: "
                "did backward run more than once? Gradients add up.")
        require(values(u.grad) == [6 * v for v in start], f"`u.grad` is {u.grad}, expected 6 * u.")


def check_recorded(record_gradients) -> None:
    """record_gradients(g, steps) records 2 * g at every step, though g moves up by 1 each time."""
    for start, steps in (([1.0, 2.0], 3), ([0.5, -2.0, 4.0], 4)):
        g = torch.tensor(start, requires_grad=True)
        recorded = call(record_gradients, g, steps)
        require(isinstance(recorded, list) and len(recorded) == steps,
                f"return a list of {steps} gradients (one per step), got {recorded!r}.")
        for step, gradient in enumerate(recorded):
            expected = [2 * (v + step) for v in start]
            got = values(gradient) if isinstance(gradient, torch.Tensor) else gradient
            if step and close(got, [sum(2 * (v + s) for s in range(step + 1)) for v in start]):
                raise_accumulated(step)
            require(close(got, expected), f"with g starting at {start}, step {step} recorded {got}, "
                    f"expected 2 * g = {expected}.")


def raise_accumulated(step: int) -> None:
    """The targeted complaint: the gradients of earlier steps were added in."""
    require(False, f"step {step} recorded the sum of all gradients so far: `.grad` adds up across "
            "`backward()` calls. Reset it before each backward.")


def check_by_hand(explain) -> None:
    """explain(x) returns (a scalar computed from x, its gradient derived by hand); autograd must agree."""
    gradients = []
    for start in ([0.5, -1.0, 2.0], [1.5, 0.25, -0.75]):
        x = torch.tensor(start, requires_grad=True)
        result = call(explain, x)
        require(isinstance(result, tuple) and len(result) == 2, "return a pair: (value, gradient by hand).")
        value, by_hand = result
        require_tensor(value, "explain")
        require_tensor(by_hand, "explain")
        require(x.grad is None, "`x.grad` is filled: you called backward. Derive the gradient by hand instead.")
        require(value.numel() == 1 and value.grad_fn is not None, "the value must be one number computed from `x` "
                "(so that it has a graph back to `x`).")
        require(not by_hand.requires_grad, "your gradient was recorded: compute it from `x.detach()`.")
        value.backward()
        require(close(values(by_hand), values(x.grad), 1e-4), f"at x = {start}, autograd says "
                f"{[round(g, 4) for g in values(x.grad)]}, your formula {[round(g, 4) for g in values(by_hand)]}.")
        gradients.append(values(x.grad))
    require(not close(*gradients), "the gradient is the same at every point: pick a function with a curve "
            "(a product, a power, an exp...), so the formula has something to say.")


EXERCISES = (
    Exercise(
        "01.1", "1. A leaf `h` that requires grad and holds `torch.arange(3.0) * 10`", "make_h", check_leaf,
        hints=("Compute the values first, without tracking; then switch tracking on.",
               "`requires_grad_()` switches tracking on in place for a tensor you already have."),
    ),
    Exercise(
        "01.2", "2. The gradient of the intermediate `e = u * u`", "intermediate_grad", check_retained,
        hints=("`e` is not a leaf, so backward drops its gradient unless you ask for it to be kept.",
               "Call `e.retain_grad()` after creating `e` and before calling `backward()`."),
    ),
    Exercise(
        "01.3", "3. Record the true gradient at every step", "record_gradients", check_recorded,
        hints=("Look at the second recorded gradient: it contains the first one.",
               "`.grad` adds up across `backward()` calls: set `g.grad = None` before each backward."),
        points=2,
    ),
    Exercise(
        "01.4", "4. (open) A function of your choice, its gradient derived by hand", "explain", check_by_hand,
        hints=("Any scalar built from `x` will do, for example `(x ** 3).sum()`; write its derivative for each "
               "element of `x`.", "The derivative of `(x ** 3).sum()` with respect to `x` is `3 * x ** 2`; compute "
               "it from `x.detach()` so it is not recorded, and let the check run backward."),
        points=2,
    ),
)
