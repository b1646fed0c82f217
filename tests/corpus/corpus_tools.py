"""The corpus: PyTorch scripts written like the pages learners read, run on torch and on minitorch.

Each script in this folder mirrors a page of the PyTorch tutorials, the PyTorch docs, d2l.ai or a well-known
Q&A; its first line names the page. A line ``# expected-to-differ: <reason>`` marks a script that does not yet
print what torch prints, and says why. What torch 2.13.0 prints is stored in ``expected/<script>.out``
(memory addresses normalised), so the tests need torch only to check a sample live.

    python tests/corpus/corpus_tools.py              # store torch's outputs, measure, write docs/corpus.md
    python tests/corpus/corpus_tools.py --report     # measure against the stored outputs only (no torch)
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

CORPUS_DIR = Path(__file__).resolve().parent
REPO_ROOT = CORPUS_DIR.parent.parent
EXPECTED_DIR = CORPUS_DIR / "expected"
REPORT_PATH = REPO_ROOT / "docs" / "corpus.md"
_EXPECTED = re.compile(r"^# expected-to-differ: (.+)$", re.MULTILINE)
_MIRRORS = re.compile(r"^# Mirrors: (.+)$", re.MULTILINE)

if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))
from minitorch.run_compare import normalize, run_on, unified_diff  # noqa: E402


@dataclass
class Outcome:
    """The result for one script: ``identical``, ``differs`` or ``fails`` (minitorch raised), and detail."""

    script: Path
    status: str
    detail: str
    diff: str


def corpus_scripts() -> list[Path]:
    """Every corpus script, sorted by name."""
    return sorted(p for p in CORPUS_DIR.glob("*.py") if p.name != Path(__file__).name)


def mirrored_page(script: Path) -> str:
    """The page the script mirrors, from its first line."""
    match = _MIRRORS.search(script.read_text(encoding="utf-8"))
    return match.group(1) if match else ""


def expected_difference(script: Path) -> str | None:
    """The reason given in the script for printing something else than torch, or None."""
    match = _EXPECTED.search(script.read_text(encoding="utf-8"))
    return match.group(1) if match else None


def expected_output_path(script: Path) -> Path:
    """Where torch's stored output for ``script`` lives."""
    return EXPECTED_DIR / f"{script.stem}.out"


def run_script(script: Path, framework: str):
    """Run ``script`` in its own folder on ``"torch"`` or ``"minitorch"``."""
    return run_on(framework, script.name, cwd=script.parent)


def _last_error_line(stderr: str) -> str:
    lines = [line for line in stderr.strip().splitlines() if line.strip()]
    return lines[-1] if lines else "(no error output)"


def _first_changed_line(diff: str) -> str:
    for line in diff.splitlines()[2:]:
        if line.startswith(("-", "+")):
            return line
    return ""


def classify(script: Path, torch_output: str, minitorch_result) -> Outcome:
    """Compare minitorch's run with torch's output: identical, differs (first changed line) or fails."""
    diff = unified_diff(torch_output, minitorch_result.stdout, script.name)
    if minitorch_result.returncode != 0:
        return Outcome(script, "fails", _last_error_line(minitorch_result.stderr), diff)
    if diff:
        return Outcome(script, "differs", _first_changed_line(diff), diff)
    return Outcome(script, "identical", "", "")


def compare_with_stored(script: Path) -> Outcome:
    """Run ``script`` on minitorch and compare with torch's stored output."""
    stored = expected_output_path(script).read_text(encoding="utf-8")
    return classify(script, stored, run_script(script, "minitorch"))


def compare_live(script: Path) -> Outcome:
    """Run ``script`` on both torch and minitorch now (what ``python -m minitorch.run --compare`` does)."""
    real = run_script(script, "torch")
    if real.returncode != 0:
        return Outcome(script, "torch fails", _last_error_line(real.stderr), "")
    return classify(script, real.stdout, run_script(script, "minitorch"))


def store_torch_output(script: Path) -> None:
    """Run ``script`` on torch and store its normalised output."""
    real = run_script(script, "torch")
    if real.returncode != 0:
        raise SystemExit(f"{script.name} fails on torch:\n{real.stderr}")
    EXPECTED_DIR.mkdir(exist_ok=True)
    expected_output_path(script).write_text(normalize(real.stdout), encoding="utf-8")


def _row(outcome: Outcome) -> str:
    reason = expected_difference(outcome.script) or "(not marked: a regression)"
    observed = outcome.detail.replace("|", "\\|")
    return f"| `{outcome.script.name}` | {outcome.status} | {reason} | `{observed[:110]}` |"


def write_report(outcomes: list[Outcome]) -> str:
    """docs/corpus.md: the pass rate, and each script that does not print what torch prints, with why."""
    identical = [o for o in outcomes if o.status == "identical"]
    others = [o for o in outcomes if o.status != "identical"]
    lines = [
        "# The corpus: real-world scripts, run with `python -m minitorch.run --compare`",
        "",
        "Each script in `tests/corpus/` mirrors a page of the PyTorch tutorials, the PyTorch docs and notes,",
        "d2l.ai's preliminaries and builders' guide, or a well-known Q&A (its first line names the page). It runs",
        "unchanged on minitorch and its output is compared with what torch 2.13.0 printed",
        "(`tests/corpus/expected/`; memory addresses normalised). Regenerate this page with",
        "`python tests/corpus/corpus_tools.py` (needs torch) or `... corpus_tools.py --report` (stored outputs).",
        "A script marked `# expected-to-differ: <reason>` is an expected failure in `tests/parity/test_corpus.py`.",
        "",
        f"**{len(identical)} of {len(outcomes)} scripts print exactly what torch prints.**",
        "",
        "| script | result | why (as marked in the script) | first difference or error |",
        "| --- | --- | --- | --- |",
        *(_row(o) for o in others),
        "",
        "Identical: " + ", ".join(f"`{o.script.name}`" for o in identical) + ".",
        "",
    ]
    text = "\n".join(lines)
    REPORT_PATH.write_text(text, encoding="utf-8")
    return text


def main(argv: list[str]) -> None:
    """Store torch's outputs (unless ``--report``), compare every script, write docs/corpus.md."""
    outcomes = []
    for script in corpus_scripts():
        if "--report" not in argv:
            store_torch_output(script)
        outcome = compare_with_stored(script)
        print(f"{outcome.status:10} {script.name:40} {outcome.detail[:100]}", flush=True)
        outcomes.append(outcome)
    write_report(outcomes)


if __name__ == "__main__":
    main(sys.argv[1:])
