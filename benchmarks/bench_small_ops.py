"""Per-op overhead: 1,000 small ops forward, then backward through all of them, minitorch against torch.

On 4-element tensors the arithmetic costs next to nothing, so this measures what each op costs to record
and to run backward: the Python (or C++) bookkeeping a learner pays on every line of a small model.
The chain cycles through a multiply and an add with tensors that require grad, a sigmoid and a
subtraction of a number, then sums; backward fills the gradients of the three leaves. The same
arithmetic in bare numpy, timed alongside, shows how little of the time is arithmetic.
"""

from __future__ import annotations

from timing import Figure, missing_peer, paired_medians, ratio_figure

OPS = 1000
TARGET = 2.0
NAME = "1,000 small ops forward+backward (per-op overhead): minitorch / torch"


def chain_step(library, ops: int = OPS):
    """A function that records `ops` small ops and runs backward through them with `library`."""
    x = library.tensor([0.5, -0.3, 0.2, 0.9], requires_grad=True)
    w = library.tensor([1.01, 0.99, 1.0, 1.02], requires_grad=True)
    b = library.tensor([0.01, -0.02, 0.0, 0.03], requires_grad=True)
    leaves = (x, w, b)

    def step():
        for leaf in leaves:
            leaf.grad = None
        y = x
        for _ in range(ops // 4):
            y = y * w
            y = y + b
            y = y.sigmoid()
            y = y - 0.25
        y.sum().backward()

    return step


def numpy_step(ops: int = OPS):
    """The same arithmetic on bare numpy arrays, with no autograd at all: the floor for either library."""
    import numpy as np

    x = np.array([0.5, -0.3, 0.2, 0.9], dtype=np.float32)
    w = np.array([1.01, 0.99, 1.0, 1.02], dtype=np.float32)
    b = np.array([0.01, -0.02, 0.0, 0.03], dtype=np.float32)

    def step():
        y = x
        for _ in range(ops // 4):
            y = y * w
            y = y + b
            y = 1 / (1 + np.exp(-y))
            y = y - 0.25
        return y.sum()

    return step


def figures(torch, repeats: int = 30) -> list[Figure]:
    """The per-op overhead figure; `torch` is the module or None."""
    import minitorch

    if torch is None:
        return [missing_peer(NAME, TARGET, "torch", "pip install torch==2.13.0")]
    steps = {"minitorch": chain_step(minitorch), "torch": chain_step(torch), "numpy": numpy_step()}
    times = paired_medians(steps, repeats, warmup=3)
    per_op = {name: f"{value / OPS * 1e6:.3g} us" for name, value in times.items()}
    figure = ratio_figure(NAME, times, "minitorch", "torch", TARGET)
    figure.note += (f"; per op: minitorch {per_op['minitorch']}, torch {per_op['torch']}, the same arithmetic "
                    f"in bare numpy (forward only, no autograd) {per_op['numpy']}")
    figure.if_missed = (
        f"on 4 numbers the arithmetic is nearly free (bare numpy: {per_op['numpy']} per op); what remains is "
        "each op's Python bookkeeping: wrapping the result, building its backward node with its edges, "
        "saved tensors and their versions, then the engine's work per node in backward. torch does the "
        "same in C++."
    )
    return [figure]
