"""Notebook 02 (detach): quizzes and exercises."""

import minitorch as torch
from minitorch.teach.exercise import Exercise, call
from minitorch.teach.lessons._checks import close, node_name, require, require_tensor, shares_memory, sigmoid, values
from minitorch.teach.quiz import Quiz

QUIZZES = {
    "02.1": Quiz(
        "`v3 = t1 + t2` is `tensor([3., 5.])`, and `v3_detached = v3.detach()`. We add `t1 = [1., 2.]` into "
        "`v3_detached` in place. What does `print(v3)` show then?",
        ["`tensor([3., 5.], grad_fn=<AddBackward0>)`: a detached tensor is a copy",
         "`tensor([4., 7.], grad_fn=<AddBackward0>)`", "`tensor([4., 7.])`: `v3` lost its `grad_fn`"],
        answer="`tensor([4., 7.], grad_fn=<AddBackward0>)`",
        explanation="`detach()` gives a new tensor on the same memory. Writing into one is seen by the "
        "other; `v3` keeps its `grad_fn`, since detaching made a new tensor and left `v3` alone.",
        code="""import torch
t1 = torch.tensor([1.0, 2.0], requires_grad=True)
v3 = t1 + torch.tensor([2.0, 3.0], requires_grad=True)
v3.detach().add_(t1.detach())
print(v3)""",
        prints="tensor([4., 7.], grad_fn=<AddBackward0>)\n",
    ),
    "02.2": Quiz(
        "Same code, but now we zero `c = out.detach()` in place with `c.zero_()` before calling "
        "`out.sum().backward()`. What happens?",
        ["The same gradient as before: `c` is detached, so backward does not see the change",
         "`a.grad` becomes `tensor([0., 0., 0.])`", "A `RuntimeError`"],
        answer="A `RuntimeError`",
        explanation="`SigmoidBackward0` saved `out` at version 0. Zeroing `c` overwrote that memory and "
        "bumped the shared counter to 1, so backward refuses to use the destroyed values.",
        code="""import torch
a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
out = a.sigmoid()
out.detach().zero_()
try:
    out.sum().backward()
except Exception as error:
    print(type(error).__name__)""",
        prints="RuntimeError\n",
    ),
    "02.3": Quiz(
        "`v4 = v3.detach().requires_grad_()`, then `(v4 * 3).sum().backward()`. What is `v4.grad`?",
        ["`None`: a detached tensor never gets a gradient", "`tensor([3., 3.])`", "A `RuntimeError`"],
        answer="`tensor([3., 3.])`",
        explanation="`v4` is a leaf (no `grad_fn`) that now requires grad: the next graph starts at `v4`, "
        "and backward fills its `.grad`. What detach cut is only the path back to `t1` and `t2`.",
        code="""import torch
v3 = torch.tensor([1.0, 2.0], requires_grad=True) + torch.tensor([2.0, 3.0], requires_grad=True)
v4 = v3.detach().requires_grad_()
(v4 * 3).sum().backward()
print(v4.grad)""",
        prints="tensor([3., 3.])\n",
    ),
    "02.4": Quiz(
        "After `d_loss.backward()`, which parameters have a `.grad`?",
        ["Only `D`'s", "Only `G`'s", "Both `D`'s and `G`'s", "Neither: `d_loss` was computed from a detached tensor"],
        answer="Only `D`'s",
        explanation="`fake_detached` has no `grad_fn`: the backward pass stops there, so it never reaches `G`. "
        "`D`'s weight and bias are used after the cut, so they get gradients.",
        code="""import torch
G, D = torch.nn.Linear(1, 1), torch.nn.Linear(1, 1)
D(G(torch.tensor([[1.0], [2.0]])).detach()).mean().backward()
print(D.weight.grad is None, G.weight.grad is None)""",
        prints="False True\n",
    ),
}


def check_snapshot(snapshot_of) -> None:
    """snapshot_of(params): same values, no grad, its own memory (a later in-place update leaves it alone)."""
    params = torch.tensor([0.5, -1.5, 2.0], requires_grad=True)
    snapshot = call(snapshot_of, params)
    require_tensor(snapshot, "snapshot_of")
    require(snapshot is not params, "you returned `params` itself: a second name, not a snapshot.")
    require(values(snapshot) == [0.5, -1.5, 2.0], f"the snapshot holds {snapshot}, not the values of `params`.")
    require(not snapshot.requires_grad, f"the snapshot still requires grad (`grad_fn={node_name(snapshot)}`): "
            "it is still in `params`' graph.")
    require(not shares_memory(snapshot, params), "the snapshot shares memory with `params` (as `detach()` and "
            "`.data` do): an update of `params` would show in it.")
    with torch.no_grad():
        params.add_(1.0)
    require(values(snapshot) == [0.5, -1.5, 2.0], "the snapshot changed when `params` was updated.")


def check_distill(distill_loss) -> None:
    """distill_loss(student, teacher): backward trains the student only, and the teacher is left as it was."""
    student = torch.tensor([1.0, 2.0], requires_grad=True)
    teacher = torch.tensor([3.0, 5.0], requires_grad=True)
    loss = call(distill_loss, student, teacher)
    require_tensor(loss, "distill_loss")
    require(teacher.requires_grad, "you switched the teacher's `requires_grad` off: that freezes it for every "
            "other use too. Leave the teacher alone and cut only this loss's path to it.")
    require(loss.grad_fn is not None, "the loss has no graph back to the student: detach the teacher, "
            "not the student or the loss.")
    require(close([loss.item()], [13.0]), f"the loss is {loss.item()}, expected sum((student - teacher) ** 2) = 13.")
    loss.backward()
    require(teacher.grad is None, "`teacher.grad` is filled: the gradient still flows into the teacher.")
    require(student.grad is not None and values(student.grad) == [-4.0, -6.0],
            f"`student.grad` is {student.grad}, expected 2 * (student - teacher) = [-4., -6.].")


def check_capped(capped_copy) -> None:
    """capped_copy(out) returns out capped at 0.8, without changing out: backward still gives sigmoid'."""
    inputs = [1.0, 2.0, 3.0]
    a = torch.tensor(inputs, requires_grad=True)
    out = a.sigmoid()
    capped = call(capped_copy, out)
    require_tensor(capped, "capped_copy")
    expected_capped = [min(sigmoid(v), 0.8) for v in inputs]
    require(close(values(capped), expected_capped, 1e-4), f"the capped copy is {capped}, expected {expected_capped}.")
    require(not capped.requires_grad, "the capped copy is for display: it should not require grad (detach it).")
    out.sum().backward()  # raises "modified by an inplace operation" when the answer edited out's memory
    true_gradient = [sigmoid(v) * (1 - sigmoid(v)) for v in inputs]
    require(close(values(a.grad), true_gradient, 1e-4), f"`a.grad` is {a.grad}, but sigmoid's true gradient is "
            f"{[round(g, 4) for g in true_gradient]}: you changed `out` behind autograd's back (through `.data`).")


def check_scaled(scaled_gradient) -> None:
    """scaled_gradient(x, factor): the values of x; backward multiplies the incoming gradient by factor."""
    for start, factor in (([0.5, -1.5, 2.0], 0.1), ([3.0, 1.0], -1.0)):
        x = torch.tensor(start, requires_grad=True)
        y = call(scaled_gradient, x, factor)
        require_tensor(y, "scaled_gradient")
        require(close(values(y), start), f"the forward values are {values(y)}, not `x`'s {start}.")
        require(y.grad_fn is not None, "the result has no graph back to `x`: only part of it may be detached.")
        weights = [float(i + 1) for i in range(len(start))]
        (y * torch.tensor(weights)).sum().backward()
        expected = [factor * w for w in weights]
        require(close(values(x.grad), expected), f"with factor {factor}, `x.grad` is {values(x.grad)}, expected "
                f"the incoming gradient {weights} times the factor.")


EXERCISES = (
    Exercise(
        "02.1", "1. A snapshot of `params` that later updates cannot change", "snapshot_of", check_snapshot,
        hints=("`detach()` drops the history but keeps the memory.", "`clone()` copies the memory: combine the two."),
    ),
    Exercise(
        "02.2", "2. Train the student, not the teacher", "distill_loss", check_distill,
        hints=("The teacher's values are needed, its history is not.",
               "Use `teacher.detach()` inside the loss: `((student - teacher.detach()) ** 2).sum()`."),
    ),
    Exercise(
        "02.3", "3. Cap a copy of `out` without breaking backward", "capped_copy", check_capped,
        hints=("`SigmoidBackward0` saved `out`: whatever you cap must not be `out`'s memory.",
               "`out.detach()` shares the memory, `.data` too; `out.detach().clamp(max=0.8)` makes a new tensor."),
        points=2,
    ),
    Exercise(
        "02.4", "4. (open) A tensor whose forward is `x` and whose backward scales the gradient", "scaled_gradient",
        check_scaled,
        hints=("The forward value and the gradient path can be made of different pieces: a detached piece adds "
               "value without adding gradient.", "`x.detach()` has `x`'s value and no gradient; `(x - x.detach())` "
               "is zero with gradient 1. Combine them with `factor`."),
        points=2,
    ),
)
