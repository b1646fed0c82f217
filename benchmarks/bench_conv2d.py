"""conv2d forward + backward: minitorch against PyTorch, and against the BLAS limit, both single-threaded.

Workload: a batch of 32 RGB 32x32 images through a 3x3 convolution to 16 channels with padding 1,
then backward with a gradient of ones, filling the gradients of input, weight and bias.

Two figures:
- ``minitorch / torch``, timed alternately in the same process; target <= 2.0.
- ``minitorch / one numpy matmul of the same FLOPs``: forward and backward together do three times the
  forward's multiply-adds (output, input gradient, weight gradient); one square float32 matmul with that
  many multiply-adds is what the BLAS could do with them at best. Target <= 1.5. The three matrix
  products the convolution really needs, timed alone, show how far its thin shapes are from that.

Run it alone with ``python benchmarks/bench_conv2d.py``: the thread variables must be set before numpy
is first imported, which only a fresh process guarantees.
"""

import os

for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_variable] = "1"

import numpy as np  # noqa: E402 (the thread variables must come first)
from timing import Figure, missing_peer, paired_medians, ratio_figure  # noqa: E402

SHAPE = {"batch": 32, "in_channels": 3, "out_channels": 16, "size": 32, "kernel": 3, "padding": 1}
TORCH_TARGET = 2.0
MATMUL_TARGET = 1.5
NAME = "conv2d forward+backward (N=32, 3->16 ch, 32x32, 3x3, pad 1)"


def conv_inputs(size: int = SHAPE["size"], batch: int = SHAPE["batch"]):
    """Input, weight and bias as float32 ndarrays, the same for every library."""
    rng = np.random.default_rng(0)
    s = SHAPE
    x = rng.standard_normal((batch, s["in_channels"], size, size)).astype(np.float32)
    w = rng.standard_normal((s["out_channels"], s["in_channels"], s["kernel"], s["kernel"])).astype(np.float32)
    b = rng.standard_normal(s["out_channels"]).astype(np.float32)
    return x, w, b


def conv_step(library, size: int = SHAPE["size"], batch: int = SHAPE["batch"]):
    """A function running one conv2d forward + backward with `library` (minitorch or torch)."""
    inputs = [library.tensor(values, requires_grad=True) for values in conv_inputs(size, batch)]

    def step():
        for tensor in inputs:
            tensor.grad = None
        out = library.nn.functional.conv2d(*inputs, padding=SHAPE["padding"])
        out.backward(library.ones_like(out))

    return step


def multiply_adds(size: int = SHAPE["size"], batch: int = SHAPE["batch"]) -> int:
    """Multiply-adds of forward + backward: the forward's count, once more for each gradient."""
    s = SHAPE
    forward = batch * s["out_channels"] * size * size * s["in_channels"] * s["kernel"] ** 2
    return 3 * forward


def matmul_step(count: int):
    """One square float32 matmul doing about `count` multiply-adds."""
    n = round(count ** (1 / 3))
    rng = np.random.default_rng(1)
    a = rng.standard_normal((n, n)).astype(np.float32)
    b = rng.standard_normal((n, n)).astype(np.float32)
    return lambda: a @ b


def gemms_step():
    """The three matrix products a convolution by im2col needs, alone, batched over the samples: output
    (out x C*k*k @ C*k*k x pixels), input gradient (transposed weight @ output gradient) and weight gradient
    (output gradient @ transposed columns)."""
    s = SHAPE
    rng = np.random.default_rng(2)
    pixels, taps = s["size"] ** 2, s["in_channels"] * s["kernel"] ** 2
    weight = rng.standard_normal((1, s["out_channels"], taps)).astype(np.float32)
    columns = rng.standard_normal((s["batch"], 1, taps, pixels)).astype(np.float32)
    grad = rng.standard_normal((s["batch"], 1, s["out_channels"], pixels)).astype(np.float32)

    def step():
        np.matmul(weight, columns)
        np.matmul(weight.transpose(0, 2, 1), grad)
        np.matmul(grad, columns.transpose(0, 1, 3, 2))

    return step


def figures(torch, repeats: int = 40) -> list[Figure]:
    """The two conv2d figures; `torch` is the module or None when it is not installed."""
    import minitorch

    steps = {"minitorch": conv_step(minitorch), "matmul": matmul_step(multiply_adds()), "gemms": gemms_step()}
    if torch is not None:
        steps["torch"] = conv_step(torch)
    times = paired_medians(steps, repeats, warmup=5)
    if torch is not None:
        versus_torch = ratio_figure(f"{NAME}: minitorch / torch", times, "minitorch", "torch", TORCH_TARGET)
    else:
        versus_torch = missing_peer(f"{NAME}: minitorch / torch", TORCH_TARGET, "torch", "pip install torch==2.13.0")
    versus_matmul = ratio_figure("conv2d forward+backward / one numpy matmul of the same FLOPs", times,
                                 "minitorch", "matmul", MATMUL_TARGET)
    n = round(multiply_adds() ** (1 / 3))
    versus_matmul.note += f"; matmul {n}x{n} @ {n}x{n} float32"
    if torch is not None:
        versus_matmul.note += f"; torch's conv2d / matmul: {times['torch'] / times['matmul']:.3g} x"
    versus_matmul.if_missed = (
        "the convolution's three matrix products (output, input gradient, weight gradient) have thin "
        "shapes (3x3x3 = 27 rows, or 16 channels) that keep BLAS far from the speed a square matmul "
        f"reaches; they alone take {times['gemms'] / times['matmul']:.2g} times the square matmul, before "
        "any im2col copy."
    )
    if torch is not None:
        versus_matmul.if_missed += f" torch's own conv2d is {times['torch'] / times['matmul']:.3g} times the matmul."
    return [versus_torch, versus_matmul]


def main() -> None:
    """Print both figures (torch is used when installed)."""
    try:
        import torch
    except ImportError:
        torch = None
    else:
        torch.set_num_threads(1)
    for figure in figures(torch):
        print(f"{figure.name}: {figure.shown_value} (target {figure.target}); {figure.note}")


if __name__ == "__main__":
    main()
