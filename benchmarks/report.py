"""Turn the figures into `benchmarks/results.md`, the chart `assets/benchmarks.png` and the README's table."""

from __future__ import annotations

import re
from pathlib import Path

from timing import Figure

README_START = "<!-- benchmarks table: written by benchmarks/run.py -->"
README_END = "<!-- end of benchmarks table -->"
MET_TEXT = {True: "yes", False: "**no**", None: "n/a"}


def table(figures: list[Figure]) -> str:
    """The markdown table: figure, value, target, met?"""
    lines = ["| figure | value | target | met? |", "| --- | --- | --- | --- |"]
    for figure in figures:
        lines.append(f"| {figure.name} | {figure.shown_value} | {figure.target} | {MET_TEXT[figure.met]} |")
    return "\n".join(lines)


def details(figures: list[Figure]) -> str:
    """One bullet per figure with the raw numbers behind it (or why it is missing)."""
    return "\n".join(f"- {figure.name}: {figure.note}" for figure in figures if figure.note)


def missed_explanations(figures: list[Figure]) -> str:
    """A bullet per missed target that knows why it is missed."""
    return "\n".join(f"- **{f.name}**: {f.if_missed}" for f in figures if f.met is False and f.if_missed)


def scaling_tables(series: dict) -> str:
    """The scaling measurements as two small tables, in milliseconds."""
    if not series:
        return ""
    parts = []
    for title, key, sizes, label in (
        ("Backward time against the number of nodes", "backward", series["nodes"], "nodes"),
        ("conv2d forward+backward against the image size (batch 32, 3->16 channels)", "conv2d",
         series["image_sizes"], "image"),
    ):
        libraries = list(series[key])
        lines = [f"**{title}**", "", f"| {label} | " + " | ".join(f"{name} (ms)" for name in libraries) + " |",
                 "| --- |" + " --- |" * len(libraries)]
        for index, size in enumerate(sizes):
            shown = f"{size}x{size}" if key == "conv2d" else f"{size:,}"
            times = " | ".join(f"{series[key][name][index] * 1e3:.3g}" for name in libraries)
            lines.append(f"| {shown} | {times} |")
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


def results_markdown(figures: list[Figure], header: str, series: dict, chart: str | None) -> str:
    """The whole results file."""
    sections = ["# Benchmark results", header, table(figures)]
    if missed_explanations(figures):
        sections += ["## Why targets are missed", missed_explanations(figures)]
    sections += ["## Details", details(figures)]
    if series:
        sections += ["## Scaling", scaling_tables(series)]
    if chart:
        sections.append(f"![Scaling of backward and conv2d]({chart})")
    return "\n\n".join(section for section in sections if section) + "\n"


def update_readme(readme: Path, figures: list[Figure], header: str) -> bool:
    """Replace the table between the README's benchmark markers; False when the markers are missing."""
    text = readme.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(README_START) + ".*?" + re.escape(README_END), re.DOTALL)
    if not pattern.search(text):
        return False
    missed = missed_explanations(figures)
    why = f"\n\nWhy targets are missed:\n\n{missed}" if missed else ""
    block = f"{README_START}\n{header}\n\n{table(figures)}{why}\n{README_END}"
    readme.write_text(pattern.sub(lambda _: block, text, count=1), encoding="utf-8")
    return True


def draw_chart(series: dict, path: Path) -> None:
    """Two panels: backward time against nodes, conv2d time against image size (matplotlib, Agg)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, (left, right) = plt.subplots(1, 2, figsize=(10, 4), dpi=110)
    nodes = series["nodes"]
    for name, times in series["backward"].items():
        left.plot(nodes, [t * 1e3 for t in times], marker="o", label=name)
    per_node = series["backward"]["minitorch"][-1] / nodes[-1]
    left.plot([0, nodes[-1]], [0, per_node * nodes[-1] * 1e3], linestyle="--", color="grey",
              label="linear (through the largest)")
    left.set(title="backward() of a chain of small ops", xlabel="nodes in the graph", ylabel="ms")
    pixels = [size * size for size in series["image_sizes"]]
    for name, times in series["conv2d"].items():
        right.plot(pixels, [t * 1e3 for t in times], marker="o", label=name)
    right.set(title="conv2d forward+backward, batch 32, 3->16 channels", xlabel="pixels per image (H x W)",
              ylabel="ms")
    for axes in (left, right):
        axes.grid(alpha=0.3)
        axes.legend()
        axes.set_xlim(left=0)
        axes.set_ylim(bottom=0)
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path)
    plt.close(figure)
