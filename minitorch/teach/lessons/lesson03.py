"""Notebook 03 (clone vs copy_): quizzes and exercises."""

import minitorch as torch
from minitorch.teach.exercise import Exercise, call
from minitorch.teach.lessons._checks import close, node_name, require, require_tensor, shares_memory, values
from minitorch.teach.quiz import Quiz

QUIZZES = {
    "03.1": Quiz(
        "We run `x[0] = 100.`. Which tensors then start with `100.`?",
        ["all five", "`x` and `alias` only", "`x`, `alias` and `cloned`", "only `x`"],
        answer="`x` and `alias` only",
        explanation="`alias` is the same object as `x` (`alias is x`), so it sees every change. `clone()`, "
        "`copy_()` and `detach().clone()` all filled memory of their own, so they keep the old values.",
        code="""import torch
x = torch.tensor([1., 2., 3.])
alias, cloned, copied, snapshot = x, x.clone(), torch.zeros(3).copy_(x), x.detach().clone()
x[0] = 100.
print([t[0].item() for t in (x, alias, cloned, copied, snapshot)])""",
        prints="[100.0, 100.0, 1.0, 1.0, 1.0]\n",
    ),
    "03.2": Quiz(
        "We run `loss = (cloned * 10).sum() + (copied * 100).sum()` and `loss.backward()`. What is `a.grad`?",
        ["`None`: `clone()` and `copy_()` cut the graph", "`tensor([10., 10., 10.])`: only the clone passes gradients",
         "`tensor([100., 100., 100.])`: only the copy passes gradients", "`tensor([110., 110., 110.])`"],
        answer="`tensor([110., 110., 110.])`",
        explanation="Both nodes pass the gradient straight through (the derivative of a copy is 1), so `a` "
        "receives 10 through `CloneBackward0` and 100 through `CopyBackwards`, and `AccumulateGrad` adds them.",
        code="""import torch
a = torch.tensor([1., 2., 3.], requires_grad=True)
cloned, copied = a.clone(), torch.zeros(3).copy_(a)
((cloned * 10).sum() + (copied * 100).sum()).backward()
print(a.grad)""",
        prints="tensor([110., 110., 110.])\n",
    ),
    "03.3": Quiz(
        "`batch` (2 rows) was filled from `row` (3 values). After `batch.sum().backward()`, what is `row.grad`?",
        ["`tensor([1., 1., 1.])`", "`tensor([2., 2., 2.])`", "`tensor([6., 6., 6.])`", "`None`"],
        answer="`tensor([2., 2., 2.])`",
        explanation="Each value of `row` was copied into 2 places, and each place receives gradient 1 from "
        "`sum()`. Broadcasting in the forward pass becomes a sum over the copies in the backward pass.",
        code="""import torch
row = torch.tensor([1., 2., 3.], requires_grad=True)
batch = torch.zeros(2, 3)
batch.copy_(row)
batch.sum().backward()
print(row.grad)""",
        prints="tensor([2., 2., 2.])\n",
    ),
}


def check_frozen(snapshot) -> None:
    """snapshot(w): w's values, its own memory, outside every graph."""
    w = torch.tensor([0.3, -0.7, 1.2], requires_grad=True)
    frozen = call(snapshot, w)
    require_tensor(frozen, "snapshot")
    require(frozen is not w, "you returned `w` itself: `=` gives a second name, not a copy.")
    require(not shares_memory(frozen, w), "the result shares memory with `w` (as `detach()` and `.data` do): "
            "an edit to `w` would change it.")
    require(frozen.grad_fn is None and not frozen.requires_grad, f"the result is still connected to the graph "
            f"(`grad_fn={node_name(frozen)}`): `clone()` alone is recorded as `CloneBackward0`.")
    require(values(frozen) == values(w), f"the result holds {frozen}, not `w`'s values.")


def check_load(load_into) -> None:
    """load_into(weight, values) fills the existing leaf in place, as a recorded-free, versioned write."""
    weight = torch.zeros(2, 3, requires_grad=True)
    loaded = torch.tensor([[1., 2., 3.], [4., 5., 6.]])
    result = call(load_into, weight, loaded)
    require(result is weight, "return `weight` itself, filled in place (an optimizer holds that very tensor).")
    require(weight.is_leaf and weight.requires_grad, f"`weight` must stay a leaf that requires grad "
            f"(now `grad_fn={node_name(weight)}`, requires_grad={weight.requires_grad}).")
    require(values(weight) == values(loaded), f"`weight` holds {values(weight)}, not the loaded values.")
    require(weight._version > 0, "`weight._version` is still 0: the write went through `.data`, which hides "
            "it from autograd (Myth M22). Write into the tensor itself, inside `torch.no_grad()`.")


def check_batch(bias_batch) -> None:
    """bias_batch(bias, rows): a (rows, n) batch with memory of its own, in the graph of bias."""
    for start, rows in (([0.5, -1.0], 4), ([1.0, 2.0, 3.0], 3)):
        bias = torch.tensor(start, requires_grad=True)
        batch = call(bias_batch, bias, rows)
        require_tensor(batch, "bias_batch")
        require(tuple(batch.shape) == (rows, len(start)), f"the batch has shape {tuple(batch.shape)}, "
                f"expected ({rows}, {len(start)}).")
        require(values(batch) == [start] * rows, f"the batch holds {values(batch)}, not `bias` in every row.")
        require(not shares_memory(batch, bias), "the batch shares `bias`'s memory: `expand()` allocates "
                "nothing, it only repeats a view. Make new memory and copy `bias` into it.")
        require(batch.grad_fn is not None, "the batch is not connected to `bias`: gradients cannot reach it.")
        batch.sum().backward()
        require(values(bias.grad) == [float(rows)] * len(start), f"`bias.grad` is {bias.grad}, "
                f"expected {rows} per value (one per row).")


def check_ema(ema_update) -> None:
    """ema_update(average, weights, decay): average <- decay * average + (1 - decay) * weights, in place, no graph."""
    weights = torch.tensor([1.0, -2.0, 4.0], requires_grad=True)
    average = torch.zeros(3)
    expected = [0.0, 0.0, 0.0]
    for decay in (0.5, 0.75):
        result = call(ema_update, average, weights, decay)
        expected = [decay * a + (1 - decay) * w for a, w in zip(expected, [1.0, -2.0, 4.0])]
        require(result is average, "return `average` itself, updated in place (`average = ...` makes a new "
                "tensor, and whoever holds the old one never sees the update).")
        require(not average.requires_grad, f"`average` is now in `weights`' graph (`grad_fn={node_name(average)}`): "
                "an update must not be recorded.")
        require(close(values(average), expected), f"after decay {decay}, `average` is {values(average)}, "
                f"expected {expected}.")
    require(values(weights) == [1.0, -2.0, 4.0] and weights.grad is None, "`weights` must not change.")
    require(not shares_memory(average, weights), "`average` shares memory with `weights`.")


EXERCISES = (
    Exercise(
        "03.1", "1. A snapshot of `w`", "snapshot", check_frozen,
        hints=("One call cuts the graph and one allocates new memory.",
               "`w.detach().clone()`: detach first, so the copy is never recorded."),
    ),
    Exercise(
        "03.2", "2. Load values into a weight", "load_into", check_load,
        hints=("`copy_()` fills an existing tensor; autograd allows it on a leaf only when nothing is recorded.",
               "`with torch.no_grad(): weight.copy_(values)`, then `return weight`."),
    ),
    Exercise(
        "03.3", "3. A batch of biases with memory of its own", "bias_batch", check_batch,
        hints=("`copy_()` broadcasts its source into a tensor that already exists, and is recorded.",
               "`torch.zeros(rows, len(bias))`, then `.copy_(bias)` into it, and return it."),
        points=2,
    ),
    Exercise(
        "03.4", "4. (open) An exponential moving average of weights", "ema_update", check_ema,
        hints=("The average is a snapshot that moves: in place, outside the graph, with memory of its own.",
               "Inside `torch.no_grad()`: `average.mul_(decay).add_((1 - decay) * weights)`, then `return average`."),
        points=2,
    ),
)
