"""Run a PyTorch script on minitorch and report every printed tensor value that sits on a rounding tie.

    python tests/parity/tie_probe.py script.py

The script runs as ``python -m minitorch.run script.py`` would run it, and prints the same. Each time a
tensor is printed, its floating point values are also printed nudged ``ULPS`` units in the last place up
and down; when a nudged text differs from the real one, a line

    rounding tie: <the printed line> | nudged: <the nudged line>

goes to stderr. Such a value is decided by its last bits, which differ between machines: another BLAS
kernel (numpy's OpenBLAS picks one per CPU, torch's MKL too) sums in another order and may print the
other neighbour. A stored expectation must not depend on that.

Multiples of 1/16 are not nudged (see ``nudged``). Only printed tensors are probed: not Python floats
(``x.item()``), nor f-string formatting.
"""

import sys
from pathlib import Path

import numpy as np

# Differences between BLAS kernels seen so far are one or two units in the last place; ULPS leaves room.
ULPS = 8
MARKER = "rounding tie: "


def nudged(data, direction):
    """``data`` with its floating values moved ``ULPS`` units in the last place up or down.

    Values that are multiples of 1/16 (whole numbers, halves, ..., sixteenths) stay: they are exact results,
    on which every kernel agrees, and they print in at most four decimals, so never on a tie.
    """
    data = np.asarray(data)
    if data.dtype.kind != "f":
        return data
    step = direction * ULPS * np.spacing(data)
    exact = ~np.isfinite(data) | (data * 16 == np.round(data * 16))
    return np.where(exact, data, data + step).astype(data.dtype)


def first_difference(text, other):
    """The first line of ``text`` that differs from ``other``, beside its counterpart."""
    for line, other_line in zip(text.splitlines(), other.splitlines(), strict=False):
        if line != other_line:
            return f"{line.strip()} | nudged: {other_line.strip()}"
    return f"{text!r} | nudged: {other!r}"


def probing(format_tensor):
    """Wrap minitorch's ``format_tensor`` so that it also reports the ties of what it prints."""

    def format_and_probe(data, *args, **kwargs):
        text = format_tensor(data, *args, **kwargs)
        for direction in (1, -1):
            other = format_tensor(nudged(data, direction), *args, **kwargs)
            if other != text:
                print(MARKER + first_difference(text, other), file=sys.stderr)
                break
        return text

    return format_and_probe


def main(argv):
    """Install the probe, then run the script through ``minitorch.run``."""
    sys.path[0] = str(Path(__file__).resolve().parents[2])  # the repository, not this folder
    from minitorch import _printing, run

    _printing.format_tensor = probing(_printing.format_tensor)
    return run.main(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
