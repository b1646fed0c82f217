"""How long the notebooks take: each one's execution, and the whole strict nbval suite.

One run of the same command `make test` uses for the notebooks (strict nbval with the sanitize file),
in a child process with the machine's ordinary thread settings, as a learner's kernel would have.
The suite figure is that run's wall-clock time, pytest's start-up included; a notebook's figure is the
sum of its cells' times from pytest's JUnit report (kernel start-up included, as in the first cell).
Targets: <= 5 s per notebook (07, which trains a network on real data: <= 20 s), <= 60 s for the suite
on a 2-core machine. Absolute times: they depend on the machine (the note gives its number of cores).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ElementTree
from collections import defaultdict
from pathlib import Path

from timing import Figure

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK_TARGET_S = 5.0
# The capstone trains a convolutional network on real digits: its own, larger budget.
NOTEBOOK_TARGETS_S = {"07_capstone": 20.0}
SUITE_TARGET_S = 60.0


def nbval_command(notebooks: list[Path], report: Path) -> list[str]:
    """The strict nbval pytest command for `notebooks`, writing a JUnit report to `report`."""
    return [
        sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
        "--nbval", "--nbval-current-env", "--nbval-sanitize-with", str(ROOT / "tests" / "nbval_sanitize.cfg"),
        "--nbval-cell-timeout", "120", f"--junitxml={report}", "-o", "junit_family=xunit1",
        *(str(path) for path in notebooks),
    ]


def cell_times(report: Path) -> dict[str, float]:
    """Seconds per notebook (file name -> sum of its cells' times) from a JUnit report."""
    totals: dict[str, float] = defaultdict(float)
    for case in ElementTree.parse(report).iter("testcase"):
        totals[Path(case.get("file", case.get("classname", "?"))).name] += float(case.get("time", 0))
    return dict(totals)


def run_suite(notebooks: list[Path], environment: dict) -> tuple[float, dict[str, float], str]:
    """Run strict nbval on `notebooks`; return its wall-clock seconds, seconds per notebook and a status."""
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "nbval.xml"
        start = time.perf_counter()
        done = subprocess.run(nbval_command(notebooks, report), cwd=ROOT, env=environment,
                              capture_output=True, text=True)
        wall = time.perf_counter() - start
        per_notebook = cell_times(report) if report.exists() else {}
    last_line = (done.stdout.strip().splitlines() or ["no output"])[-1]
    status = "all cells passed" if done.returncode == 0 else f"nbval did not pass: {last_line}"
    return wall, per_notebook, status


def figures(environment: dict | None = None, quick: bool = False) -> list[Figure]:
    """One figure per notebook and one for the suite (`quick`: the first notebook only)."""
    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    if not notebooks:
        return [Figure("strict nbval suite", None, "s", SUITE_TARGET_S, note="no notebooks found")]
    if quick:
        notebooks = notebooks[:1]
    environment = dict(os.environ if environment is None else environment)
    environment["IPYKERNEL_CELL_NAME"] = "<IPY-INPUT>"
    wall, per_notebook, status = run_suite(notebooks, environment)
    result = [
        Figure(f"notebook {path.stem}: execution", per_notebook.get(path.name), "s",
               NOTEBOOK_TARGETS_S.get(path.stem, NOTEBOOK_TARGET_S),
               note="cells' times, kernel start included" if path.name in per_notebook else "no report")
        for path in notebooks
    ]
    suite = "strict nbval suite" + (" (quick: first notebook only)" if quick else f" ({len(notebooks)} notebooks)")
    result.append(Figure(suite, wall, "s", SUITE_TARGET_S, note=f"{status}; {os.cpu_count()} cores"))
    return result
