"""Notebook 05 (sigmoid backward): quizzes and exercises."""

import math

import minitorch as torch
from minitorch.teach.exercise import Exercise, call
from minitorch.teach.lessons._checks import close, require, require_tensor, sigmoid, values
from minitorch.teach.quiz import Quiz

_SIGMOID_SETUP = """import torch
a = torch.tensor([1., 2., 3.], requires_grad=True)
out = a.sigmoid()
"""

QUIZZES = {
    "05.1": Quiz(
        "What does `SigmoidBackward0` keep from the forward pass, to compute its gradient later?",
        ["the input `a`", "the output `out`", "both `a` and `out`", "nothing: it recomputes sigmoid from scratch"],
        answer="the output `out`",
        explanation="Its formula is `grad * result * (1 - result)`: the output is all it needs, and keeping it "
        "saves recomputing an `exp` and a division during backward.",
        code=_SIGMOID_SETUP + "print(out.grad_fn._saved_result.data_ptr() == out.data_ptr())",
        prints="True\n",
    ),
    "05.2": Quiz(
        "We run `c.zero_()` (c is `out.detach()`), then `out.sum().backward()`. What happens?",
        ["`a.grad` is `[0.1966, 0.1050, 0.0452]`, as before", "`a.grad` is `[0., 0., 0.]`",
         "`a.grad` is `[0.25, 0.25, 0.25]`", "`backward()` raises a RuntimeError"],
        answer="`backward()` raises a RuntimeError",
        explanation="`c` shares `out`'s memory and its version counter. `zero_()` overwrites the values that "
        "`SigmoidBackward0` saved and bumps the shared version from 0 to 1; at backward time the node sees "
        "that its saved tensor changed and refuses to compute a gradient from the wrong values.",
        code=_SIGMOID_SETUP + """out.detach().zero_()
try:
    out.sum().backward()
except RuntimeError as error:
    print(type(error).__name__)""",
        prints="RuntimeError\n",
    ),
    "05.3": Quiz(
        "`out` was zeroed through `.data`, and its version is still 0. What does `out.sum().backward()` give?",
        ["a RuntimeError, as with `detach()`", "`a.grad` = `[0.1966, 0.1050, 0.0452]`", "`a.grad` = `[0., 0., 0.]`",
         "`a.grad` = `[0.25, 0.25, 0.25]`"],
        answer="`a.grad` = `[0., 0., 0.]`",
        explanation="The version did not change, so `SigmoidBackward0` trusts its saved result, which is now "
        "zeros: `grad * 0 * (1 - 0)` is 0. No error, and a wrong gradient.",
        code=_SIGMOID_SETUP + "out.data.zero_()\nout.sum().backward()\nprint(a.grad)",
        prints="tensor([0., 0., 0.])\n",
    ),
}


def check_manual(sigmoid_grad) -> None:
    """sigmoid_grad(probs) gives p * (1 - p) from sigmoid's outputs alone, without backward, outside any graph."""
    z = torch.tensor([-2.0, 0.0, 2.0], requires_grad=True)
    result = call(sigmoid_grad, z.sigmoid())
    require(z.grad is None, "`z.grad` was filled: you called backward. Use the formula instead.")
    require_tensor(result, "sigmoid_grad")
    require(not result.requires_grad, "the result still requires grad: compute it from `probs.detach()`.")
    plain = [0.1, 0.5, 0.9]
    result = call(sigmoid_grad, torch.tensor(plain))
    expected = [p * (1 - p) for p in plain]
    wrong_twice = [sigmoid(p) * (1 - sigmoid(p)) for p in plain]
    require(not close(values(result), wrong_twice), "you applied sigmoid again: `probs` already is sigma(z), "
            "so the derivative is `probs * (1 - probs)`.")
    require(close(values(result), expected), f"for probs {plain} you return {values(result)}, expected "
            f"probs * (1 - probs) = {[round(e, 4) for e in expected]}.")


def check_doubled(doubled_tanh) -> None:
    """doubled_tanh(x) returns 2 * tanh(x) with a graph whose backward gives 2 * (1 - tanh(x)^2)."""
    inputs = [0.5, -1.0, 2.0]
    x = torch.tensor(inputs, requires_grad=True)
    y = call(doubled_tanh, x)
    require_tensor(y, "doubled_tanh")
    require(close(values(y), [2 * math.tanh(v) for v in inputs]), f"the result is {values(y)}, not 2 * tanh(x).")
    require(y.grad_fn is not None, "the result has no graph back to `x`: do not detach it.")
    y.sum().backward()  # raises "modified by an inplace operation" after y.mul_(2)
    expected = [2 * (1 - math.tanh(v) ** 2) for v in inputs]
    require(close(values(x.grad), expected, 1e-4), f"`x.grad` is {x.grad}, expected 2 * (1 - tanh(x)^2): the "
            "saved output was changed behind autograd's back (through `.data`).")


def check_shown(shown_for_display) -> None:
    """shown_for_display(scores_out) clips a copy to [0.1, 0.9]; backward through scores_out stays right."""
    inputs = [-3.0, 0.5, 4.0]
    scores = torch.tensor(inputs, requires_grad=True)
    scores_out = scores.sigmoid()
    shown = call(shown_for_display, scores_out)
    require_tensor(shown, "shown_for_display")
    expected = [min(max(sigmoid(v), 0.1), 0.9) for v in inputs]
    require(close(values(shown), expected, 1e-4), f"the clipped copy is {values(shown)}, expected {expected}.")
    require(not shown.requires_grad, "the copy for display should not require grad.")
    scores_out.sum().backward()
    true_gradient = [sigmoid(v) * (1 - sigmoid(v)) for v in inputs]
    require(close(values(scores.grad), true_gradient, 1e-4), f"`scores.grad` is {scores.grad}, not sigmoid's "
            "true gradient: the saved output was clipped behind autograd's back (through `.data`).")


PROBES = (
    ("torch.sigmoid", torch.sigmoid, "output"), ("torch.exp", torch.exp, "output"),
    ("torch.sqrt", torch.sqrt, "output"), ("torch.log", torch.log, "input"), ("torch.abs", torch.abs, "input"),
    ("lambda t: t * 2", lambda t: t * 2, "nothing"), ("lambda t: t.exp() + 1", lambda t: t.exp() + 1, "nothing"),
    ("lambda t: t.log() * 3", lambda t: t.log() * 3, "input"),
)


def check_which_saved(which_saved) -> None:
    """which_saved(op) finds by experiment whether op's graph needs its input, its output, or neither."""
    for name, op, expected in PROBES:
        found = call(which_saved, op)
        require(found in ("input", "output", "nothing"), f"return 'input', 'output' or 'nothing', not {found!r}.")
        require(found == expected, f"for `{name}` you say {found!r}, but the truth is {expected!r}. Test each "
                "case on a fresh graph: edit the tensor in place, then try backward.")


EXERCISES = (
    Exercise(
        "05.1", "1. Sigmoid's gradient by hand, without backward", "sigmoid_grad", check_manual,
        hints=("sigma'(z) = sigma(z) * (1 - sigma(z)), and `probs` already is sigma(z).",
               "Detach `probs` first so nothing is recorded: `p = probs.detach()`, then `p * (1 - p)`."),
    ),
    Exercise(
        "05.2", "2. Double tanh's output without breaking backward", "doubled_tanh", check_doubled,
        hints=("`TanhBackward0` saves its output: an in-place edit of it breaks (or silently corrupts) backward.",
               "`y = x.tanh()`, then `return y * 2`: a new tensor, the saved one untouched."),
    ),
    Exercise(
        "05.3", "3. Clip for display, keep the gradient", "shown_for_display", check_shown,
        hints=("`clamp_` on `scores_out.detach()` would overwrite the saved output.",
               "`clamp` (no underscore) makes a new tensor: `scores_out.detach().clamp(0.1, 0.9)`."),
        points=2,
    ),
    Exercise(
        "05.4", "4. (open) Find out by experiment what an operation saved", "which_saved", check_which_saved,
        hints=("Make a fresh graph for each experiment: `a = x * 1` (a non-leaf you may edit), `y = op(a)`; edit "
               "one of them in place (`add_(0)` changes nothing but the version), then try `y.sum().backward()`.",
               "A `RuntimeError` after editing `a` means the graph saved the input; after editing `y`, the output; "
               "no error either time: nothing. Catch it with `try: ... except RuntimeError: ...`."),
        points=2,
    ),
)
