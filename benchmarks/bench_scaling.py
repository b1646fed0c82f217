"""How the cost grows: backward time against the number of nodes, conv2d time against the image size.

Backward: a chain of n small ops (alternately a product and a sigmoid on 4 numbers) is built untimed,
then `backward()` alone is timed. A linear engine spends the same time per node whatever n is, so the
figure is the time per node on the longest chain over that on a chain 8 times shorter (target <= 1.25).
conv2d: forward + backward of the benchmark's convolution for growing square images, minitorch and torch
alternating. Both series are drawn in the chart; conv2d's has no target.
"""

from __future__ import annotations

import gc
import statistics

from bench_conv2d import conv_step
from timing import Figure, paired_medians, seconds

LINEARITY_TARGET = 1.25


def chain_root(library, ops: int):
    """The scalar end of a chain of `ops` small ops on a fresh leaf."""
    y = library.tensor([0.5, -0.3, 0.2, 0.9], requires_grad=True)
    for index in range(ops):
        y = y * 1.001 if index % 2 else y.sigmoid()
    return y.sum()


def backward_seconds(library, ops: int) -> float:
    """Seconds of `backward()` alone through a fresh chain of `ops` ops (the chain is built untimed)."""
    root = chain_root(library, ops)
    gc.collect()  # so a collection triggered by building the chain does not land inside the timing
    return seconds(root.backward)


def backward_series(libraries: dict, sizes: list[int], repeats: int) -> dict:
    """{library name: [median seconds per size]}. The libraries take turns on every repetition; short
    chains get proportionally more repetitions, so each size is sampled for about as long."""
    series = {name: [] for name in libraries}
    for ops in sizes:
        times = {name: [] for name in libraries}
        for _ in range(repeats * max(1, sizes[-1] // ops)):
            for name, library in libraries.items():
                times[name].append(backward_seconds(library, ops))
        for name in libraries:
            series[name].append(statistics.median(times[name]))
    return series


def conv_series(libraries: dict, sizes: list[int], repeats: int) -> dict:
    """{library name: [median seconds of conv2d forward+backward per image size]}, paired per size."""
    series = {name: [] for name in libraries}
    for size in sizes:
        steps = {name: conv_step(library, size=size) for name, library in libraries.items()}
        for name, value in paired_medians(steps, repeats, warmup=2).items():
            series[name].append(value)
    return series


def figures(torch, quick: bool = False) -> list[Figure]:
    """The linearity figure; both series ride along in `Figure.series` for the chart and the tables."""
    import minitorch

    libraries = {"minitorch": minitorch} if torch is None else {"minitorch": minitorch, "torch": torch}
    node_sizes = [250, 500, 1000, 2000] if quick else [1000, 2000, 4000, 8000]
    image_sizes = [8, 16] if quick else [8, 16, 32, 64]
    repeats = 3 if quick else 7
    backward = backward_series(libraries, node_sizes, repeats)
    convs = conv_series(libraries, image_sizes, repeats)
    per_node = [t / n for t, n in zip(backward["minitorch"], node_sizes)]
    value = per_node[-1] / per_node[0]
    note = (f"backward per node: {per_node[0] * 1e6:.3g} us at {node_sizes[0]:,} nodes, "
            f"{per_node[-1] * 1e6:.3g} us at {node_sizes[-1]:,}")
    series = {"nodes": node_sizes, "backward": backward, "image_sizes": image_sizes, "conv2d": convs}
    name = f"backward time per node, {node_sizes[-1]:,} vs {node_sizes[0]:,} nodes (linear: 1)"
    return [Figure(name, value, "x", LINEARITY_TARGET, note=note, series=series)]
