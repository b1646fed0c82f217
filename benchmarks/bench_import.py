"""`import minitorch` in a fresh Python, the first thing every notebook runs.

Each sample is a new interpreter that times its own `import minitorch` (numpy included, since minitorch
needs it; the interpreter's start-up is not counted). Fresh processes importing numpy alone alternate
with them, so the note can say how much of the time is numpy's. Target: median <= 0.15 s.
"""

from __future__ import annotations

import statistics
import subprocess
import sys

from timing import Figure, format_number

TARGET_S = 0.15
_PROGRAM = "import time; start = time.perf_counter(); import {module}; print(time.perf_counter() - start)"


def import_seconds(module: str) -> float:
    """Seconds a fresh interpreter takes to import `module`, measured inside it."""
    done = subprocess.run([sys.executable, "-c", _PROGRAM.format(module=module)],
                          capture_output=True, text=True, check=True)
    return float(done.stdout.strip())


def figures(repeats: int = 15) -> list[Figure]:
    """The import figure: median over `repeats` fresh interpreters (one warm-up run not counted)."""
    import_seconds("minitorch")  # the first run also fills the bytecode and file-system caches
    ours, numpy_only = [], []
    for _ in range(repeats):
        ours.append(import_seconds("minitorch"))
        numpy_only.append(import_seconds("numpy"))
    median, numpy_median = statistics.median(ours), statistics.median(numpy_only)
    note = (f"median of {repeats} fresh interpreters; numpy alone: {format_number(numpy_median)} s, "
            f"so minitorch's own modules: {format_number(max(median - numpy_median, 0.0))} s")
    return [Figure("import minitorch (fresh interpreter, numpy included)", median, "s", TARGET_S, note=note)]
