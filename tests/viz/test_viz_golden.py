"""The DOT source of each scenario equals its checked-in golden file, with minitorch and with torch.

Ids, order and styling are deterministic, so any change to a diagram shows up as a diff of
tests/viz/golden/*.gv. Rewrite them with `pytest tests/viz --update-golden`.
"""

import shutil
import subprocess
from pathlib import Path

import pytest
from viz_scenarios import SCENARIOS, draw_args

from minitorch.viz import draw_graph

GOLDEN_DIR = Path(__file__).parent / "golden"  # (not imported from conftest: another directory's has that name)


def _writes_golden(library) -> bool:
    return library.__name__ == "minitorch"


@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_dot_source_matches_golden(scenario, library, update_golden):
    roots, kwargs = draw_args(scenario, library)
    source = draw_graph(*roots, **kwargs).source
    path = GOLDEN_DIR / f"{scenario}.gv"
    if update_golden and _writes_golden(library):
        path.write_text(source, encoding="utf-8")
    assert path.exists(), f"no golden file {path.name}: run pytest tests/viz --update-golden"
    assert source == path.read_text(encoding="utf-8")


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is not installed")
@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_golden_file_renders_without_warnings(scenario):
    path = GOLDEN_DIR / f"{scenario}.gv"
    result = subprocess.run(["dot", "-Tsvg", str(path)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.rstrip().endswith("</svg>")
