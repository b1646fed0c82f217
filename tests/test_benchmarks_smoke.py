"""The benchmarks still run: `benchmarks/run.py --quick` end to end, and the README table update.

Nothing here is timed or compares speeds; the figures themselves come from `make bench`.
"""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = ROOT / "benchmarks"
EVERY_BENCHMARK = ("import minitorch", "small ops", "conv2d forward+backward", "micrograd's demo",
                   "backward time per node", "widget toggle", "graph drawn to SVG", "notebook 00_start_here",
                   "strict nbval suite")


@pytest.fixture(scope="module")
def quick_run(tmp_path_factory):
    """Run the quick benchmarks once into a temporary folder, with a README copy it must not touch."""
    folder = tmp_path_factory.mktemp("bench")
    readme = folder / "README.md"
    readme.write_text((ROOT / "README.md").read_text(encoding="utf-8"), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / "run.py"), "--quick", "--results", str(folder / "results.md"),
         "--chart", str(folder / "chart.png"), "--readme", str(readme)],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    return folder, done


def test_quick_run_succeeds(quick_run):
    _, done = quick_run
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]


def test_quick_run_prints_and_writes_every_figure(quick_run):
    folder, done = quick_run
    results = (folder / "results.md").read_text(encoding="utf-8")
    assert "| figure | value | target | met? |" in results
    for name in EVERY_BENCHMARK:
        assert name in done.stdout, f"{name!r} not printed"
        assert name in results, f"{name!r} not in results.md"
    assert "failed:" not in results


def test_quick_run_draws_the_chart_and_leaves_the_readme(quick_run):
    folder, _ = quick_run
    assert (folder / "chart.png").read_bytes().startswith(b"\x89PNG")
    assert (folder / "README.md").read_text(encoding="utf-8") == (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_table_is_replaced_between_the_markers(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    import report
    from timing import Figure

    readme = tmp_path / "README.md"
    readme.write_text(f"# Title\n\n## Benchmarks\n\n{report.README_START}\nold\n{report.README_END}\n\n## Next\n")
    figures = [Figure("ratio", 1.5, "x", 2.0), Figure("missing peer", None, "x", 100.0, at_most=False)]

    assert report.update_readme(readme, figures, "Measured here.")

    text = readme.read_text()
    assert "old" not in text and text.startswith("# Title") and text.endswith("## Next\n")
    assert "| ratio | 1.5 x | <= 2 x | yes |" in text
    assert "| missing peer | n/a | >= 100 x | n/a |" in text


def test_readme_without_markers_is_left_alone(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    import report

    readme = tmp_path / "README.md"
    readme.write_text("# Title\n")
    assert not report.update_readme(readme, [], "header")
    assert readme.read_text() == "# Title\n"
