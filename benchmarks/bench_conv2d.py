"""conv2d forward + backward: minitorch against PyTorch on the CPU, both single-threaded.

Workload: a batch of 32 RGB 32x32 images through a 3x3 convolution to 16 channels with padding 1,
then backward with a gradient of ones, filling the gradients of input, weight and bias.

The two libraries are timed alternately in the same process (so background load hits both alike)
and each is summarised by its median. Target: ``ratio = minitorch / torch <= 2.0``.

Run it as a script (``python benchmarks/bench_conv2d.py``): the thread variables must be set before
numpy is first imported, which only a fresh process guarantees.
"""

import os
import sys

for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_variable] = "1"
_PINNED_BEFORE_NUMPY = "numpy" not in sys.modules

import statistics  # noqa: E402 (the thread variables must come first)
import time  # noqa: E402

import numpy as np  # noqa: E402

SHAPE = {"batch": 32, "in_channels": 3, "out_channels": 16, "size": 32, "kernel": 3, "padding": 1}
TARGET_RATIO = 2.0


def _inputs():
    rng = np.random.default_rng(0)
    s = SHAPE
    x = rng.standard_normal((s["batch"], s["in_channels"], s["size"], s["size"])).astype(np.float32)
    w = rng.standard_normal((s["out_channels"], s["in_channels"], s["kernel"], s["kernel"])).astype(np.float32)
    b = rng.standard_normal(s["out_channels"]).astype(np.float32)
    return x, w, b


def _step_for(library, x, w, b):
    """A function running one forward + backward with ``library`` (minitorch or torch)."""
    inputs = [library.tensor(values, requires_grad=True) for values in (x, w, b)]

    def step():
        for tensor in inputs:
            tensor.grad = None
        out = library.nn.functional.conv2d(*inputs, padding=SHAPE["padding"])
        out.backward(library.ones_like(out))

    return step


def _seconds(step):
    start = time.perf_counter()
    step()
    return time.perf_counter() - start


def run(repeats=40, warmup=5) -> dict:
    """Time both libraries; return the medians in milliseconds and their ratio."""
    import minitorch

    try:
        import torch
    except ImportError:
        torch = None
    x, w, b = _inputs()
    ours = _step_for(minitorch, x, w, b)
    theirs = _step_for(torch, x, w, b) if torch is not None else None
    if torch is not None:
        torch.set_num_threads(1)
    ours_times, theirs_times = [], []
    for index in range(warmup + repeats):
        ours_time = _seconds(ours)
        theirs_time = _seconds(theirs) if theirs is not None else None
        if index >= warmup:
            ours_times.append(ours_time)
            if theirs_time is not None:
                theirs_times.append(theirs_time)
    ours_ms = statistics.median(ours_times) * 1e3
    theirs_ms = statistics.median(theirs_times) * 1e3 if theirs_times else None
    return {
        "benchmark": "conv2d forward+backward (N=32, 3->16 channels, 32x32, 3x3, padding 1)",
        "minitorch_ms": round(ours_ms, 3),
        "torch_ms": None if theirs_ms is None else round(theirs_ms, 3),
        "ratio": None if theirs_ms is None else round(ours_ms / theirs_ms, 3),
        "target_ratio": TARGET_RATIO,
        "threads_pinned": _PINNED_BEFORE_NUMPY,
    }


if __name__ == "__main__":
    for key, value in run().items():
        print(f"{key}: {value}")
