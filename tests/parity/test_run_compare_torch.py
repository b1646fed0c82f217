"""``python -m minitorch.run --compare`` with real torch installed: "identical", or a diff of the two outputs."""

import os
import subprocess
import sys
import textwrap

import pytest
from snippet_tools import REPO_ROOT

pytestmark = pytest.mark.parity


def _compare(tmp_path, source):
    script = tmp_path / "script.py"
    script.write_text(textwrap.dedent(source))
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
    return subprocess.run([sys.executable, "-m", "minitorch.run", "--compare", "script.py"], cwd=tmp_path,
                          env=env, capture_output=True, text=True, timeout=120)


def test_a_script_that_prints_the_same_is_identical(torch, tmp_path):
    result = _compare(tmp_path, """
        import torch
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        y = (x * x).sum()
        y.backward()
        print(x.grad, y.grad_fn)
    """)
    assert (result.returncode, result.stdout) == (0, "identical\n")


def test_a_difference_is_printed_as_a_diff(torch, tmp_path):
    result = _compare(tmp_path, """
        import torch
        print("same line")
        print(torch.__name__)
    """)
    assert result.returncode == 1
    assert result.stdout.splitlines() == ["--- script.py on torch", "+++ script.py on minitorch", "@@ -1,2 +1,2 @@",
                                          " same line", "-torch", "+minitorch"]


def test_a_script_that_fails_on_one_side_shows_that_sides_error(torch, tmp_path):
    result = _compare(tmp_path, """
        import torch
        print("start")
        if torch.__name__ == "minitorch":
            raise SystemExit("stopped on minitorch")
    """)
    assert result.returncode == 1
    assert result.stdout.startswith("the outputs are identical, but not the exit codes\nminitorch exited with code 1")
    assert "stopped on minitorch" in result.stdout
