"""``python -m minitorch.run --compare script.py``: run a script on minitorch and on torch, diff what they print.

Both runs are subprocesses with the same working folder and arguments: ``python -m minitorch.run script.py``
and ``python script.py``. Memory addresses (``0x7f...``) differ from run to run, so both outputs have them
replaced by ``0x<address>`` before the comparison. The result is the word ``identical`` or a unified diff
(torch's output first), followed by the error output of a run that failed.
"""

from __future__ import annotations

import difflib
import importlib.util
import os
import re
import subprocess
import sys

_ADDRESS = re.compile(r"0x[0-9a-fA-F]+")
NO_TORCH = ("torch is not installed, so there is nothing to compare with: the output above is minitorch's alone "
            "(pip install torch==2.13.0 to compare).")
STDERR_TAIL_LINES = 15


def normalize(text: str) -> str:
    """Replace memory addresses, which differ between any two runs, by ``0x<address>``."""
    return _ADDRESS.sub("0x<address>", text)


def torch_available() -> bool:
    """Whether real PyTorch can be imported by this interpreter."""
    return importlib.util.find_spec("torch") is not None


def _environment() -> dict:
    """The current environment, with minitorch importable from any working folder."""
    package_parent = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [package_parent, env.get("PYTHONPATH")]))
    return env


def run_on(framework: str, script: str, arguments=(), cwd=None) -> subprocess.CompletedProcess:
    """Run ``script`` in a fresh interpreter on ``"minitorch"`` (aliased as torch) or on ``"torch"``."""
    prefix = [sys.executable, "-m", "minitorch.run"] if framework == "minitorch" else [sys.executable]
    return subprocess.run([*prefix, script, *arguments], capture_output=True, text=True, env=_environment(),
                          cwd=cwd)


def unified_diff(torch_output: str, minitorch_output: str, script: str) -> str:
    """The differences between the two outputs (empty when they are the same), addresses normalised."""
    lines = difflib.unified_diff(normalize(torch_output).splitlines(keepends=True),
                                 normalize(minitorch_output).splitlines(keepends=True),
                                 fromfile=f"{script} on torch", tofile=f"{script} on minitorch")
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def _failure_report(framework: str, result: subprocess.CompletedProcess) -> str:
    """The exit code and the last lines of the error output of a run that failed ("" if it succeeded)."""
    if result.returncode == 0:
        return ""
    tail = "".join(result.stderr.splitlines(keepends=True)[-STDERR_TAIL_LINES:])
    return f"{framework} exited with code {result.returncode}:\n{tail}"


def compare(script: str, arguments=(), out=None) -> int:
    """Print ``identical`` or the diff; return 0 when identical, 1 when the outputs or exit codes differ."""
    out = out or sys.stdout
    mini = run_on("minitorch", script, arguments)
    if not torch_available():
        out.write(mini.stdout)
        out.write(_failure_report("minitorch", mini))
        print(NO_TORCH, file=out)
        return mini.returncode
    real = run_on("torch", script, arguments)
    diff = unified_diff(real.stdout, mini.stdout, script)
    same = not diff and (mini.returncode == 0) == (real.returncode == 0)
    print("identical" if same else diff.rstrip("\n") or "the outputs are identical, but not the exit codes",
          file=out)
    for framework, result in (("torch", real), ("minitorch", mini)):
        if result.returncode != 0:
            out.write(_failure_report(framework, result))
    return 0 if same else 1
