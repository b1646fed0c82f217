"""Shared helpers for the snippet parity suite: find snippets, run them, normalise their output.

A snippet is a plain PyTorch script in ``snippets/`` (core topics) or ``snippets/nn/`` (nn and optim).
Its expected output, ``<name>.out`` beside it, is what real torch 2.13.0 printed (see ``regenerate.py``).
"""

import os
import re
import subprocess
import sys
from pathlib import Path

PARITY_DIR = Path(__file__).resolve().parent
SNIPPETS_DIR = PARITY_DIR / "snippets"
REPO_ROOT = PARITY_DIR.parent.parent
TIMEOUT_SECONDS = 60

_ADDRESS = re.compile(r"0x[0-9a-fA-F]+")
ADDRESS_PLACEHOLDER = "0x<address>"


def all_snippets():
    """Every snippet script, core ones first, sorted by path."""
    core = sorted(SNIPPETS_DIR.glob("*.py"))
    nn = sorted((SNIPPETS_DIR / "nn").glob("*.py"))
    return core + nn


def snippet_id(path):
    """A short test id for a snippet: ``tensor_dtypes`` or ``nn/parameter_repr``."""
    return path.relative_to(SNIPPETS_DIR).with_suffix("").as_posix()


def expected_output_path(path):
    """The stored output file that belongs to a snippet."""
    return path.with_suffix(".out")


def normalize(text):
    """Replace memory addresses (``0x7f3a...``) so outputs of different runs compare equal."""
    return _ADDRESS.sub(ADDRESS_PLACEHOLDER, text)


def run_snippet(path, with_minitorch, probe_ties=False):
    """Run one snippet in a fresh interpreter and return the ``CompletedProcess``.

    With ``with_minitorch`` the script runs through ``python -m minitorch.run`` (torch aliased to
    minitorch); otherwise it runs as a plain script on whatever ``torch`` is installed. With
    ``probe_ties`` it runs on minitorch through ``tie_probe.py``, which also reports on stderr every
    printed value that sits on a rounding tie.
    """
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONIOENCODING"] = "utf-8"
    env.pop("PYTHONWARNINGS", None)
    if probe_ties:
        prefix = [sys.executable, str(PARITY_DIR / "tie_probe.py")]
    elif with_minitorch:
        prefix = [sys.executable, "-m", "minitorch.run"]
    else:
        prefix = [sys.executable]
    return subprocess.run(
        [*prefix, str(path)],
        cwd=path.parent,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=TIMEOUT_SECONDS,
    )
