"""How fast the diagrams answer: a widget toggle redrawn from scratch, and a 1,000-box graph.

1. Toggle: `minitorch.viz.explore` on each of the seed article's examples; every `requires_grad`
   checkbox is flipped on and off, and each flip is timed until the widget holds the new SVG. Before
   each flip the SVG cache is emptied, so Graphviz's `dot` really runs (the widget normally draws every
   combination ahead of time; that warm case is given in the note). Target: median <= 50 ms.
2. Size: `draw_graph(...).svg()` of a chain of sigmoids and products with 1,001 boxes (backward nodes,
   saved tensors, the leaf and the output), from the tensors to the SVG text. Target <= 1 s.
These are absolute times (there is no peer to compare with), so they depend on the machine.
"""

from __future__ import annotations

import statistics

from timing import Figure, median_seconds, milliseconds, seconds

TOGGLE_TARGET_MS = 50.0
LARGE_TARGET_S = 1.0
CHAIN_OPS = 499  # 2 boxes per op (node and saved tensor) + leaf, AccumulateGrad, output: 1,001 boxes


def seed_examples(torch) -> dict:
    """The seed article's examples as `explore` functions, with the inputs each starts from."""
    functional = torch.nn.functional

    def requires_grad_example(x, y, w):
        z = x + y
        total = w + z
        return {"z": z, "total": total}

    def detach_example(t1, t2):
        v3 = t1 + t2
        v3_detached = v3.detach()
        v3_detached.data.add_(t1)
        return {"v3": v3, "v3_detached": v3_detached}

    def clone_and_copy_example(a):
        cloned = a.clone()
        copied = torch.zeros(3)
        copied.copy_(a)
        snapshot = a.detach().clone()
        loss = (cloned * 10).sum() + (copied * 100).sum()
        return {"cloned": cloned, "copied": copied, "snapshot": snapshot, "loss": loss}

    def sigmoid_example(a):
        out = a.sigmoid()
        c = out.detach()
        loss = out.sum()
        return {"out": out, "c": c, "loss": loss}

    def conv2d_example(inputs, weights):
        out = functional.conv2d(inputs, weights, stride=2, padding=1)
        return {"out": out}

    torch.manual_seed(0)
    return {
        requires_grad_example: {"x": torch.ones(1), "y": torch.ones(1), "w": torch.ones(1, requires_grad=True)},
        detach_example: {"t1": torch.tensor([1.0, 2.0], requires_grad=True),
                         "t2": torch.tensor([2.0, 3.0], requires_grad=True)},
        clone_and_copy_example: {"a": torch.tensor([1.0, 2.0, 3.0], requires_grad=True)},
        sigmoid_example: {"a": torch.tensor([1.0, 2.0, 3.0], requires_grad=True)},
        conv2d_example: {"inputs": torch.randn(1, 4, 5, 5),
                         "weights": torch.randn(8, 4, 3, 3, requires_grad=True)},
    }


def _checkboxes_and_diagram(widget):
    """The checkbox controls and the diagram of an `explore` widget (found by type, not position)."""
    import ipywidgets

    switches = widget.children[0]  # the row of requires_grad checkboxes (and the backward() button)
    diagram = next(child for child in widget.children if isinstance(child, ipywidgets.HTML) and "<svg" in child.value)
    return [c for c in switches.children if isinstance(c, ipywidgets.Checkbox) and not c.disabled], diagram


def toggle_times(rounds: int = 2) -> tuple[list[float], list[float]]:
    """Seconds per checkbox flip until the new SVG is in the widget: (cold, warm) over all seed examples."""
    import minitorch
    from minitorch.viz import explore
    from minitorch.viz.render import clear_render_cache

    cold, warm = [], []
    for function, inputs in seed_examples(minitorch).items():
        widget = explore(function, **inputs)
        checkboxes, diagram = _checkboxes_and_diagram(widget)
        for times, from_scratch in ((cold, True), (warm, False)):
            for _ in range(2 * rounds):  # an even number of flips leaves every box as it was
                for box in checkboxes:
                    before = diagram.value
                    if from_scratch:
                        clear_render_cache()
                    times.append(seconds(lambda box=box: setattr(box, "value", not box.value)))
                    if diagram.value == before:
                        raise AssertionError(f"flipping {box.description} left the diagram as it was")
    return cold, warm


def large_graph_seconds(repeats: int) -> tuple[float, int]:
    """Median seconds to draw the 1,001-box chain as SVG (cache emptied each time), and its box count."""
    import minitorch
    from minitorch.viz import draw_graph, graph_model
    from minitorch.viz.render import clear_render_cache

    y = minitorch.tensor([1.0, 2.0], requires_grad=True)
    for index in range(CHAIN_OPS):
        y = y * 1.01 if index % 2 else y.sigmoid()
    boxes = len(graph_model(y, max_nodes=10**6).nodes)

    def draw():
        clear_render_cache()
        draw_graph(y, max_nodes=2000).svg()

    return median_seconds(draw, repeats), boxes


def figures(repeats: int = 5) -> list[Figure]:
    """The two diagram figures."""
    cold, warm = toggle_times(rounds=max(1, repeats // 3))
    toggle = Figure("diagram: widget toggle to a new SVG, median over the seed's examples",
                    statistics.median(cold) * 1e3, "ms", TOGGLE_TARGET_MS,
                    note=f"{len(cold)} flips, Graphviz run each time; pre-drawn (as the widget does): "
                         f"{milliseconds(statistics.median(warm))}")
    large, boxes = large_graph_seconds(repeats)
    size = Figure(f"diagram: a {boxes:,}-box graph drawn to SVG", large, "s", LARGE_TARGET_S,
                  note="draw_graph(...).svg(), median")
    return [toggle, size]
