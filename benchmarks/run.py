"""Run every benchmark, print each figure, write benchmarks/results.md, the chart and the README's table.

    python benchmarks/run.py            the full run (`make bench`), a few minutes
    python benchmarks/run.py --quick    a few repetitions of everything, to check that it all still runs

Comparisons are single-threaded: the thread variables are set here, before numpy or torch is imported
(torch's OpenMP threads and numpy's BLAS threads taking turns on few cores make each wait on the other's
spinning threads). torch and micrograd are optional: a figure whose peer is missing says so.
A benchmark that fails is reported and the others still run; the exit status is then 1.
"""

import os
import sys

_LEARNER_ENVIRONMENT = dict(os.environ)  # the notebooks are timed as a learner runs them: threads unpinned
for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_variable] = "1"

import argparse  # noqa: E402 (the thread variables must be set before anything imports numpy)
import datetime  # noqa: E402
import importlib.metadata  # noqa: E402
import platform  # noqa: E402
import time  # noqa: E402
import traceback  # noqa: E402
from pathlib import Path  # noqa: E402

import bench_conv2d  # noqa: E402
import bench_diagrams  # noqa: E402
import bench_import  # noqa: E402
import bench_micrograd  # noqa: E402
import bench_notebooks  # noqa: E402
import bench_scaling  # noqa: E402
import bench_small_ops  # noqa: E402
import report  # noqa: E402
from timing import Figure  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def optional_torch():
    """torch, single-threaded, or None when it is not installed."""
    try:
        import torch
    except ImportError:
        return None
    torch.set_num_threads(1)
    return torch


def importable(module: str) -> bool:
    """True when `module` can be imported."""
    try:
        __import__(module)
    except ImportError:
        return False
    return True


def version_of(distribution: str) -> str:
    """The installed version of a distribution, or 'not installed'."""
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def machine_line(quick: bool) -> str:
    """When, where and with which versions the figures were measured."""
    import numpy

    mode = "quick mode: a smoke test, not a measurement" if quick else "full run"
    return (f"Measured on {datetime.date.today()} ({mode}): Python {platform.python_version()}, "
            f"numpy {numpy.__version__}, torch {version_of('torch')}, micrograd {version_of('micrograd')}; "
            f"{os.cpu_count()} cores, comparisons single-threaded.")


METHOD = ("Written by `make bench` (`benchmarks/run.py`). A ratio compares minitorch with its peer in the same "
          "run (medians of alternating runs); times in s or ms have no peer and depend on the machine.")


def benchmarks(quick: bool) -> list:
    """(title, function returning figures) for each benchmark, in the order they run."""
    torch = optional_torch()
    has_micrograd = importable("micrograd")
    few = quick  # fewer repetitions
    return [
        ("import", lambda: bench_import.figures(repeats=3 if few else 15)),
        ("small ops", lambda: bench_small_ops.figures(torch, repeats=3 if few else 100)),
        ("conv2d", lambda: bench_conv2d.figures(torch, repeats=3 if few else 60)),
        ("micrograd", lambda: bench_micrograd.figures(has_micrograd, steps=3 if few else 100,
                                                      micrograd_steps=1 if few else 10)),
        ("scaling", lambda: bench_scaling.figures(torch, quick=few)),
        ("diagrams", lambda: bench_diagrams.figures(repeats=1 if few else 5)),
        ("notebooks", lambda: bench_notebooks.figures(_LEARNER_ENVIRONMENT, quick=few)),
    ]


def run_all(quick: bool) -> tuple[list[Figure], dict, bool]:
    """Run each benchmark, printing its figures as they come; return figures, scaling series, success."""
    figures, series, ok = [], {}, True
    for title, measure in benchmarks(quick):
        start = time.perf_counter()
        print(f"== {title}", flush=True)
        try:
            measured = measure()
        except Exception as error:  # one broken benchmark must not hide the others' figures
            traceback.print_exc()
            measured = [Figure(f"{title} benchmark", None, "", 0, note=f"failed: {type(error).__name__}: {error}")]
            ok = False
        for figure in measured:
            series.update(figure.series)
            verdict = {True: "met", False: "MISSED", None: "not measured"}[figure.met]
            print(f"  {figure.name}: {figure.shown_value} (target {figure.target}: {verdict})")
            if figure.note:
                print(f"      {figure.note}")
            if figure.met is False and figure.if_missed:
                print(f"      why missed: {figure.if_missed}")
        print(f"   ({time.perf_counter() - start:.1f} s)", flush=True)
        figures += measured
    return figures, series, ok


def main(argv=None) -> int:
    """Parse the options, run, write the outputs; 0 when every benchmark ran (targets may be missed)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="few repetitions; does not touch the README")
    parser.add_argument("--results", type=Path, default=ROOT / "benchmarks" / "results.md")
    parser.add_argument("--chart", type=Path, default=ROOT / "assets" / "benchmarks.png")
    parser.add_argument("--readme", type=Path, default=ROOT / "README.md",
                        help="README whose benchmark table is replaced (full runs only)")
    options = parser.parse_args(argv)

    start = time.perf_counter()
    figures, series, ok = run_all(options.quick)
    line = machine_line(options.quick)
    chart_link = None
    if series:
        report.draw_chart(series, options.chart)
        chart_link = os.path.relpath(options.chart, options.results.parent)
    options.results.parent.mkdir(parents=True, exist_ok=True)
    results = report.results_markdown(figures, f"{line}\n{METHOD}", series, chart_link)
    options.results.write_text(results, encoding="utf-8")
    print(f"\nwrote {options.results}" + (f" and {options.chart}" if series else ""))
    if not options.quick and ok and options.readme.exists():
        updated = report.update_readme(options.readme, figures, line)
        print(f"updated the table in {options.readme}" if updated else f"no benchmark markers in {options.readme}")
    print(f"{sum(f.met is True for f in figures)} of {len(figures)} targets met, "
          f"{sum(f.met is False for f in figures)} missed, {sum(f.met is None for f in figures)} not measured "
          f"({time.perf_counter() - start:.0f} s)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
