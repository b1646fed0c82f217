"""What every benchmark shares: a figure with its target, and timing by medians of alternating runs.

Machines are noisy, so minitorch is always timed against its peer in the same run, one call of each in
turn (background load then hits both alike), and each side is summarised by its median. Targets are put
on the ratio of the two medians, not on absolute times, wherever a peer exists.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass, field

THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


@dataclass
class Figure:
    """One measured number: `value` in `unit`, compared with `limit` ("at most" or "at least").

    `value` is None when the figure could not be measured (a peer library is missing); `note` then says
    why, and otherwise gives the raw times behind a ratio. `if_missed` explains a missed target.
    """

    name: str
    value: float | None
    unit: str
    limit: float
    at_most: bool = True
    note: str = ""
    if_missed: str = ""  # why the target is out of reach, shown only when it is missed
    series: dict = field(default_factory=dict)  # data for the chart, not shown in the table

    @property
    def target(self) -> str:
        """The target as text, e.g. '<= 2.0 x'."""
        return f"{'<=' if self.at_most else '>='} {format_number(self.limit)} {self.unit}".strip()

    @property
    def met(self) -> bool | None:
        """Whether the target is met; None when there is no value."""
        if self.value is None:
            return None
        return self.value <= self.limit if self.at_most else self.value >= self.limit

    @property
    def shown_value(self) -> str:
        """The value as the table prints it."""
        if self.value is None:
            return "n/a"
        return f"{format_number(self.value)} {self.unit}".strip()


def format_number(value: float) -> str:
    """Three significant digits, without a trailing '.0' clutter for large numbers."""
    if value >= 100:
        return f"{value:,.0f}"
    return f"{value:.3g}"


def seconds(function) -> float:
    """Wall-clock seconds of one call of `function()`."""
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def timed_call(function) -> tuple[float, object]:
    """Wall-clock seconds of one call of `function()`, and what it returned."""
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def paired_medians(steps: dict, repeats: int, warmup: int = 2) -> dict:
    """Median seconds of each callable in `steps` (name -> function), called in turn `repeats` times.

    The calls alternate (a, b, a, b, ...) so that a burst of background load slows both sides; the first
    `warmup` rounds are not counted (caches, lazy imports, memory allocation).
    """
    times = {name: [] for name in steps}
    for round_number in range(warmup + repeats):
        for name, step in steps.items():
            elapsed = seconds(step)
            if round_number >= warmup:
                times[name].append(elapsed)
    return {name: statistics.median(values) for name, values in times.items()}


def median_seconds(function, repeats: int, warmup: int = 1) -> float:
    """Median seconds of `function()` over `repeats` calls after `warmup` uncounted ones."""
    return paired_medians({"only": function}, repeats, warmup)["only"]


def ratio_figure(name: str, times: dict, ours: str, theirs: str, limit: float, at_most: bool = True) -> Figure:
    """A figure `times[ours] / times[theirs]`, with both medians in the note."""
    value = times[ours] / times[theirs]
    note = f"{ours} {milliseconds(times[ours])}, {theirs} {milliseconds(times[theirs])} (medians)"
    return Figure(name, value, "x", limit, at_most, note)


def milliseconds(value: float) -> str:
    """Seconds as a short millisecond text, e.g. '7.11 ms'."""
    return f"{format_number(value * 1e3)} ms"


def missing_peer(name: str, limit: float, peer: str, install: str, at_most: bool = True) -> Figure:
    """A figure that cannot be measured because the peer library `peer` is not installed."""
    return Figure(name, None, "x", limit, at_most, f"{peer} is not installed ({install}): not measured")
