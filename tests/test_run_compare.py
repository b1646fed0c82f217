"""``python -m minitorch.run --compare``: the parts that need no torch (the torch runs are in tests/parity/)."""

import io
import subprocess
import sys
import textwrap
from pathlib import Path

from minitorch import run_compare

REPO_ROOT = Path(__file__).resolve().parent.parent


def _script(tmp_path, source):
    path = tmp_path / "script.py"
    path.write_text(textwrap.dedent(source))
    return path


def test_addresses_are_normalised_before_comparing():
    assert run_compare.normalize("<Node object at 0x7f3a12>") == "<Node object at 0x<address>>"
    assert run_compare.unified_diff("at 0x1234\n", "at 0xabcd\n", "s.py") == ""


def test_a_difference_is_shown_as_a_unified_diff_torch_first():
    diff = run_compare.unified_diff("a\nb\n", "a\nc\n", "s.py")
    assert diff.splitlines() == ["--- s.py on torch", "+++ s.py on minitorch", "@@ -1,2 +1,2 @@", " a", "-b", "+c"]


def test_without_torch_it_runs_minitorch_alone_and_says_so(tmp_path, monkeypatch):
    monkeypatch.setattr(run_compare, "torch_available", lambda: False)
    out = io.StringIO()
    code = run_compare.compare(str(_script(tmp_path, "import torch\nprint(torch.ones(2))\n")), out=out)
    assert code == 0
    assert out.getvalue() == f"tensor([1., 1.])\n{run_compare.NO_TORCH}\n"


def test_without_torch_a_failing_script_reports_its_error(tmp_path, monkeypatch):
    monkeypatch.setattr(run_compare, "torch_available", lambda: False)
    out = io.StringIO()
    code = run_compare.compare(str(_script(tmp_path, "raise ValueError('boom')\n")), out=out)
    assert code == 1
    assert "minitorch exited with code 1:" in out.getvalue() and "ValueError: boom" in out.getvalue()


def test_compare_without_a_script_prints_the_usage():
    result = subprocess.run([sys.executable, "-m", "minitorch.run", "--compare"], cwd=REPO_ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and result.stderr.startswith("usage: python -m minitorch.run [--compare]")
